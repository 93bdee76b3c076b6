// The comments pane's commands: moving the selection, scrolling a long comment, paging, folding
// threads one at a time or all at once.
import type { Article } from "../content/schema.js";
import type { Command } from "./keymap.js";
import { indexIn, type PaneScroll } from "./pane.js";
import type { ReaderState } from "./reducer.js";
import { commentCount, geometryOf, paneOf } from "./view.js";

export function withSelection(article: Article, state: ReaderState, selected: number): ReaderState {
  const g = geometryOf(state);
  const pane = paneOf(article, state);
  const paneScroll = pane.reveal(state.paneScroll, selected, g.paneRows);
  return { ...state, selected, paneScroll };
}

export function paneCommand(article: Article, state: ReaderState, command: Command): ReaderState {
  if (commentCount(article) === 0) return state;
  const g = geometryOf(state);
  const pane = paneOf(article, state);
  const list = pane.list;
  const i = indexIn(list, state.selected);
  const rows = g.paneRows;
  switch (command) {
    case "lineDown": {
      if (pane.continuesBelow(state.paneScroll, state.selected, rows)) {
        return { ...state, paneScroll: pane.scrollBy(state.paneScroll, 1, rows) };
      }
      const next = list[i + 1];
      return next === undefined ? state : withSelection(article, state, next);
    }
    case "lineUp": {
      if (pane.startsAbove(state.paneScroll, state.selected)) {
        return { ...state, paneScroll: pane.scrollBy(state.paneScroll, -1, rows) };
      }
      const prev = list[i - 1];
      return prev === undefined ? state : withSelection(article, state, prev);
    }
    case "pageDown":
    case "pageUp": {
      const delta = command === "pageDown" ? Math.max(1, rows - 1) : -Math.max(1, rows - 1);
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
    case "toggleThread":
      return setCollapsed(article, state, state.selected, !state.collapsed.has(state.selected));
    case "collapseOrParent": {
      if (!state.collapsed.has(state.selected)) {
        return setCollapsed(article, state, state.selected, true);
      }
      const parent = pane.layout.threads.parent[state.selected] as number;
      return parent >= 0 ? withSelection(article, state, parent) : state;
    }
    case "expand":
      return setCollapsed(article, state, state.selected, false);
    case "collapseAll": {
      // Every top-level comment folds to one line: an index of the discussion.
      const { depth, parent } = pane.layout.threads;
      const collapsed = new Set<number>();
      for (let pos = 0; pos < depth.length; pos++) if (depth[pos] === 0) collapsed.add(pos);
      // The selection moves to the top-level comment holding it.
      let top = state.selected;
      while ((parent[top] as number) >= 0) top = parent[top] as number;
      const next = { ...state, collapsed, selected: top };
      return withSelection(article, { ...next, paneScroll: clampScroll(article, next) }, top);
    }
    case "expandAll": {
      const next = { ...state, collapsed: new Set<number>() };
      return withSelection(
        article,
        { ...next, paneScroll: clampScroll(article, next) },
        state.selected,
      );
    }
    default:
      return state;
  }
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
