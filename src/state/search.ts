// Search in the reader: `/` opens a prompt in the status line; each edit searches from where the
// reader was when it opened (the view moves to the first match at or after it); Enter keeps the
// search, Esc puts the view back exactly as it was. n / N go to the next / previous match,
// wrapping at the ends, into the comments too: the pane opens, folded threads that hide the
// match unfold, and the comment comes into view with the pane focused. Keys typed in the prompt
// are text, never commands (the "search" context of the key table edits the query).
import type { Article } from "../content/schema.js";
import { getLayout } from "../layout/article.js";
import type { Line } from "../layout/lines.js";
import type { Inline } from "../rich/model.js";
import { type Match, searchOf } from "../search/index.js";
import { inlinesAt, type Place } from "../search/units.js";
import { reflow } from "./article.js";
import type { Command } from "./keymap.js";
import type { PaneScroll } from "./pane.js";
import type { ReaderState } from "./reducer.js";
import { geometryOf, paneOf } from "./view.js";

/** The view a search started from, put back by Esc. */
export type Snapshot = Pick<
  ReaderState,
  "top" | "paneOpen" | "focus" | "selected" | "paneScroll" | "collapsed"
>;

/** A match remembered by place (not by object: layouts come and go with the width). */
export type MatchRef = Place & { start: number; end: number };

export type SearchState = {
  /** The query in effect ("" when none). */
  query: string;
  current?: MatchRef;
  prompt?: { text: string; cursor: number; origin: Snapshot; recall: number };
};

export const NO_SEARCH: SearchState = { query: "" };

function snapshot(state: ReaderState): Snapshot {
  const { top, paneOpen, focus, selected, paneScroll, collapsed } = state;
  return { top, paneOpen, focus, selected, paneScroll, collapsed };
}

/** Where the reader is, as a place in reading order. */
function placeOf(article: Article, state: ReaderState): Place & { offset: number } {
  if (state.focus === "pane" && state.paneOpen && (article.comments?.length ?? 0) > 0) {
    return { area: "comment", major: state.selected, minor: 0, offset: 0 };
  }
  const layout = getLayout(article, geometryOf(state).articleWidth);
  layout.ensureLines(state.top + 1);
  const line = layout.lines[state.top];
  const major = layout.lineBlock[state.top] ?? 0;
  // The top line's own text and offset, when it has one: matches above it on screen don't count.
  if (line?.source) {
    const minor = inlinesAt(article, "article", major).indexOf(line.source);
    if (minor >= 0) return { area: "article", major, minor, offset: line.start ?? 0 };
  }
  return { area: "article", major, minor: 0, offset: 0 };
}

export function refOf(m: Match): MatchRef {
  return { area: m.area, major: m.major, minor: m.minor, start: m.start, end: m.end };
}

/** The inline a remembered match is in. */
export function inlineOf(article: Article, ref: MatchRef): Inline | undefined {
  return inlinesAt(article, ref.area, ref.major)[ref.minor];
}

/** The line (at this layout) holding offset `start` of `inline`, searching from `from`. */
function lineHolding(
  lines: readonly Line[],
  from: number,
  to: number,
  inline: Inline,
  start: number,
): number {
  let fallback = -1;
  for (let l = from; l < to; l++) {
    const line = lines[l] as Line;
    if (line.source !== inline) continue;
    if (fallback < 0) fallback = l;
    if ((line.start ?? 0) <= start && start < (line.end ?? 0)) return l;
    if (start === line.end) fallback = l;
  }
  return fallback;
}

/** The view moved so that a match is on screen (opening and unfolding what hides it). */
export function showMatch(article: Article, state: ReaderState, ref: MatchRef): ReaderState {
  const inline = inlineOf(article, ref);
  if (ref.area === "article") {
    const g = geometryOf(state);
    const layout = getLayout(article, g.articleWidth);
    const start = layout.ensureBlock(ref.major);
    layout.ensureBlock(ref.major + 1);
    let end = start;
    while (layout.lineBlock[end] === ref.major) end++;
    const found = inline ? lineHolding(layout.lines, start, end, inline, ref.start) : -1;
    const line = found >= 0 ? found : start;
    const focus = "article" as const;
    if (line >= state.top && line < state.top + g.articleRows) return { ...state, focus };
    layout.ensureLines(line + g.articleRows + 1);
    const top = Math.max(
      0,
      Math.min(line - Math.floor(g.articleRows / 3), layout.lines.length - 1),
    );
    return { ...state, top, focus };
  }
  // A comment: open the pane, unfold the threads above it (and it), select it, focus the pane.
  let next = state.paneOpen ? state : reflow(article, state, { ...state, paneOpen: true });
  const pane0 = paneOf(article, next);
  const parent = pane0.layout.threads.parent;
  let collapsed = next.collapsed;
  for (let p = ref.major; p >= 0; p = parent[p] as number) {
    if (collapsed.has(p)) {
      if (collapsed === next.collapsed) collapsed = new Set(collapsed);
      (collapsed as Set<number>).delete(p);
    }
  }
  next = { ...next, collapsed, selected: ref.major, focus: "pane" };
  const pane = paneOf(article, next);
  const rows = Math.max(1, geometryOf(next).paneRows);
  const lines = pane.linesOf(ref.major);
  const k = inline ? lineHolding(lines, 0, lines.length, inline, ref.start) : 0;
  let paneScroll: PaneScroll = pane.reveal(
    { pos: next.paneScroll.pos, offset: 0 },
    ref.major,
    rows,
  );
  if (k >= 0 && lines.length > rows) {
    // A comment taller than the pane: its match line, a little below the top.
    paneScroll = pane.clamp({ pos: ref.major, offset: Math.max(0, k - 1) }, rows);
  }
  return { ...next, paneScroll };
}

