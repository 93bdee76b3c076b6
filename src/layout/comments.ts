// Comment × width → lines: a meta line (marker, author · date), then the paragraphs, indented by
// depth (capped so deep threads stay readable). Laid out one comment at a time and cached, so a
// pane over 20,000 comments only ever measures the comments it shows.
import { commentAuthor, formatDate, groupDigits } from "../content/format.js";
import type { Article, Comment } from "../content/schema.js";
import { buildThreads, type Threads } from "../content/threads.js";
import type { Line } from "./lines.js";
import { perWidth } from "./per-width.js";
import { wrapText } from "./wrap.js";

/** Columns of indent per level of nesting. */
export const INDENT_STEP = 2;

/** Indent for a depth: two columns a level, at most 12 and at most a third of the width. */
export function indentFor(depth: number, width: number): number {
  const cap = Math.min(12, Math.floor(width / 3 / INDENT_STEP) * INDENT_STEP);
  return Math.max(0, Math.min(depth * INDENT_STEP, cap));
}

const threadCache = new WeakMap<Article, Threads>();

export function threadsOf(article: Article): Threads {
  let t = threadCache.get(article);
  if (!t) {
    t = buildThreads(article.comments ?? []);
    threadCache.set(article, t);
  }
  return t;
}

export function replyCount(n: number): string {
  return `${groupDigits(n)} ${n === 1 ? "reply" : "replies"}`;
}

/** Marker before the author: • a comment without replies, ▾ an open thread, ▸ a collapsed one. */
function marker(replies: number, collapsed: boolean): string {
  if (collapsed) return "▸";
  return replies > 0 ? "▾" : "•";
}

export function metaText(comment: Comment, replies: number, collapsed: boolean): string {
  const date = comment.postedAt ? ` · ${formatDate(comment.postedAt)}` : "";
  const hidden = collapsed && replies > 0 ? ` — ${replyCount(replies)} hidden` : "";
  const folded = collapsed && replies === 0 ? " — collapsed" : "";
  return `${marker(replies, collapsed)} ${commentAuthor(comment.author)}${date}${hidden}${folded}`;
}

function indented(texts: string[], kind: Line["kind"], indent: number, out: Line[]): void {
  const pad = " ".repeat(indent);
  for (const text of texts) out.push({ text: text === "" ? "" : pad + text, kind });
}

/**
 * Lines of the comment at reading position `pos`, for a column `width` wide. Collapsed: the
 * meta line only. Expanded: meta line, then paragraphs separated by blank lines.
 */
export function layoutComment(
  article: Article,
  threads: Threads,
  pos: number,
  width: number,
  collapsed: boolean,
): Line[] {
  const comment = (article.comments ?? [])[threads.order[pos] as number] as Comment;
  const indent = indentFor(threads.depth[pos] as number, width);
  const inner = Math.max(1, width - indent);
  const lines: Line[] = [];
  const replies = threads.replies[pos] as number;
  indented(wrapText(metaText(comment, replies, collapsed), inner), "meta", indent, lines);
  if (collapsed) return lines;
  const textIndent = Math.min(indent + 2, Math.max(0, width - 1));
  const textWidth = Math.max(1, width - textIndent);
  comment.paragraphs.forEach((p, i) => {
    if (i > 0) lines.push({ text: "", kind: "blank" });
    indented(wrapText(p, textWidth), "comment", textIndent, lines);
  });
  return lines;
}

/** Per-width cache of expanded comment layouts. */
export class CommentLayoutCache {
  private readonly cache = new Map<number, Line[]>();
  constructor(
    readonly article: Article,
    readonly threads: Threads,
    readonly width: number,
  ) {}

  lines(pos: number, collapsed: boolean): Line[] {
    if (collapsed) return layoutComment(this.article, this.threads, pos, this.width, true);
    let lines = this.cache.get(pos);
    if (!lines) {
      lines = layoutComment(this.article, this.threads, pos, this.width, false);
      this.cache.set(pos, lines);
    }
    return lines;
  }
}

/** The cached comment layouts of an article at a width (see per-width.ts). */
export const getCommentLayout = perWidth(
  (article, width) => new CommentLayoutCache(article, threadsOf(article), width),
);
