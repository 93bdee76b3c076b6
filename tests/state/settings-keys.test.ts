// The keys this issue adds to reading: + / - / = change the measure (and ask for it to be
// remembered), Ctrl+Z asks to suspend, and the mouse: reports parsed, the wheel scrolling what is
// under the pointer, a click selecting the comment under it. Checked on what a frame shows.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sanitizeArticle } from "../../src/content/sanitize.js";
import { type Article, articleSchema } from "../../src/content/schema.js";
import { parseMouse } from "../../src/state/mouse.js";
import {
  geometryOf,
  initialState,
  paneOf,
  type ReaderState,
  reduce,
  step,
} from "../../src/state/reducer.js";
import { composeFrame } from "../../src/ui/compose.js";

function fixture(path: string): Article {
  const url = new URL(path, import.meta.url);
  return sanitizeArticle(articleSchema.parse(JSON.parse(readFileSync(url, "utf8"))));
}
const seed = fixture("../../content/azerbaijan-and-israel.json");
const threads = fixture("../fixtures/threads/long-discussion.json");

const text = (article: Article, state: ReaderState) =>
  composeFrame(article, state).map((row) => row.map((s) => s.text).join(""));

/** The widest row of article text in a frame (trailing spaces off, margin off). */
function measureShown(article: Article, state: ReaderState): number {
  const rows = text(article, state).slice(0, geometryOf(state).articleRows);
  return Math.max(...rows.map((r) => r.trimEnd().trimStart().length));
}

describe("+ - =", () => {
  it("narrow and widen the text, say the width, and ask for it to be remembered", () => {
    const start = initialState(120, 30, { maxWidth: 80 });
    const narrowed = step(seed, start, { type: "key", key: "-" });
    expect(narrowed.state.maxWidth).toBe(76);
    expect(narrowed.effects).toEqual([{ type: "saveWidth", width: 76 }]);
    expect(text(seed, narrowed.state).at(-1)).toContain("Width 76");
    expect(measureShown(seed, narrowed.state)).toBeLessThanOrEqual(76);
    expect(measureShown(seed, start)).toBeGreaterThan(76);
    const widened = step(seed, start, { type: "key", key: "+" });
    expect(widened.state.maxWidth).toBe(84);
    const reset = step(seed, widened.state, { type: "key", key: "=" });
    expect(reset.state.maxWidth).toBe(80);
    expect(reset.effects).toEqual([{ type: "saveWidth", width: undefined }]);
  });

  it("= goes back to the usual width, not to what was remembered", () => {
    const start = initialState(120, 30, { maxWidth: 100, baseWidth: 72 });
    expect(reduce(seed, start, { type: "key", key: "=" }).maxWidth).toBe(72);
  });

  it("does not widen past the terminal, and not below 20 columns", () => {
    const narrow = initialState(60, 20, { maxWidth: 80 });
    const tried = step(seed, narrow, { type: "key", key: "+" });
    expect(tried.state.maxWidth).toBe(80);
    expect(tried.effects).toEqual([]);
    let s = initialState(100, 30, { maxWidth: 24 });
    for (let i = 0; i < 5; i++) s = reduce(seed, s, { type: "key", key: "-" });
    expect(s.maxWidth).toBe(20);
  });
});

describe("Ctrl+Z", () => {
  it("asks the shell to suspend, whatever is on screen", () => {
    const help = reduce(seed, initialState(80, 24), { type: "key", key: "?" });
    expect(step(seed, help, { type: "key", key: "ctrl+z" }).effects).toEqual([{ type: "suspend" }]);
  });
});

describe("mouse", () => {
  it("parses SGR reports as Ink passes them", () => {
    expect(parseMouse("[<65;10;5M")).toEqual({ kind: "wheel", delta: 1, col: 9, row: 4 });
    expect(parseMouse("[<64;1;1M")).toEqual({ kind: "wheel", delta: -1, col: 0, row: 0 });
    expect(parseMouse("[<0;3;7M")).toEqual({ kind: "click", col: 2, row: 6 });
    expect(parseMouse("[<0;3;7m")).toBeNull();
    expect(parseMouse("[<32;3;7M")).toBeNull();
    expect(parseMouse("j")).toBeUndefined();
  });

  it("the wheel scrolls the article under the pointer, the pane under the pointer", () => {
    const open = reduce(threads, initialState(160, 40), { type: "command", command: "togglePane" });
    const g = geometryOf(open);
    expect(g.pane).toBe("side");
    const article = reduce(threads, open, {
      type: "mouse",
      event: { kind: "wheel", delta: 1, col: 2, row: 5 },
    });
    expect(article.top).toBe(3);
    expect(article.paneScroll).toEqual(open.paneScroll);
    const pane = reduce(threads, open, {
      type: "mouse",
      event: { kind: "wheel", delta: 1, col: g.articleArea + 5, row: 5 },
    });
    expect(pane.top).toBe(0);
    expect(text(threads, pane)[1]).not.toBe(text(threads, open)[1]);
  });

  it("a click selects the comment under it and focuses the pane", () => {
    const open = reduce(threads, initialState(160, 40), { type: "command", command: "togglePane" });
    const g = geometryOf(open);
    const window = paneOf(threads, open).window(open.paneScroll, g.paneRows);
    const row = window.findIndex((w) => w.pos !== window[0]?.pos);
    const clicked = reduce(threads, open, {
      type: "mouse",
      event: { kind: "click", col: g.articleArea + 6, row: row + 1 },
    });
    expect(clicked.focus).toBe("pane");
    expect(clicked.selected).toBe(window[row]?.pos);
    expect(clicked.selected).not.toBe(open.selected);
  });
});
