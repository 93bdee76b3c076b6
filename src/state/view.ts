// What the reader's state looks at: its geometry, and the article's and the pane's layouts at
// the widths that geometry gives. Shared by every part of the reducer and by compose.
import type { Article } from "../content/schema.js";
import { getLayout } from "../layout/article.js";
import { getCommentLayout } from "../layout/comments.js";
import { type Geometry, geometry } from "./geometry.js";
import { PaneModel } from "./pane.js";
import type { ReaderState } from "./reducer.js";

export function geometryOf(state: ReaderState): Geometry {
  return geometry(state.cols, state.rows, state.paneOpen, state.maxWidth, state.zoom);
}

export function articleLayoutOf(article: Article, state: ReaderState) {
  return getLayout(article, geometryOf(state).articleWidth);
}

export function paneOf(article: Article, state: ReaderState): PaneModel {
  return new PaneModel(getCommentLayout(article, geometryOf(state).paneWidth), state.collapsed);
}

export function commentCount(article: Article): number {
  return article.comments?.length ?? 0;
}
