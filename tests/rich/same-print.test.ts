// The same text written in Markdown and in HTML prints the same, at every width: one model, one
// layout (tests/fixtures/rich/markdown.json and html.json hold every block kind).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/content/load.js";
import type { Article } from "../../src/content/schema.js";
import { renderPrint } from "../../src/print.js";
import { prepareFormats } from "../../src/rich/parse.js";

async function fixture(name: string): Promise<Article> {
  const bytes = readFileSync(new URL(`../fixtures/rich/${name}`, import.meta.url));
  const loaded = parseArticle(bytes, name);
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  await prepareFormats(loaded.article);
  return loaded.article;
}

describe("Markdown and HTML", () => {
  it("holding the same text print the same at 40, 80 and 160 columns", async () => {
    const md = await fixture("markdown.json");
    const html = await fixture("html.json");
    for (const width of [40, 80, 160]) {
      const a = renderPrint(md, { width, color: false });
      expect(renderPrint(html, { width, color: false })).toBe(a);
      // And the blocks are really there.
      expect(a).toContain("│ │ A reply quoted inside the quotation");
      expect(a).toContain("▏ def greet(name):");
      expect(a).toMatch(/\[\d+\] https:\/\/spec\.commonmark\.org\/0\.31\.2\//);
    }
  });
});

describe("strikethrough in print", () => {
  it("is struck (SGR 9) with styling, and between ~ marks without it", async () => {
    const md = await fixture("markdown.json");
    expect(renderPrint(md, { width: 80, color: false })).toContain("~mistakes~ visible");
    const colored = renderPrint(md, { width: 80, color: true });
    expect(colored).toContain("\x1b[9mmistakes\x1b[0m");
    expect(colored).not.toContain("~mistakes~");
  });
});
