// Layout of every rich block kind at several widths: quote bars on every wrapped line, list items
// hanging under their text, code never re-wrapped (continued after a mark), tables aligned when
// they fit and set as records when not, web addresses never split, marks kept on their text.
import { describe, expect, it } from "vitest";
import { flatten, layLeaves } from "../../src/layout/flatten.js";
import type { Line } from "../../src/layout/lines.js";
import { textWidth } from "../../src/layout/wrap.js";
import { parseMarkdown } from "../../src/rich/markdown.js";
import { isLoneUrl, shown } from "../helpers/lines.js";

function lay(markdown: string, width: number): Line[] {
  const out: Line[] = [];
  layLeaves(flatten(parseMarkdown(markdown), "text", [], width, 0), width, out);
  return out;
}
const texts = (lines: Line[]) => lines.map(shown);
const LONG = "one two three four five six seven eight nine ten eleven twelve thirteen";

describe("rich layout", () => {
  for (const width of [20, 33, 60]) {
    it(`puts a bar before every line of a quote, one per level (${width} columns)`, () => {
      const lines = texts(lay(`> ${LONG}\n>\n> > ${LONG}`, width));
      const inner = lines.findIndex((l) => l.startsWith("│ │ "));
      expect(inner).toBeGreaterThan(1);
      for (const l of lines.slice(0, inner)) expect(l.startsWith("│")).toBe(true);
      for (const l of lines.slice(inner)) expect(l.startsWith("│ │ ")).toBe(true);
      for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(width);
    });

    it(`hangs wrapped list items under their text, nested lists indented (${width} columns)`, () => {
      const lines = texts(lay(`- ${LONG}\n  - ${LONG}\n- b\n\n7. ${LONG}\n8. x`, width));
      const nested = lines.findIndex((l) => l.startsWith("  ◦ "));
      expect(lines[0]?.startsWith("• one")).toBe(true);
      for (const l of lines.slice(1, nested)) expect(l).toMatch(/^ {2}\S/);
      const seven = lines.findIndex((l) => l.startsWith("7. one"));
      expect(seven).toBeGreaterThan(nested);
      expect(lines[seven + 1]).toMatch(/^ {3}\S/);
      for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(width);
    });

    it(`never re-wraps code; a long line continues after ↪ (${width} columns)`, () => {
      const code = `    ${"x".repeat(50)}\nshort line`;
      const lines = lay(`\`\`\`\n${code}\n\`\`\``, width);
      const rows = texts(lines);
      expect(rows[0]?.startsWith("▏     xxx")).toBe(true);
      if (width - 2 < 54) expect(rows[1]?.startsWith("↪ ")).toBe(true);
      expect(rows.at(-1)).toBe("▏ short line");
      // The code's characters, in order, all there.
      expect(lines.map((l) => l.text).join("")).toBe(code.replace("\n", ""));
      for (const l of rows) expect(textWidth(l)).toBeLessThanOrEqual(width);
    });
  }

  it("aligns a table that fits and sets one record per row when it does not", () => {
    const table = "| Name | Count |\n|---|--:|\n| apples | 3 |\n| kiwi | 12 |";
    expect(texts(lay(table, 40))).toEqual([
      "Name   │ Count",
      "───────┼──────",
      "apples │     3",
      "kiwi   │    12",
    ]);
    expect(texts(lay(table, 10))).toEqual([
      "Name:",
      "apples",
      "Count: 3",
      "",
      "Name: kiwi",
      "Count: 12",
    ]);
  });

  it("moves a web address to its own line and never splits it", () => {
    const url = "https://example.org/a/very/long/path/that/goes/on/and/on";
    const lines = lay(`see ${url} here`, 30);
    expect(lines.map((l) => l.text)).toEqual(["see", url, "here"]);
    expect(isLoneUrl(lines[1] as Line)).toBe(true);
  });

  it("keeps marks on their text whatever the width (lines are ranges of one text)", () => {
    for (const width of [8, 15, 40]) {
      const lines = lay("plain **strong words here** and [a link text](https://x.org/) end", width);
      const source = lines[0]?.source;
      expect(lines.every((l) => l.source === source)).toBe(true);
      for (const l of lines) expect(source?.text.slice(l.start, l.end)).toBe(l.text);
      expect(source?.spans.map((s) => source.text.slice(s.start, s.end))).toEqual([
        "strong words here",
        "a link text",
      ]);
    }
  });
});
