// Search in the reducer: the prompt edits its text (keys never act as commands), each edit moves
// the view to the first match at or after where the reader was, Enter keeps the search, Esc puts
// the view back exactly; n / N move and wrap with a note; a match in a folded reply opens the
// pane, unfolds the thread and focuses the comment; history recalls earlier queries.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sanitizeArticle } from "../../src/content/sanitize.js";
import { type Article, articleSchema } from "../../src/content/schema.js";
import { getLayout } from "../../src/layout/article.js";
import { threadsOf } from "../../src/layout/comments.js";
import { geometryOf, initialState, type ReaderState, reduce } from "../../src/state/reducer.js";

const load = (p: string): Article =>
  sanitizeArticle(
    articleSchema.parse(JSON.parse(readFileSync(new URL(p, import.meta.url), "utf8"))),
  );
const seed = load("../../content/azerbaijan-and-israel.json");
const threads = load("../fixtures/threads/long-discussion.json");

function keys(article: Article, state: ReaderState, ...names: string[]): ReaderState {
  let s = state;
  for (const key of names) s = reduce(article, s, { type: "key", key });
  return s;
}
const type = (text: string) => [...text].map((c) => (c === " " ? "space" : c));

/** The article rows on screen, as text. */
function screenText(article: Article, state: ReaderState): string {
  const g = geometryOf(state);
  const layout = getLayout(article, g.articleWidth);
  return layout.lines
    .slice(state.top, state.top + g.articleRows)
    .map((l) => l.text)
    .join("\n");
}

describe("the search prompt", () => {
  it("takes every typed key as text: q, n, j, / and G never act", () => {
    const s = keys(seed, initialState(100, 30), "/", ...type("qnj/G"));
    expect(s.search.prompt?.text).toBe("qnj/G");
    expect(s.exit).toBe("none");
    expect(s.top).toBe(0);
  });

  it("edits: ← → Home End Backspace Ctrl+U Ctrl+W", () => {
    let s = keys(seed, initialState(100, 30), "/", ...type("hello world"));
    s = keys(seed, s, "ctrl+w");
    expect(s.search.prompt?.text).toBe("hello ");
    s = keys(seed, s, "home", "x", "end", "y", "left", "left", "backspace");
    // "xhello y" with the cursor before "y", then two left: Backspace takes the "o".
    expect(s.search.prompt).toMatchObject({ text: "xhell y", cursor: 5 });
    s = keys(seed, s, "ctrl+u");
    expect(s.search.prompt).toMatchObject({ text: "", cursor: 0 });
  });

  it("moves the view to the first match as you type; Esc puts it back exactly", () => {
    const start = keys(seed, initialState(100, 30), "down", "down");
    const typed = keys(seed, start, "/", ...type("nardaran"));
    expect(typed.top).toBeGreaterThan(start.top);
    expect(screenText(seed, typed).toLowerCase()).toContain("nardaran");
    const back = keys(seed, typed, "escape");
    expect(back.top).toBe(start.top);
    expect(back.search.query).toBe("");
    expect(back.search.prompt).toBeUndefined();
  });

  it("Enter keeps the search; n and N move; the ends wrap with a note", () => {
    let s = keys(seed, initialState(100, 30), "/", ...type("Mossad"), "enter");
    expect(s.search.prompt).toBeUndefined();
    expect(s.search.query).toBe("Mossad");
    const first = s.search.current;
    s = keys(seed, s, "n");
    expect(s.search.current?.start).not.toBe(first?.start);
    s = keys(seed, s, "n", "n", "n", "n", "n");
    expect(s.notice).toMatch(/wrapped/);
    s = keys(seed, s, "N");
    expect(s.search.current).toBeDefined();
    // Esc ends the search (its highlights) before anything else.
    s = keys(seed, s, "escape");
    expect(s.search.query).toBe("");
  });

  it("says so plainly when nothing matches", () => {
    const s = keys(seed, initialState(100, 30), "/", ...type("zebrafish"), "enter");
    expect(s.notice).toBe("No match for “zebrafish”");
    expect(keys(seed, s, "n").notice).toBe("No match for “zebrafish”");
  });

  it("recalls earlier queries with ↑ and ↓", () => {
    let s = keys(seed, initialState(100, 30), "/", ...type("Baku"), "enter");
    s = keys(seed, s, "/", ...type("Iran"), "enter", "/", "up");
    expect(s.search.prompt?.text).toBe("Iran");
    s = keys(seed, s, "up");
    expect(s.search.prompt?.text).toBe("Baku");
    s = keys(seed, s, "down", "down");
    expect(s.search.prompt?.text).toBe("");
  });

  it("finds a word in a folded reply: the pane opens, the thread unfolds, the comment is focused", () => {
    const t = threadsOf(threads);
    // The deepest comment, and every thread folded.
    let deepest = 0;
    for (let p = 0; p < t.depth.length; p++)
      if ((t.depth[p] as number) > (t.depth[deepest] as number)) deepest = p;
    const comment = (threads.comments ?? [])[t.order[deepest] as number];
    // A phrase of that comment found nowhere else (the first match is then in it).
    const elsewhere = JSON.stringify({
      ...threads,
      comments: threads.comments?.filter((c) => c !== comment),
    }).toLowerCase();
    const text = comment?.paragraphs[0] ?? "";
    let word = "";
    for (let i = 0; i + 24 <= text.length && word === ""; i++) {
      const phrase = text.slice(i, i + 24).toLowerCase();
      if (!phrase.includes('"') && !elsewhere.includes(phrase)) word = phrase;
    }
    expect(word).not.toBe("");
    let s = keys(threads, initialState(120, 35), "tab", "C", "tab");
    expect(s.collapsed.size).toBeGreaterThan(0);
    s = keys(threads, s, "/", ...type(word), "enter");
    expect(s.paneOpen).toBe(true);
    expect(s.focus).toBe("pane");
    const at = s.search.current;
    expect(at?.area).toBe("comment");
    // Nothing above the match is folded.
    for (let p = at?.major ?? 0; p >= 0; p = t.parent[p] as number)
      expect(s.collapsed.has(p)).toBe(false);
    expect(s.selected).toBe(at?.major);
  });
});
