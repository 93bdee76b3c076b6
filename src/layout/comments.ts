// Comment × width → lines: a meta line (marker, author · date), then the paragraphs, indented by
// depth (capped so deep threads stay readable). Laid out one comment at a time and cached, so a
// pane over 20,000 comments only ever measures the comments it shows.
import { commentAuthor, formatDate, groupDigits } from "../content/format.js";
import type { Article, Comment } from "../content/schema.js";
import { buildThreads, type Threads } from "../content/threads.js";
import { parseRich } from "../rich/parse.js";
import { flatten, type Leaf, layLeaves, plainLeaf, type Refs, refLines } from "./flatten.js";
import { BLANK, type Line, type Piece } from "./lines.js";
import { perWidth } from "./per-width.js";
import { wrapRanges } from "./wrap.js";

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
  const points =
    comment.points === undefined
      ? ""
      : ` · ${groupDigits(comment.points)} ${Math.abs(comment.points) === 1 ? "point" : "points"}`;
  const date = `${points}${comment.postedAt ? ` · ${formatDate(comment.postedAt)}` : ""}`;
  const hidden = collapsed && replies > 0 ? ` — ${replyCount(replies)} hidden` : "";
  const folded = collapsed && replies === 0 ? " — collapsed" : "";
  return `${marker(replies, collapsed)} ${commentAuthor(comment.author)}${date}${hidden}${folded}`;
}

function indentPiece(columns: number): Piece[] {
  return columns > 0 ? [{ text: " ".repeat(columns), role: "indent" }] : [];
}

/**
 * Lines of the comment at reading position `pos`, for a column `width` wide. Collapsed: the
 * meta line only. Expanded: meta line, then paragraphs separated by blank lines (Markdown or
 * HTML when the comment, or else the article, says so), then a line for replies the file lacks.
 * `refs` (print mode) numbers the links and lists them at the comment's end.
 */
export function layoutComment(
  article: Article,
  threads: Threads,
  pos: number,
  width: number,
  collapsed: boolean,
  refs?: Refs,
): Line[] {
  const comment = (article.comments ?? [])[threads.order[pos] as number] as Comment;
  const indent = indentFor(threads.depth[pos] as number, width);
  const inner = Math.max(1, width - indent);
  const lines: Line[] = [];
  const replies = threads.replies[pos] as number;
  const meta = metaText(comment, replies, collapsed);
  const metaSource = { text: meta, spans: [] };
  for (const r of wrapRanges(meta, inner)) {
    lines.push({
      text: r.text ?? meta.slice(r.start, r.end),
      kind: "meta",
      ...(indent > 0 && { prefix: indentPiece(indent) }),
      source: metaSource,
      start: r.start,
      end: r.end,
    });
  }
  if (collapsed) return lines;
  const textIndent = Math.min(indent + 2, Math.max(0, width - 1));
  const outer = indentPiece(textIndent);
  const format = comment.format ?? article.format ?? "text";
  const leaves: Leaf[] = [];
  comment.paragraphs.forEach((p, i) => {
    const gap = i > 0 ? 1 : 0;
    if (format === "text") leaves.push(plainLeaf(p, "comment", outer, gap));
    else leaves.push(...flatten(parseRich(article, p, format), "comment", outer, width, gap, refs));
  });
  if (comment.moreReplies !== undefined && comment.moreReplies > 0) {
    const n = comment.moreReplies;
    const text = `${groupDigits(n)} more ${n === 1 ? "reply" : "replies"} not in this file`;
    leaves.push({ ...plainLeaf(text, "aside", outer, 1) });
  }
  layLeaves(leaves, width, lines);
  if (refs && refs.pending.length > 0) {
    lines.push(BLANK, ...refLines(refs, outer));
  }
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
