// Article layout: the outline (blocks and sections), incremental layout that matches a layout
// done at once, section lookup, and anchors that keep the top paragraph across widths.
import { readFileSync } from "node:fs";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { sanitizeArticle } from "../../src/content/sanitize.js";
import { type Article, articleSchema } from "../../src/content/schema.js";
import { ArticleLayout, getLayout, outline } from "../../src/layout/article.js";
import { isLoneUrl, shown } from "../helpers/lines.js";

function fixture(path: string): Article {
  const url = new URL(path, import.meta.url);
  return sanitizeArticle(articleSchema.parse(JSON.parse(readFileSync(url, "utf8"))));
}

const seed = fixture("../../content/azerbaijan-and-israel.json");
const threads = fixture("../fixtures/threads/long-discussion.json");

function finished(article: Article, width: number): ArticleLayout {
  const layout = new ArticleLayout(article, width);
  layout.finish();
  return layout;
}

/** A big article (many sections of long paragraphs) to exercise chunked layout. */
function bigArticle(sections: number): Article {
  const paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(30).trim();
  return {
    id: "big",
    title: "Big",
    sections: Array.from({ length: sections }, (_, s) => ({
      heading: `Part ${s + 1}`,
      paragraphs: [paragraph, paragraph, paragraph],
    })),
  };
}

describe("outline", () => {
  it("cuts the seed into title, byline, source, headings, paragraphs and end matter", () => {
    const o = outline(seed);
    expect(o.sections.map((s) => s.title)).toEqual([
      "Tension with Tehran",
      "Calls for Western help",
      "Turning to NATO",
      "Arrests in Nardaran",
      "A cleric and a journalist",
      "A careful balance",
    ]);
    expect(o.blocks[0]).toMatchObject({ kind: "title", text: seed.title, gap: 0 });
    expect(o.blocks[1]).toMatchObject({ kind: "byline", text: "By Shahin Abbasov · 4 min" });
    expect(o.blocks[2]).toMatchObject({ kind: "source", text: "Eurasianet" });
    for (const s of o.sections) expect(o.blocks[s.block]?.kind).toBe("heading");
    const last = o.blocks[o.blocks.length - 1];
    expect(last).toMatchObject({
      kind: "discussion",
      text: "2 thoughts on “Azerbaijan And Israel: The Enemy Of My Enemy Is My Friend”",
    });
    const asides = o.blocks.filter((b) => b.kind === "aside").map((b) => b.text);
    expect(asides[0]).toBe("Shahin Abbasov is a freelance journalist based in Baku.");
    expect(asides[1]?.endsWith("Read more at https://eurasianet.org/")).toBe(true);
    expect(outline(seed)).toBe(o); // cached per article
  });

  it("names a section without a heading, and joins author and date in the byline", () => {
    const o = outline(threads);
    expect(o.sections.map((s) => s.title)).toEqual([
      "First part",
      "Second part",
      "Section 3",
      "Last part",
    ]);
    expect(o.blocks[o.sections[2]?.block as number]?.kind).toBe("text");
    expect(o.blocks[1]).toMatchObject({
      kind: "byline",
      text: "By Test Author · March 1, 2024 · 1 min",
    });
    const single: Article = { id: "one", title: "One", sections: [{ paragraphs: ["x"] }] };
    expect(outline(single).sections[0]?.title).toBe("Article");
    expect(outline(single).blocks.at(-1)?.text).toBe("No thoughts yet on “One”");
  });
});

