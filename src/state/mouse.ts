// The mouse, when the settings turn it on: the wheel scrolls whatever is under the pointer (the
// article, the comments pane, the help), a click on a comment selects it and focuses the pane, a
// click on the article focuses the article, a click on the folded pane's line opens it. Screen
// places come from the same geometry the frame is composed with. Reports are parsed here too
// (SGR mouse mode, `ESC [ < button ; column ; row M`), from the text Ink hands the input handler.
import type { Article } from "../content/schema.js";
import { reflow, scrollArticle } from "./article.js";
import { helpCommand, type Result } from "./overlays.js";
import { withSelection } from "./pane-commands.js";
import type { ReaderState } from "./reducer.js";
import { commentCount, geometryOf, paneOf } from "./view.js";

/** A wheel turn (delta -1 up, +1 down) or a click of the first button, at a 0-based cell. */
export type MouseEvent =
  | { kind: "wheel"; delta: number; col: number; row: number }
  | { kind: "click"; col: number; row: number };

/** Lines per wheel step, as most terminals and pagers scroll. */
export const WHEEL_LINES = 3;

/**
 * A mouse report as Ink passes it to useInput (its ESC already taken off: `[<65;10;5M`) → an
 * event; undefined for what is not a report. Releases, drags, motion and other buttons are
 * recognised (so they are not read as keys) and come back as null.
 */
export function parseMouse(input: string): MouseEvent | null | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a report may keep its ESC
  const m = /^\x1b?\[<(\d+);(\d+);(\d+)([Mm])$/.exec(input);
  if (!m) return undefined;
  const button = Number(m[1]);
  const col = Number(m[2]) - 1;
  const row = Number(m[3]) - 1;
  const press = m[4] === "M";
  // Bits 4, 8 and 16 are Shift, Meta and Ctrl; 32 is motion; 64 the wheel.
  const base = button & ~(4 | 8 | 16);
  if (base === 64 || base === 65) return { kind: "wheel", delta: base === 64 ? -1 : 1, col, row };
  if (base === 0 && press) return { kind: "click", col, row };
  return null;
}

const only = (state: ReaderState): Result => ({ state, effects: [] });

/** What is at a cell: the article, the pane's header, a row of the pane's body, or neither. */
function placeOf(
  state: ReaderState,
  col: number,
  row: number,
): { in: "article" } | { in: "paneHeader" } | { in: "pane"; row: number } | { in: "none" } {
  const g = geometryOf(state);
  if (g.tooSmall || row >= g.frameRows - 1) return { in: "none" };
  if (g.pane === "side") {
    if (col < g.articleArea) return { in: "article" };
    return row === 0 ? { in: "paneHeader" } : { in: "pane", row: row - 1 };
  }
  // Zoomed (the discussion on the whole screen), the pane's header is the top row.
  const header = (g.pane as string) === "zoom" ? 0 : g.articleRows;
  if (row < header) return { in: "article" };
  if (row === header) return { in: "paneHeader" };
  return g.pane === "collapsed" ? { in: "none" } : { in: "pane", row: row - header - 1 };
}

export function mouseStep(article: Article, state: ReaderState, event: MouseEvent): Result {
  if (state.overlay === "help") {
    if (event.kind !== "wheel") return only(state);
    let next = state;
    for (let i = 0; i < WHEEL_LINES; i++) {
      next = helpCommand(next, event.delta > 0 ? "lineDown" : "lineUp");
    }
    return only(next);
  }
  // The contents and the link list are lists of their own: keys only.
  if (state.overlay !== "none") return only(state);
  const place = placeOf(state, event.col, event.row);
  const g = geometryOf(state);
  if (event.kind === "wheel") {
    if (place.in === "article") {
      return only(scrollArticle(article, state, state.top + event.delta * WHEEL_LINES));
    }
    if (place.in === "pane" || place.in === "paneHeader") {
      const pane = paneOf(article, state);
      const paneScroll = pane.scrollBy(state.paneScroll, event.delta * WHEEL_LINES, g.paneRows);
      return only({ ...state, paneScroll });
    }
    return only(state);
  }
  if (place.in === "article")
    return only(state.focus === "article" ? state : { ...state, focus: "article" });
  if (place.in === "paneHeader" && !state.paneOpen && commentCount(article) > 0) {
    return only(reflow(article, state, { ...state, paneOpen: true }));
  }
  if (place.in === "pane" && state.paneOpen) {
    const hit = paneOf(article, state).window(state.paneScroll, g.paneRows)[place.row];
    if (!hit) return only(state);
    return only(withSelection(article, { ...state, focus: "pane" }, hit.pos));
  }
  return only(state);
}
