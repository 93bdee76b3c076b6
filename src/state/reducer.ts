// The reader's state and its one reducer: (state, action) → state. No React, no terminal.
// Layouts are reached through the per-width caches of layout/, which the reducer may extend
// (memoised work, not state): the reducer stays a function of the article, state and action.
import type { Article } from "../content/schema.js";
import { getLayout } from "../layout/article.js";
import { getCommentLayout } from "../layout/comments.js";
import { type Geometry, geometry } from "./geometry.js";
import { helpLines } from "./help.js";
import { type Command, commandFor } from "./keymap.js";
import { indexIn, PaneModel, type PaneScroll } from "./pane.js";

export type Overlay = "none" | "help" | "toc";

export type ReaderState = {
  cols: number;
  rows: number;
  maxWidth: number;
  /** First article line on screen. */
  top: number;
  paneOpen: boolean;
  focus: "article" | "pane";
  overlay: Overlay;
  /** First line of the help text on screen. */
  helpTop: number;
  /** The highlighted entry of the table of contents: a section, or the discussion last. */
  tocIndex: number;
  /** The selected comment (a reading position) and the pane's scroll. */
  selected: number;
  paneScroll: PaneScroll;
  /** Reading positions of collapsed threads (a new set on every change). */
  collapsed: ReadonlySet<number>;
  /** Set when the reader should close: "quit" the program, or go "back" to the list. */
  exit: "none" | "quit" | "back";
  /** Whether q/Esc go back to a list of articles rather than quit. */
  fromList: boolean;
};

export type Action =
  | { type: "key"; key: string }
  | { type: "command"; command: Command }
  | { type: "resize"; cols: number; rows: number }
  | { type: "jumpSection"; section: number }
  | { type: "jumpDiscussion" };

export function initialState(
  cols: number,
  rows: number,
  options: { maxWidth?: number; fromList?: boolean } = {},
): ReaderState {
  return {
    cols,
    rows,
    maxWidth: options.maxWidth ?? 80,
    top: 0,
    paneOpen: false,
    focus: "article",
    overlay: "none",
    helpTop: 0,
    tocIndex: 0,
    selected: 0,
    paneScroll: { pos: 0, offset: 0 },
    collapsed: new Set(),
    exit: "none",
    fromList: options.fromList ?? false,
  };
}

/**
 * The state a reader opens in: at the top, or where the article was left last time (`resume`,
 * a width-independent anchor from ArticleLayout.anchorOf).
 */
export function openingState(
  article: Article,
  cols: number,
  rows: number,
  options: { maxWidth?: number; fromList?: boolean; resume?: { block: number; fraction: number } },
): ReaderState {
  const state = initialState(cols, rows, options);
  if (!options.resume) return state;
  const layout = articleLayoutOf(article, state);
  const blocks = layout.outline.blocks.length;
  if (options.resume.block >= blocks) return state;
  return jumpTo(article, state, layout.lineOf(options.resume));
}

/** Where the reader is, in a form that survives a change of width (see openingState). */
export function anchorOfState(article: Article, state: ReaderState) {
  return articleLayoutOf(article, state).anchorOf(state.top);
}

export function geometryOf(state: ReaderState): Geometry {
  return geometry(state.cols, state.rows, state.paneOpen, state.maxWidth);
}

export function articleLayoutOf(article: Article, state: ReaderState) {
  return getLayout(article, geometryOf(state).articleWidth);
}

export function paneOf(article: Article, state: ReaderState): PaneModel {
  return new PaneModel(getCommentLayout(article, geometryOf(state).paneWidth), state.collapsed);
}

function commentCount(article: Article): number {
  return article.comments?.length ?? 0;
}