describe("ArticleLayout", () => {
  it("wraps every line to the width, but for a web address longer than it (cut when drawn)", () => {
    for (const width of [1, 20, 40, 80, 120]) {
      const layout = finished(seed, width);
      for (const line of layout.lines) {
        if (isLoneUrl(line)) continue;
        expect(stringWidth(shown(line))).toBeLessThanOrEqual(width);
      }
    }
  });

  it("starts each section at its heading line", () => {
    const layout = finished(seed, 60);
    const o = layout.outline;
    o.sections.forEach((s, i) => {
      const line = layout.sectionLine(i);
      expect(layout.lines[line]).toMatchObject({ kind: "heading", text: s.title });
      expect(layout.lines[line - 1]?.kind).toBe("blank");
      expect(layout.lines[line - 2]?.kind).toBe("blank");
    });
    expect(layout.lines[0]).toMatchObject({ kind: "title", text: seed.title });
    // A section without a heading starts at its first paragraph.
    const t = finished(threads, 60);
    const third = t.sectionLine(2);
    expect(t.lines[third]?.kind).toBe("text");
    expect(t.lines[third]?.text.startsWith("A scrolls emacs terminals")).toBe(true);
    expect(t.sectionLine(99)).toBe(0);
  });

  it("sectionAt: -1 before the first section and in the end matter, else the section", () => {
    for (const article of [seed, threads]) {
      const layout = finished(article, 50);
      const starts = layout.outline.sections.map((_, i) => layout.sectionLine(i));
      const firstEndMatter = layout.lines.findIndex(
        (l, i) => i > (starts.at(-1) as number) && (l.kind === "rule" || l.kind === "discussion"),
      );
      for (let line = 0; line < layout.lines.length; line++) {
        if (layout.lines[line]?.kind === "blank") continue; // gap lines: see the report
        let expected = -1;
        for (let s = 0; s < starts.length; s++) if ((starts[s] as number) <= line) expected = s;
        if (line >= firstEndMatter) expected = -1;
        expect(layout.sectionAt(line), `line ${line}`).toBe(expected);
      }
      expect(layout.sectionAt(0)).toBe(-1);
      expect(layout.sectionAt(10_000)).toBe(-1);
    }
    expect(new ArticleLayout(seed, 30).sectionAt(0)).toBe(-1); // nothing laid out yet
  });

  it("incremental layout gives the same lines as finish() at once", () => {
    const whole = finished(seed, 47);
    const parts = new ArticleLayout(seed, 47);
    expect(parts.done).toBe(false);
    parts.ensureLines(5);
    expect(parts.lines.length).toBeGreaterThanOrEqual(5);
    expect(parts.done).toBe(false);
    parts.ensureBlock(10);
    expect(parts.blockStart[10]).toBeGreaterThan(0);
    expect(parts.blockStart[11]).toBe(-1);
    while (!parts.step(300)) {
      expect(parts.total).toBeGreaterThanOrEqual(parts.lines.length);
    }
    expect(parts.done).toBe(true);
    expect(parts.lines).toEqual(whole.lines);
    expect(parts.lineBlock).toEqual(whole.lineBlock);
    expect(Array.from(parts.blockStart)).toEqual(Array.from(whole.blockStart));
    expect(parts.total).toBe(whole.lines.length);
    expect(whole.total).toBe(whole.lines.length);
  });

  it("estimates the total while laying out a big article in chunks", () => {
    const article = bigArticle(400);
    const layout = new ArticleLayout(article, 72);
    expect(layout.total).toBeGreaterThanOrEqual(1);
    expect(layout.step(10_000)).toBe(false);
    const estimate = layout.total;
    const exact = finished(article, 72).lines.length;
    expect(estimate).toBeGreaterThan(layout.lines.length);
    expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.1);
    layout.finish();
    expect(layout.total).toBe(exact);
  });

  it("anchors keep the same paragraph at the top across widths 80 → 40 → 120", () => {
    const at80 = finished(seed, 80);
    const at40 = new ArticleLayout(seed, 40); // laid out on demand by lineOf
    const at120 = new ArticleLayout(seed, 120);
    const textLines = at80.lines
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => l.kind === "text")
      .map(({ i }) => i);
    for (const top of textLines) {
      const block = at80.lineBlock[top] as number;
      const a = at80.anchorOf(top);
      expect(a.block).toBe(block);
      const top40 = at40.lineOf(a);
      expect(at40.lineBlock[top40]).toBe(block);
      const top120 = at120.lineOf(at40.anchorOf(top40));
      expect(at120.lineBlock[top120]).toBe(block);
      // The first line of a paragraph stays its first line.
      if (at80.blockStart[block] === top) {
        expect(top40).toBe(at40.blockStart[block]);
        expect(top120).toBe(at120.blockStart[block]);
      }
    }
  });

  it("anchors on a heading or a gap line come back to the same place", () => {
    const at80 = finished(seed, 80);
    const at40 = finished(seed, 40);
    for (let s = 0; s < at80.outline.sections.length; s++) {
      const heading = at80.sectionLine(s);
      expect(at40.lineOf(at80.anchorOf(heading))).toBe(at40.sectionLine(s));
      expect(at40.lineOf(at80.anchorOf(heading - 1))).toBe(at40.sectionLine(s) - 1);
    }
    expect(at40.lineOf(at80.anchorOf(0))).toBe(0);
  });
});

describe("getLayout", () => {
  it("caches one layout per width and keeps the last few widths", () => {
    const a = getLayout(seed, 61);
    expect(getLayout(seed, 61)).toBe(a);
    expect(getLayout(seed, 61.7)).toBe(a);
    expect(getLayout(seed, 0).width).toBe(1);
    for (const w of [62, 63, 64, 65]) getLayout(seed, w);
    expect(getLayout(seed, 61)).not.toBe(a);
  });
});