/** Search again for the prompt's text from where the prompt was opened. */
function incremental(
  article: Article,
  state: ReaderState,
  text: string,
  cursor: number,
): ReaderState {
  const prompt = state.search.prompt;
  if (!prompt) return state;
  const origin = { ...state, ...prompt.origin };
  const base = { ...origin, search: { query: text, prompt: { ...prompt, text, cursor } } };
  if (text === "") return base;
  const found = searchOf(article, text).next(placeOf(article, origin), true);
  if (!found) return base;
  const current = refOf(found.match);
  return showMatch(article, { ...base, search: { ...base.search, current } }, current);
}

export function openPrompt(state: ReaderState): ReaderState {
  return {
    ...state,
    search: {
      ...state.search,
      prompt: { text: "", cursor: 0, origin: snapshot(state), recall: state.history.length },
    },
  };
}

/** The word boundary before the cursor (Ctrl+W). */
function wordStart(text: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && text[i - 1] === " ") i--;
  while (i > 0 && text[i - 1] !== " ") i--;
  return i;
}

/** A key typed while the prompt is open: an editing command, or text. */
export function promptKey(
  article: Article,
  state: ReaderState,
  cmd: Command | undefined,
  key: string,
): ReaderState {
  const prompt = state.search.prompt;
  if (!prompt) return state;
  const { text, cursor } = prompt;
  const edit = (t: string, c: number) => incremental(article, state, t, c);
  const move = (c: number) => ({
    ...state,
    search: {
      ...state.search,
      prompt: { ...prompt, cursor: Math.max(0, Math.min(text.length, c)) },
    },
  });
  switch (cmd) {
    case "promptAccept": {
      const history =
        text === "" || state.history.at(-1) === text ? state.history : [...state.history, text];
      const search =
        text === ""
          ? { query: "" }
          : { query: text, ...(state.search.current && { current: state.search.current }) };
      const notice = text !== "" && !search.current ? `No match for “${text}”` : undefined;
      return { ...state, search, history, ...(notice && { notice }) };
    }
    case "back":
      return { ...state, ...prompt.origin, search: { query: "" } };
    case "promptLeft":
      return move(cursor - 1);
    case "promptRight":
      return move(cursor + 1);
    case "promptHome":
      return move(0);
    case "promptEnd":
      return move(text.length);
    case "promptBackspace":
      return cursor === 0
        ? state
        : edit(text.slice(0, cursor - 1) + text.slice(cursor), cursor - 1);
    case "promptClear":
      return edit("", 0);
    case "promptDeleteWord": {
      const from = wordStart(text, cursor);
      return edit(text.slice(0, from) + text.slice(cursor), from);
    }
    case "historyPrev":
    case "historyNext": {
      const recall = Math.max(
        0,
        Math.min(state.history.length, prompt.recall + (cmd === "historyPrev" ? -1 : 1)),
      );
      const recalled = state.history[recall] ?? "";
      const next = { ...state, search: { ...state.search, prompt: { ...prompt, recall } } };
      return incremental(article, next, recalled, recalled.length);
    }
    default: {
      const typed = key === "space" ? " " : [...key].length === 1 ? key : "";
      if (typed === "" || typed < " ") return state;
      return edit(text.slice(0, cursor) + typed + text.slice(cursor), cursor + typed.length);
    }
  }
}

/** n / N: the next or previous match from the current one (or from the view), wrapping. */
export function stepMatch(article: Article, state: ReaderState, forward: boolean): ReaderState {
  const query = state.search.query;
  if (query === "") return { ...state, notice: "No search yet: / to search" };
  const index = searchOf(article, query);
  const from = state.search.current
    ? { ...state.search.current, offset: state.search.current.start }
    : placeOf(article, state);
  const found = forward
    ? index.next(from, state.search.current === undefined)
    : index.previous(from);
  if (!found) return { ...state, notice: `No match for “${query}”` };
  const current = refOf(found.match);
  const shown = showMatch(article, { ...state, search: { ...state.search, current } }, current);
  return found.wrapped
    ? { ...shown, notice: forward ? "search wrapped to the top" : "search wrapped to the bottom" }
    : shown;
}

/** Whether a remembered match is on screen now (in the article's rows, or the pane's). */
export function matchOnScreen(article: Article, state: ReaderState, ref: MatchRef): boolean {
  if (ref.area === "comment") return state.paneOpen && state.selected === ref.major;
  const g = geometryOf(state);
  const layout = getLayout(article, g.articleWidth);
  const inline = inlineOf(article, ref);
  if (!inline) return false;
  const end = Math.min(layout.lines.length, state.top + g.articleRows);
  return lineHolding(layout.lines, state.top, end, inline, ref.start) >= 0;
}