/** The article's top line moved to `top`, clamped to the text. */
function scrollArticle(article: Article, state: ReaderState, top: number): ReaderState {
  const g = geometryOf(state);
  const layout = getLayout(article, g.articleWidth);
  const target = Math.max(0, top);
  layout.ensureLines(target + g.articleRows + 1);
  const maxTop = Math.max(0, layout.lines.length - g.articleRows);
  // A section jump may leave the top past the last full page (its heading on top); plain
  // scrolling never goes further down from there, only back up.
  const limit =
    target > state.top ? Math.max(maxTop, Math.min(state.top, layout.lines.length - 1)) : maxTop;
  const next = Math.min(target, Math.max(limit, 0));
  return next === state.top ? state : { ...state, top: next };
}

function articleCommand(article: Article, state: ReaderState, command: Command): ReaderState {
  const g = geometryOf(state);
  const page = Math.max(1, g.articleRows - 1);
  const half = Math.max(1, Math.floor(g.articleRows / 2));
  const layout = getLayout(article, g.articleWidth);
  switch (command) {
    case "lineDown":
      return scrollArticle(article, state, state.top + 1);
    case "lineUp":
      return scrollArticle(article, state, state.top - 1);
    case "pageDown":
      return scrollArticle(article, state, state.top + page);
    case "pageUp":
      return scrollArticle(article, state, state.top - page);
    case "halfDown":
      return scrollArticle(article, state, state.top + half);
    case "halfUp":
      return scrollArticle(article, state, state.top - half);
    case "top":
      return scrollArticle(article, state, 0);
    case "bottom": {
      layout.finish();
      return scrollArticle(article, state, layout.lines.length);
    }
    case "nextSection": {
      const sections = layout.outline.sections;
      for (let s = 0; s < sections.length; s++) {
        const line = layout.sectionLine(s);
        if (line > state.top) return jumpTo(article, state, line);
      }
      return state;
    }
    case "prevSection": {
      const sections = layout.outline.sections;
      for (let s = sections.length - 1; s >= 0; s--) {
        const line = layout.sectionLine(s);
        if (line < state.top) return jumpTo(article, state, line);
      }
      return state.top > 0 ? jumpTo(article, state, 0) : state;
    }
    default:
      return state;
  }
}

/** Put a line at the top, even past the last full page (a heading belongs at the top). */
function jumpTo(article: Article, state: ReaderState, line: number): ReaderState {
  const g = geometryOf(state);
  const layout = getLayout(article, g.articleWidth);
  layout.ensureLines(line + g.articleRows + 1);
  const top = Math.max(0, Math.min(line, layout.lines.length - 1));
  return top === state.top ? state : { ...state, top };
}

function withSelection(article: Article, state: ReaderState, selected: number): ReaderState {
  const g = geometryOf(state);
  const pane = paneOf(article, state);
  const paneScroll = pane.reveal(state.paneScroll, selected, g.paneRows);
  return { ...state, selected, paneScroll };
}

