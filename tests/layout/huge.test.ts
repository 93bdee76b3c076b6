// Long runs without spaces, in every script: layout stays linear in a paragraph's length (a
// million-character Chinese paragraph, one of control pictures, emoji families), every line fits,
// no text is lost, and a huge plain paragraph is laid out in bounded pieces.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sanitizeArticle } from "../../src/content/sanitize.js";
import { type Article, articleSchema } from "../../src/content/schema.js";
import { ArticleLayout, MAX_BLOCK_CHARS, outline, splitHuge } from "../../src/layout/article.js";
import { textWidth } from "../../src/layout/wrap.js";
import { renderPrint } from "../../src/print.js";

const seed = sanitizeArticle(
  articleSchema.parse(
    JSON.parse(
      readFileSync(new URL("../../content/azerbaijan-and-israel.json", import.meta.url), "utf8"),
    ),
  ),
);

function withParagraph(text: string): Article {
  const first = seed.sections[0] as Article["sections"][number];
  return sanitizeArticle({
    ...seed,
    id: "huge",
    sections: [{ ...first, paragraphs: [...first.paragraphs, text] }, ...seed.sections.slice(1)],
  });
}

describe("huge paragraphs", () => {
  it("cut into pieces between graphemes, keeping every character", () => {
    const text = "👨‍👩‍👧‍👦".repeat(20_000);
    const pieces = splitHuge(text);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("")).toBe(text);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(MAX_BLOCK_CHARS);
      expect(p.startsWith("👨")).toBe(true);
    }
    const spaced = "word ".repeat(40_000);
    expect(splitHuge(spaced).join(" ")).toBe(spaced);
  });

  for (const [name, char, n] of [
    ["Chinese", "一", 400_000],
    ["control pictures (ESC)", "\u001b", 400_000],
    ["emoji families", "👨‍👩‍👧‍👦", 40_000],
  ] as const) {
    it(`lays out ${n.toLocaleString("en")} ${name} in time linear in the length`, () => {
      const time = (count: number) => {
        const article = withParagraph(char.repeat(count));
        const t = performance.now();
        const layout = new ArticleLayout(article, 80);
        layout.finish();
        const ms = performance.now() - t;
        for (const line of layout.lines) expect(textWidth(line.text)).toBeLessThanOrEqual(80);
        return { ms, blocks: outline(article).blocks.length };
      };
      time(n / 10); // warm up
      const small = time(n / 4);
      const large = time(n);
      expect(large.blocks).toBeGreaterThan(small.blocks);
      // Four times the text: far under sixteen times the time (quadratic).
      expect(large.ms, `${small.ms.toFixed(0)} ms then ${large.ms.toFixed(0)} ms`).toBeLessThan(
        small.ms * 8 + 100,
      );
    });
  }

  it("prints a 200,000-character Chinese paragraph whole, within the width", () => {
    const text = "中文".repeat(100_000);
    const out = renderPrint(withParagraph(text), { width: 60, color: false });
    const body = out.split("\n").filter((l) => /^[中文]+$/.test(l));
    expect(body.join("")).toBe(text);
    for (const l of body) expect(textWidth(l)).toBeLessThanOrEqual(60);
  });
});
