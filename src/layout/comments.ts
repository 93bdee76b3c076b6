// Comment × width → lines: a header line (marker, author · points · date), then the paragraphs
// beside a rail, indented by depth (capped so deep threads stay readable; past the cap the header
// shows the depth). The header is always one line: when it does not fit it is shortened (a short
// date, then no time, then a shorter name), never wrapped. The rail keeps a comment's text from
// ever looking like a header, whatever the text starts with. Laid out one comment at a time and
// cached, so a pane over 20,000 comments only ever measures the comments it shows.
import { commentAuthor, formatDate, formatShortDate, groupDigits } from "../content/format.js";
import { isLocal } from "../content/local-replies.js";
import type { Article, Comment } from "../content/schema.js";
import { buildThreads, type Threads } from "../content/threads.js";
import { parseRich } from "../rich/parse.js";
import { flatten, type Leaf, layLeaves, plainLeaf, type Refs, refLines } from "./flatten.js";
import { BLANK, type Line, type Piece } from "./lines.js";
import { perWidth } from "./per-width.js";
import { textWidth, truncate } from "./wrap.js";

/** Columns of indent per level of nesting. */
export const INDENT_STEP = 2;

/** The deepest indent: 12 columns, at most a third of the width. */
function indentCap(width: number): number {
  return Math.max(0, Math.min(12, Math.floor(width / 3 / INDENT_STEP) * INDENT_STEP));
}

/** Indent for a depth: two columns a level, at most 12 and at most a third of the width. */
export function indentFor(depth: number, width: number): number {
  return Math.max(0, Math.min(depth * INDENT_STEP, indentCap(width)));
}

/**
 * Whether a reply's header shows its depth: past the indent cap, where it would otherwise sit at
 * the same indent as the level that reached the cap.
 */
export function showsDepth(depth: number, width: number): boolean {
  return depth > 0 && depth * INDENT_STEP > indentCap(width);
}

/** The rail before a comment's text lines (and the blank lines between its paragraphs). */
export const RAIL = "┆ ";

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

/** The narrowest a shortened author name gets (its last column an ellipsis). */
const MIN_NAME = 6;

/**
 * A comment's header, as wide as it fits in `width` columns (no limit by default): marker, the
 * depth when asked ("↳7"), author, points, date, and what folding hides. Shortened in steps
 * when too wide: a short date with its time, the date alone, shorter words ("pts", "3 hidden"),
 * then a shorter name, then no date; only then is the line cut.
 */
export function metaText(
  comment: Comment,
  replies: number,
  collapsed: boolean,
  options: { depth?: number; width?: number } = {},
): string {
  const width = options.width ?? Number.POSITIVE_INFINITY;
  const lead = `${marker(replies, collapsed)} ${options.depth === undefined ? "" : `↳${options.depth} `}`;
  const name = commentAuthor(comment.author);
  const p = comment.points;
  const pointWord = (short: boolean) =>
    p === undefined
      ? ""
      : ` · ${groupDigits(p)} ${short ? "pts" : Math.abs(p) === 1 ? "point" : "points"}`;
  const dateIn = (tier: number) => {
    const at = comment.postedAt;
    if (at === undefined || tier >= 5) return "";
    return ` · ${tier === 0 ? formatDate(at) : formatShortDate(at, tier === 1)}`;
  };
  const folded = (short: boolean) => {
    if (!collapsed) return "";
    if (replies === 0) return " — collapsed";
    return short ? ` — ${groupDigits(replies)} hidden` : ` — ${replyCount(replies)} hidden`;
  };
  // A reply written here (content/local-replies.ts) says so; never its email.
  const mine = (tier: number) =>
    isLocal(comment) ? (tier >= 3 ? " · your reply" : " · your reply · not published") : "";
  const build = (tier: number, who: string) =>
    `${lead}${who}${mine(tier)}${pointWord(tier >= 3)}${dateIn(tier)}${folded(tier >= 3)}`;
  for (let tier = 0; tier <= 5; tier++) {
    const whole = build(tier, name);
    if (textWidth(whole) <= width) return whole;
    if (tier < 4) continue;
    // Tiers 4 and 5: the name gives way, down to MIN_NAME columns.
    const room = width - textWidth(build(tier, ""));
    if (room >= Math.min(MIN_NAME, textWidth(name))) return build(tier, truncate(name, room));
  }
  return truncate(build(5, name), width);
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
  const depth = threads.depth[pos] as number;
  const indent = indentFor(depth, width);
  const inner = Math.max(1, width - indent);
  const replies = threads.replies[pos] as number;
  const meta = metaText(comment, replies, collapsed, {
    width: inner,
    ...(showsDepth(depth, width) && { depth }),
  });
  const lines: Line[] = [
    {
      text: meta,
      kind: "meta",
      ...(indent > 0 && { prefix: indentPiece(indent) }),
      source: { text: meta, spans: [] },
      start: 0,
      end: meta.length,
    },
  ];
  if (collapsed) return lines;
  // The rail sits under the header's marker; in a column too narrow for it, spaces.
  const outer: Piece[] =
    indent + RAIL.length <= width - 1
      ? [...indentPiece(indent), { text: RAIL, role: "rail" }]
      : indentPiece(Math.min(indent + 2, Math.max(0, width - 1)));
  const format = comment.format ?? article.format ?? "text";
  const leaves: Leaf[] = [];
  comment.paragraphs.forEach((p, i) => {
    const gap = i > 0 ? 1 : 0;
    if (format === "text")
      leaves.push(plainLeaf(p, "comment", outer, gap, { object: comment, key: i }));
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
