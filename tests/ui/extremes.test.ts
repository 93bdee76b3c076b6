// The valid extremes of the invalid corpus's neighbours: a 10,000-deep reply chain and a 1 MB
// paragraph without a space load, print and render in the reader within the width, without
// hanging or overflowing the stack.
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/content/load.js";
import type { Article } from "../../src/content/schema.js";
import { MAX_BLOCK_CHARS } from "../../src/layout/article.js";
import { renderPrint } from "../../src/print.js";
import type { Command } from "../../src/state/keymap.js";
import { initialState, type ReaderState, reduce } from "../../src/state/reducer.js";
import { composeFrame } from "../../src/ui/compose.js";

function load(data: unknown): Article {
  const loaded = parseArticle(new TextEncoder().encode(JSON.stringify(data)), "extreme.json");
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  return loaded.article;
}

function rowsText(article: Article, state: ReaderState): string[] {
  return composeFrame(article, state).map((row) => row.map((s) => s.text).join(""));
}

function run(article: Article, state: ReaderState, ...commands: Command[]): ReaderState {
  return commands.reduce((s, command) => reduce(article, s, { type: "command", command }), state);
}

const chain = load({
  id: "deep",
  title: "A very deep thread",
  sections: [{ paragraphs: ["Short."] }],
  comments: Array.from({ length: 10_000 }, (_, i) => ({
    id: `c${i}`,
    ...(i > 0 && { parentId: `c${i - 1}` }),
    author: `Replier ${i}`,
    paragraphs: [`Reply number ${i}.`],
  })),
});

const wall = load({
  id: "wall",
  title: "One long word",
  sections: [{ heading: "The wall", paragraphs: [`${"x".repeat(1_000_000)} end`] }],
});

describe("extreme but valid articles", { timeout: 60_000 }, () => {
  it("renders a 10,000-deep reply chain: last comment, fold, parent, within the width", () => {
    for (const [cols, rows] of [
      [80, 24],
      [160, 40],
    ] as const) {
      let s = initialState(cols, rows);
      s = run(chain, s, "switchFocus", "bottom");
      expect(s.selected).toBe(9_999);
      const frame = rowsText(chain, s);
      expect(frame.some((r) => r.includes("Replier 9999"))).toBe(true);
      for (const row of frame) expect(stringWidth(row)).toBeLessThanOrEqual(cols);
      // The indent is capped: the deepest reply still has most of the row for its text.
      const deepest = frame.find((r) => r.includes("Reply number 9999.")) ?? "";
      const paneStart = cols >= 120 ? deepest.indexOf("│") : 0;
      expect(deepest.indexOf("Reply") - paneStart).toBeLessThan(20);
      s = run(chain, s, "collapseOrParent", "collapseOrParent");
      expect(s.selected).toBe(9_998);
      s = run(chain, s, "top", "toggleThread");
      expect(rowsText(chain, s).some((r) => r.includes("9,999 replies hidden"))).toBe(true);
    }
  });

  it("prints a 10,000-deep chain within the width", () => {
    const text = renderPrint(chain, { width: 60, color: false });
    const lines = text.split("\n");
    expect(lines.length).toBeGreaterThan(20_000);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(60);
  });

  it("wraps a 1 MB word into lines of the column, in print and on screen", () => {
    const text = renderPrint(wall, { width: 80, color: false });
    const xs = text.split("\n").filter((l) => l.startsWith("x"));
    // Laid out in pieces of at most MAX_BLOCK_CHARS (so that no step of layout grows with the
    // paragraph), each piece starting a new line: at most one short line a piece.
    const pieces = Math.ceil(1_000_000 / MAX_BLOCK_CHARS);
    expect(xs.length).toBeGreaterThanOrEqual(Math.ceil(1_000_000 / 80));
    expect(xs.length).toBeLessThanOrEqual(Math.ceil(1_000_000 / 80) + pieces);
    expect(xs.join("")).toBe("x".repeat(1_000_000));
    for (const line of xs) expect(line.length).toBeLessThanOrEqual(80);
    let s = initialState(100, 30);
    s = run(wall, s, "nextSection", "pageDown", "bottom");
    const frame = rowsText(wall, s);
    for (const row of frame) expect(stringWidth(row)).toBeLessThanOrEqual(100);
    expect(frame.some((r) => r.includes("end"))).toBe(true);
  });
});
