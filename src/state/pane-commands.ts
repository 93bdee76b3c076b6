// The comments pane's commands: moving the selection (by comment, by thread, to a sibling, the
// parent or the first reply), scrolling a long comment, paging, folding threads one at a time or
// all at once, and zooming the discussion to the whole screen. Every move is a few steps over
// the thread arrays (parent, replies), so it costs the same in a 20,000-comment discussion.
import type { Article } from "../content/schema.js";
import type { Threads } from "../content/threads.js";
import { reflow } from "./article.js";
import type { Command } from "./keymap.js";
import { indexIn, type PaneModel, type PaneScroll } from "./pane.js";
import type { ReaderState } from "./reducer.js";
import { commentCount, geometryOf, paneOf } from "./view.js";

export function withSelection(article: Article, state: ReaderState, selected: number): ReaderState {
  const g = geometryOf(state);
  const pane = paneOf(article, state);
  const paneScroll = pane.reveal(state.paneScroll, selected, g.paneRows);
  return { ...state, selected, paneScroll };
}

/**
 * Select a comment some way off: left where it is when it is wholly in view, else brought to
 * the top of the pane (as far as the last page allows), so that its thread reads downwards.
 */
function jumpTo(state: ReaderState, pane: PaneModel, target: number): ReaderState {
  const rows = Math.max(1, geometryOf(state).paneRows);
  const height = pane.linesOf(target).length;
  if (
    pane.startsInView(state.paneScroll, target, rows) &&
    !pane.continuesBelow(state.paneScroll, target, rows)
  ) {
    return { ...state, selected: target };
  }
  const paneScroll =
    height >= rows ? { pos: target, offset: 0 } : pane.clamp({ pos: target, offset: 0 }, rows);
  return { ...state, selected: target, paneScroll };
}

/** The top-level comment whose thread holds `pos`. */
export function threadOf(threads: Threads, pos: number): number {
  let top = pos;
  while ((threads.parent[top] as number) >= 0) top = threads.parent[top] as number;
  return top;
}

/** The next comment with the same parent, or -1. */
export function nextSibling(threads: Threads, pos: number): number {
  const next = pos + (threads.replies[pos] as number) + 1;
  return next < threads.parent.length && threads.parent[next] === threads.parent[pos] ? next : -1;
}

/** The previous comment with the same parent, or -1. */
export function prevSibling(threads: Threads, pos: number): number {
  const parent = threads.parent[pos] as number;
  let x = pos - 1;
  if (x < 0 || x === parent) return -1;
  // The comment just before is the last of the previous sibling's subtree: climb to it.
  while ((threads.parent[x] as number) !== parent) x = threads.parent[x] as number;
  return x;
}