function paneCommand(article: Article, state: ReaderState, command: Command): ReaderState {
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

/** After the visible set changes, the scroll must name a visible comment. */
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

/** Keep the paragraph at the top of the screen at the top across a change of width. */
function reflow(article: Article, state: ReaderState, next: ReaderState): ReaderState {
  const before = geometryOf(state);
  const after = geometryOf(next);
  let result = next;
  if (before.articleWidth !== after.articleWidth) {
    const anchor = getLayout(article, before.articleWidth).anchorOf(state.top);
    const top = getLayout(article, after.articleWidth).lineOf(anchor);
    result = { ...result, top };
  }
  if (
    commentCount(article) > 0 &&
    (before.paneWidth !== after.paneWidth || before.paneRows !== after.paneRows)
  ) {
    const pane = paneOf(article, result);
    result = {
      ...result,
      paneScroll: pane.reveal(
        { pos: result.paneScroll.pos, offset: 0 },
        result.selected,
        Math.max(1, after.paneRows),
      ),
    };
  }
  return result;
}

export function reduce(article: Article, state: ReaderState, action: Action): ReaderState {
  switch (action.type) {
    case "resize": {
      if (action.cols === state.cols && action.rows === state.rows) return state;
      return reflow(article, state, { ...state, cols: action.cols, rows: action.rows });
    }
    case "jumpSection": {
      const layout = articleLayoutOf(article, state);
      return jumpTo(article, { ...state, overlay: "none" }, layout.sectionLine(action.section));
    }
    case "jumpDiscussion": {
      const opened = reflow(article, state, { ...state, paneOpen: true, overlay: "none" });
      return { ...opened, focus: commentCount(article) > 0 ? "pane" : "article" };
    }
    case "key": {
      // The key's meaning depends on the state it arrives in (focus, overlay), so it is resolved
      // here, not in the component: two keys typed at once each see the state the first left.
      const context =
        state.overlay === "toc"
          ? "toc"
          : state.focus === "pane" && state.paneOpen
            ? "pane"
            : "article";
      const cmd = commandFor(action.key, context);
      return cmd ? command(article, state, cmd) : state;
    }
    case "command":
      return command(article, state, action.command);
  }
}

/** The table of contents: one entry per section, then the discussion. */
function tocCommand(article: Article, state: ReaderState, cmd: Command): ReaderState {
  const last = articleLayoutOf(article, state).outline.sections.length;
  switch (cmd) {
    case "toc":
      return { ...state, overlay: "none" };
    case "lineDown":
      return { ...state, tocIndex: Math.min(last, state.tocIndex + 1) };
    case "lineUp":
      return { ...state, tocIndex: Math.max(0, state.tocIndex - 1) };
    case "top":
      return { ...state, tocIndex: 0 };
    case "bottom":
      return { ...state, tocIndex: last };
    case "choose":
      return state.tocIndex >= last
        ? reduce(article, state, { type: "jumpDiscussion" })
        : reduce(article, state, { type: "jumpSection", section: state.tocIndex });
    default:
      return state;
  }
}

function command(article: Article, state: ReaderState, cmd: Command): ReaderState {
  // Keys that work whatever is on screen.
  if (cmd === "forceQuit") return { ...state, exit: "quit" };
  if (state.overlay !== "none") {
    if (cmd === "back" || cmd === "quit" || (cmd === "help" && state.overlay === "help")) {
      return { ...state, overlay: "none" };
    }
    if (state.overlay === "toc") return tocCommand(article, state, cmd);
    if (state.overlay === "help") {
      if (cmd === "lineDown" || cmd === "pageDown" || cmd === "halfDown") {
        // No further than the last page of the help, so that going back up starts at once.
        const last = Math.max(0, helpLines().length - geometryOf(state).articleRows);
        return { ...state, helpTop: Math.min(last, state.helpTop + (cmd === "lineDown" ? 1 : 10)) };
      }
      if (cmd === "lineUp" || cmd === "pageUp" || cmd === "halfUp") {
        return { ...state, helpTop: Math.max(0, state.helpTop - (cmd === "lineUp" ? 1 : 10)) };
      }
    }
    return state;
  }
  switch (cmd) {
    case "quit":
      return { ...state, exit: state.fromList ? "back" : "quit" };
    case "back":
      if (state.focus === "pane") return { ...state, focus: "article" };
      return state.fromList ? { ...state, exit: "back" } : state;
    case "help":
      return { ...state, overlay: "help", helpTop: 0 };
    case "toc": {
      const current = articleLayoutOf(article, state).sectionAt(state.top);
      return { ...state, overlay: "toc", tocIndex: Math.max(0, current) };
    }
    case "togglePane": {
      const paneOpen = !state.paneOpen;
      const focus = paneOpen && commentCount(article) > 0 ? state.focus : "article";
      return reflow(article, state, { ...state, paneOpen, focus });
    }
    case "switchFocus": {
      if (commentCount(article) === 0) return state;
      if (state.focus === "pane") return { ...state, focus: "article" };
      // Focusing the pane opens it.
      const opened = state.paneOpen ? state : reflow(article, state, { ...state, paneOpen: true });
      return { ...opened, focus: "pane" };
    }
    default:
      return state.focus === "pane" && state.paneOpen
        ? paneCommand(article, state, cmd)
        : articleCommand(article, state, cmd);
  }
}
