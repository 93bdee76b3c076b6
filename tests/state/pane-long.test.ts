// Long comments in the pane: ↓ reads a comment taller than the pane line by line and then moves
// on; a page down keeps the selection on a comment that is on screen; a fold never leaves the
// pane's bottom empty while text is hidden above; the help stops at its last page.
import { describe, expect, it } from "vitest";
import { sanitizeArticle } from "../../src/content/sanitize.js";
import { type Article, articleSchema } from "../../src/content/schema.js";
import { helpLines } from "../../src/state/help.js";
import type { Command } from "../../src/state/keymap.js";
import {
  geometryOf,
  initialState,
  paneOf,
  type ReaderState,
  reduce,
} from "../../src/state/reducer.js";

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

function article(comments: { id: string; parentId?: string; text: string }[]): Article {
  return sanitizeArticle(
    articleSchema.parse({
      id: "long",
      title: "Long comments",
      sections: [{ paragraphs: ["Body."] }],
      comments: comments.map((c) => ({
        id: c.id,
        ...(c.parentId && { parentId: c.parentId }),
        author: c.id,
        paragraphs: [c.text],
      })),
    }),
  );
}

const run = (a: Article, s: ReaderState, ...commands: Command[]) =>
  commands.reduce((state, command) => reduce(a, state, { type: "command", command }), s);

/** The comments whose lines are in the pane, in order. */
function onScreen(a: Article, s: ReaderState): number[] {
  const seen: number[] = [];
  for (const { pos, line } of paneOf(a, s).window(s.paneScroll, geometryOf(s).paneRows)) {
    if (line.kind !== "blank" && !seen.includes(pos)) seen.push(pos);
  }
  return seen;
}

describe("the pane with a comment taller than itself", () => {
  const a = article([
    { id: "first", text: words(400) },
    { id: "second", text: "Short." },
    { id: "third", text: "Short too." },
  ]);

  it("↓ scrolls through the long comment line by line, then selects the next", () => {
    let s = run(a, initialState(100, 30), "switchFocus");
    const height = paneOf(a, s).linesOf(0).length;
    const rows = geometryOf(s).paneRows;
    expect(height).toBeGreaterThan(rows);
    const offsets: number[] = [];
    for (let i = 0; i < height && s.selected === 0; i++) {
      s = run(a, s, "lineDown");
      offsets.push(s.paneScroll.offset);
    }
    // Every ↓ moved the view one line until the comment's end came into view.
    expect(offsets.slice(0, height - rows)).toEqual(
      Array.from({ length: height - rows }, (_, i) => i + 1),
    );
    expect(s.selected).toBe(1);
    expect(onScreen(a, s)).toContain(1);
    s = run(a, s, "lineDown");
    expect(s.selected).toBe(2);
    expect(onScreen(a, s)).toContain(2);
  });

  it("a page down keeps the selection on a comment that is on screen", () => {
    let s = run(a, initialState(100, 30), "switchFocus", "pageDown");
    expect(onScreen(a, s)).toContain(s.selected);
    for (let i = 0; i < 10; i++) {
      s = run(a, s, "pageDown");
      expect(onScreen(a, s), `after ${i + 2} pages`).toContain(s.selected);
    }
    s = run(a, s, "pageUp", "pageUp");
    expect(onScreen(a, s)).toContain(s.selected);
  });
});

describe("folding near the end of the pane", () => {
  it("pulls the view back so that no rows are empty while text is hidden above", () => {
    const a = article([
      { id: "a", text: "A." },
      { id: "b", parentId: "a", text: words(200) },
    ]);
    const a2 = article([
      { id: "a", text: words(12) },
      { id: "b", parentId: "a", text: words(60) },
    ]);
    for (const art of [a, a2]) {
      let s = run(art, initialState(38, 30), "switchFocus", "lineDown");
      s = run(art, s, "toggleThread");
      const rows = geometryOf(s).paneRows;
      const shown = paneOf(art, s).window(s.paneScroll, rows);
      // Everything fits once the reply is folded: the view starts at the top, "▾ a" included.
      expect(s.paneScroll).toEqual({ pos: 0, offset: 0 });
      expect(shown[0]?.line.text).toContain("a");
    }
  });
});

describe("the help overlay", () => {
  it("stops at its last page, so that ↑ scrolls back at once", () => {
    const a = article([{ id: "x", text: "X." }]);
    let s = run(a, initialState(80, 24), "help");
    for (let i = 0; i < 200; i++) s = run(a, s, "lineDown");
    const last = Math.max(0, helpLines().length - geometryOf(s).articleRows);
    expect(s.helpTop).toBe(last);
    s = run(a, s, "lineUp");
    expect(s.helpTop).toBe(Math.max(0, last - 1));
  });
});