export function paneCommand(article: Article, state: ReaderState, command: Command): ReaderState {
  if (commentCount(article) === 0) return state;
  const g = geometryOf(state);
  const pane = paneOf(article, state);
  const threads = pane.layout.threads;
  const list = pane.list;
  const i = indexIn(list, state.selected);
  const rows = g.paneRows;
  const s = state.selected;
  const go = (target: number, otherwise: string): ReaderState =>
    target >= 0 ? jumpTo(state, pane, target) : { ...state, notice: otherwise };
  switch (command) {
    case "lineDown": {
      if (pane.continuesBelow(state.paneScroll, s, rows)) {
        return { ...state, paneScroll: pane.scrollBy(state.paneScroll, 1, rows) };
      }
      const next = list[i + 1];
      return next === undefined ? state : withSelection(article, state, next);
    }
    case "lineUp": {
      if (pane.startsAbove(state.paneScroll, s)) {
        return { ...state, paneScroll: pane.scrollBy(state.paneScroll, -1, rows) };
      }
      const prev = list[i - 1];
      return prev === undefined ? state : withSelection(article, state, prev);
    }
    case "pageDown":
    case "pageUp":
    case "halfDown":
    case "halfUp": {
      const page = Math.max(1, rows - 1);
      const half = Math.max(1, Math.floor(rows / 2));
      const size = command === "pageDown" || command === "pageUp" ? page : half;
      const delta = command === "pageDown" || command === "halfDown" ? size : -size;
      const paneScroll = pane.scrollBy(state.paneScroll, delta, rows);
      // The selection follows to the first comment that starts in view, or, when one comment
      // fills the view, to that comment.
      const next = list[indexIn(list, paneScroll.pos) + 1];
      const selected =
        paneScroll.offset > 0 && next !== undefined && pane.startsInView(paneScroll, next, rows)
          ? next
          : paneScroll.pos;
      return { ...state, paneScroll, selected };
    }
    case "top":
      return { ...state, selected: list[0] ?? 0, paneScroll: { pos: list[0] ?? 0, offset: 0 } };
    case "bottom": {
      const last = list[list.length - 1] ?? 0;
      return { ...state, selected: last, paneScroll: pane.bottom(rows) };
    }
    case "nextThread": {
      const top = threadOf(threads, s);
      const next = top + (threads.replies[top] as number) + 1;
      return go(next < threads.parent.length ? next : -1, "This is the last thread");
    }
    case "prevThread": {
      const top = threadOf(threads, s);
      if (top !== s) return go(top, "");
      return go(top > 0 ? threadOf(threads, top - 1) : -1, "This is the first thread");
    }
    case "nextSibling":
      return go(nextSibling(threads, s), "No later reply to the same comment");
    case "prevSibling":
      return go(prevSibling(threads, s), "No earlier reply to the same comment");
    case "parent":
      return go(threads.parent[s] as number, "A top-level comment: it replies to the article");
    case "toggleThread":
      return setCollapsed(article, state, s, !state.collapsed.has(s));
    case "collapseOrParent": {
      // A thread with replies folds first; a folded one, or a comment without replies, goes up.
      if (!state.collapsed.has(s) && (threads.replies[s] as number) > 0) {
        return setCollapsed(article, state, s, true);
      }
      return go(threads.parent[s] as number, "A top-level comment: it replies to the article");
    }
    case "expand": {
      if (state.collapsed.has(s)) return setCollapsed(article, state, s, false);
      return (threads.replies[s] as number) > 0
        ? withSelection(article, state, s + 1)
        : { ...state, notice: "No replies to this comment" };
    }
    case "collapseAll": {
      // Every top-level comment folds to one line: an index of the discussion.
      const { depth } = threads;
      const collapsed = new Set<number>();
      for (let pos = 0; pos < depth.length; pos++) if (depth[pos] === 0) collapsed.add(pos);
      // The selection moves to the top-level comment holding it.
      const top = threadOf(threads, s);
      const next = { ...state, collapsed, selected: top };
      return withSelection(article, { ...next, paneScroll: clampScroll(article, next) }, top);
    }
    case "expandAll": {
      const next = { ...state, collapsed: new Set<number>() };
      return withSelection(article, { ...next, paneScroll: clampScroll(article, next) }, s);
    }
    default:
      return state;
  }
}

/**
 * Zoom: the discussion takes the whole screen (opened and focused), or gives it back. The
 * article keeps its place; the pane keeps its selection.
 */
export function toggleZoom(article: Article, state: ReaderState): ReaderState {
  if (state.zoom) return reflow(article, state, { ...state, zoom: false });
  if (commentCount(article) === 0) return { ...state, notice: "No thoughts yet" };
  return reflow(article, state, { ...state, zoom: true, paneOpen: true, focus: "pane" });
}

/**
 * After the visible set changes, the scroll must name a visible comment and must not leave the
 * pane's bottom empty while comments are hidden above it.
 */
function clampScroll(article: Article, state: ReaderState): PaneScroll {
  const pane = paneOf(article, state);
  const pos = pane.list[indexIn(pane.list, state.paneScroll.pos)] ?? 0;
  const scroll = pos === state.paneScroll.pos ? state.paneScroll : { pos, offset: 0 };
  return pane.clamp(scroll, Math.max(1, geometryOf(state).paneRows));
}

function setCollapsed(article: Article, state: ReaderState, pos: number, on: boolean): ReaderState {
  if (state.collapsed.has(pos) === on) return state;
  const collapsed = new Set(state.collapsed);
  if (on) collapsed.add(pos);
  else collapsed.delete(pos);
  const next = { ...state, collapsed };
  return withSelection(article, { ...next, paneScroll: clampScroll(article, next) }, pos);
}
