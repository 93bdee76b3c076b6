// What search looks through, in reading order: every text of the article (title, byline,
// headings, paragraphs, bio, note) and then every comment, each as the very Inline objects layout
// draws (see stableInline in layout/flatten.ts), so a match found here highlights wherever that
// text is wrapped. A unit's place: the article's block, or the comment's reading position.
import type { Article, Comment } from "../content/schema.js";
import { outline } from "../layout/article.js";
import { threadsOf } from "../layout/comments.js";
import { codeInline, imageInline, plainInline, stableInline } from "../layout/flatten.js";
import { type Inline, NO_SPANS, type RichBlock } from "../rich/model.js";
import { parseRich } from "../rich/parse.js";

export type Area = "article" | "comment";

/** Where a text sits: area, block or comment position, and its index among that one's texts. */
export type Place = { area: Area; major: number; minor: number };

/** The texts of rich blocks, in reading order (table cells are searched but not highlighted). */
function richInlines(blocks: RichBlock[], out: Inline[]): void {
  for (const block of blocks) {
    switch (block.type) {
      case "paragraph":
      case "heading":
        out.push(block.inline);
        break;
      case "quote":
        richInlines(block.blocks, out);
        break;
      case "list":
        for (const item of block.items) richInlines(item, out);
        break;
      case "code":
        out.push(codeInline(block));
        break;
      case "image":
        out.push(imageInline(block));
        break;
      case "table":
        for (const row of [block.header, ...block.rows]) out.push(...row);
        break;
      case "rule":
        break;
    }
  }
}

/** The texts of article block `b`. */
export function blockInlines(article: Article, b: number): Inline[] {
  const block = outline(article).blocks[b];
  if (!block || block.kind === "rule") return [];
  const format = article.format ?? "text";
  const body = block.kind === "text" || block.kind === "aside";
  if (body && format !== "text") {
    const out: Inline[] = [];
    richInlines(parseRich(article, block.text, format), out);
    return out;
  }
  if (body) return [stableInline(block, 0, () => plainInline(block.text))];
  return [stableInline(block, 0, () => ({ text: block.text, spans: NO_SPANS }))];
}

/** The texts of the comment at reading position `pos`. */
export function commentInlines(article: Article, pos: number): Inline[] {
  const threads = threadsOf(article);
  const comment = (article.comments ?? [])[threads.order[pos] as number] as Comment | undefined;
  if (!comment) return [];
  const format = comment.format ?? article.format ?? "text";
  const out: Inline[] = [];
  comment.paragraphs.forEach((p, i) => {
    if (format === "text") out.push(stableInline(comment, i, () => plainInline(p)));
    else richInlines(parseRich(article, p, format), out);
  });
  return out;
}

const NO_TEXTS: readonly string[] = Object.freeze([]);

/**
 * The texts of a place, the same as those of inlinesAt, but plain text is read as it is, making no
 * Inline (counting reads every place once; the Inlines are for what is drawn).
 */
export function textsAt(article: Article, area: Area, major: number): readonly string[] {
  if (area === "article") {
    const block = outline(article).blocks[major];
    if (!block || block.kind === "rule") return NO_TEXTS;
    const body = block.kind === "text" || block.kind === "aside";
    if (body && (article.format ?? "text") !== "text") {
      return blockInlines(article, major).map((inline) => inline.text);
    }
    return [block.text];
  }
  const threads = threadsOf(article);
  const comment = (article.comments ?? [])[threads.order[major] as number] as Comment | undefined;
  if (!comment) return NO_TEXTS;
  if ((comment.format ?? article.format ?? "text") === "text") return comment.paragraphs;
  return commentInlines(article, major).map((inline) => inline.text);
}

/**
 * A reader of how many characters each place's texts hold, about (their source, before markup
 * goes): what it needs is looked up once, each place read when asked.
 */
export function sizesOf(article: Article, area: Area): (major: number) => number {
  if (area === "article") {
    const blocks = outline(article).blocks;
    return (b) => (blocks[b]?.text.length ?? 0) + 1;
  }
  const comments = article.comments ?? [];
  const order = threadsOf(article).order;
  return (pos) => {
    let size = 1;
    for (const p of comments[order[pos] as number]?.paragraphs ?? []) size += p.length + 1;
    return size;
  };
}

export function majors(article: Article, area: Area): number {
  return area === "article" ? outline(article).blocks.length : (article.comments?.length ?? 0);
}

export function inlinesAt(article: Article, area: Area, major: number): Inline[] {
  return area === "article" ? blockInlines(article, major) : commentInlines(article, major);
}

/** -1, 0, 1: reading order of two places (the article before its comments). */
export function comparePlaces(a: Place, b: Place): number {
  if (a.area !== b.area) return a.area === "article" ? -1 : 1;
  return a.major - b.major || a.minor - b.minor;
}
