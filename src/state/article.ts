// The reader's article commands: scrolling by line, half page, page and section, jumps, and
// keeping the same paragraph at the top when the width changes.
import type { Article } from "../content/schema.js";
import { getLayout } from "../layout/article.js";
import type { Command } from "./keymap.js";
import type { ReaderState } from "./reducer.js";
import { commentCount, geometryOf, paneOf } from "./view.js";

/** The article's top line moved to `top`, clamped to the text. */
export function scrollArticle(article: Article, state: ReaderState, top: number): ReaderState {
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

export function articleCommand(
  article: Article,
  state: ReaderState,
  command: Command,
): ReaderState {
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
export function jumpTo(article: Article, state: ReaderState, line: number): ReaderState {
  const g = geometryOf(state);
  const layout = getLayout(article, g.articleWidth);
  layout.ensureLines(line + g.articleRows + 1);
  const top = Math.max(0, Math.min(line, layout.lines.length - 1));
  return top === state.top ? state : { ...state, top };
}

/** Keep the paragraph at the top of the screen at the top across a change of width. */
export function reflow(article: Article, state: ReaderState, next: ReaderState): ReaderState {
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
