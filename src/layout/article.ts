// Article × width → lines. The article is first cut into blocks (title, byline, headings,
// paragraphs, bio, note: cheap, no measuring), then blocks are wrapped into lines on demand, so
// the first screen of a 10 MB article is ready before the rest is measured. One layout per
// (article, width) is cached; the reader extends it as it scrolls and in idle chunks.
import { discussionHeading, formatDate } from "../content/format.js";
import { readingTime } from "../content/reading-time.js";
import type { Article } from "../content/schema.js";
import { NO_SPANS } from "../rich/model.js";
import { parseRich } from "../rich/parse.js";
import {
  flatten,
  type Leaf,
  layLeaves,
  plainLeaf,
  type Refs,
  refLines,
  stableInline,
} from "./flatten.js";
import { BLANK, type Line, type LineKind } from "./lines.js";
import { safeCut } from "./measure.js";
import { perWidth } from "./per-width.js";

export type Block = {
  kind: LineKind;
  text: string;
  /** Index of the section this block belongs to, -1 before the first and for the end matter. */
  section: number;
  /** Blank lines to put before the block (0 at the very top). */
  gap: number;
};

export type Outline = {
  blocks: Block[];
  /** Per section: its heading (or a stand-in such as "Section 2") and its first block. */
  sections: { title: string; block: number }[];
  /** Total characters of all blocks, to estimate progress while laying out. */
  chars: number;
};

const outlines = new WeakMap<Article, Outline>();

/** The article cut into blocks, computed once per article. */
export function outline(article: Article): Outline {
  const cached = outlines.get(article);
  if (cached) return cached;
  const blocks: Block[] = [];
  const sections: Outline["sections"] = [];
  const add = (kind: LineKind, text: string, section: number, gap: number) =>
    blocks.push({ kind, text, section, gap: blocks.length === 0 ? 0 : gap });

  add("title", article.title, -1, 0);
  const byline = [
    article.author ? `By ${article.author.name}` : "",
    article.published ? formatDate(article.published) : "",
    readingTime(article),
  ]
    .filter(Boolean)
    .join(" · ");
  if (byline) add("byline", byline, -1, 1);
  if (article.source) add("source", article.source.name, -1, byline ? 0 : 1);

  article.sections.forEach((section, s) => {
    const title =
      section.heading ?? (article.sections.length === 1 ? "Article" : `Section ${s + 1}`);
    sections.push({ title, block: blocks.length });
    if (section.heading !== undefined) add("heading", section.heading, s, 2);
    section.paragraphs.forEach((p, i) => {
      const gap = i === 0 && section.heading !== undefined ? 1 : i === 0 ? 2 : 1;
      // A huge plain paragraph is laid out in pieces, so that no single step of layout (which
      // keys and signals wait for) grows with it; a piece starts on a new line.
      const pieces = (article.format ?? "text") === "text" ? splitHuge(p) : [p];
      pieces.forEach((piece, k) => {
        add("text", piece, s, k === 0 ? gap : 0);
      });
    });
  });

  const bio = article.author?.bio;
  const note = article.source?.note;
  if (bio !== undefined || note !== undefined) add("rule", "", -1, 1);
  if (bio !== undefined) add("aside", bio, -1, 1);
  if (note !== undefined) {
    const url = article.source?.url;
    add("aside", url ? `${note} ${url}` : note, -1, 1);
  }
  const count = article.comments?.length ?? 0;
  add("discussion", discussionHeading(count, article.title, article.commentsTotal), -1, 2);

  let chars = 0;
  for (const b of blocks) chars += b.text.length + 1;
  const result = { blocks, sections, chars };
  outlines.set(article, result);
  return result;
}

/** Plain paragraphs longer than this are laid out as several blocks (see outline). */
export const MAX_BLOCK_CHARS = 65_536;

/** A text cut into pieces of at most MAX_BLOCK_CHARS: at a line break or a space if there is one near, else between graphemes. */
export function splitHuge(text: string): string[] {
  if (text.length <= MAX_BLOCK_CHARS) return [text];
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > MAX_BLOCK_CHARS) {
    const limit = start + MAX_BLOCK_CHARS;
    const floor = start + MAX_BLOCK_CHARS / 2;
    let cut = text.lastIndexOf("\n", limit);
    if (cut < floor) cut = text.lastIndexOf(" ", limit);
    if (cut >= floor) {
      pieces.push(text.slice(start, cut));
      start = cut + 1;
      continue;
    }
    cut = limit;
    while (cut > floor && !safeCut(text, cut)) cut--;
    pieces.push(text.slice(start, cut));
    start = cut;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** How long a run of laying out may take before giving the event loop back, in characters. */
export const CHUNK_CHARS = 200_000;

export class ArticleLayout {
  readonly article: Article;
  readonly width: number;
  /** Print mode: links numbered, their addresses listed at the end of each section. */
  private readonly refs: Refs | undefined;
  readonly outline: Outline;
  readonly lines: Line[] = [];
  /** Per laid-out line: the block it came from. */
  readonly lineBlock: number[] = [];
  /** Per block: its first line (gap lines excluded), -1 until laid out. */
  readonly blockStart: Int32Array;
  private nextBlock = 0;
  private charsDone = 0;

  constructor(article: Article, width: number, refs?: Refs) {
    this.article = article;
    this.refs = refs;
    this.width = Math.max(1, Math.floor(width));
    this.outline = outline(article);
    this.blockStart = new Int32Array(this.outline.blocks.length).fill(-1);
  }

  get done(): boolean {
    return this.nextBlock >= this.outline.blocks.length;
  }

  /** Lines so far if done, else an estimate from the share of characters laid out. */
  get total(): number {
    if (this.done) return this.lines.length;
    if (this.charsDone === 0) return Math.max(this.lines.length, 1);
    return Math.max(
      this.lines.length,
      Math.round((this.lines.length * this.outline.chars) / this.charsDone),
    );
  }

  /** The leaves of a block: rich text parsed (once) when its format says so. */
  private leavesOf(block: Block): Leaf[] {
    const format = this.article.format ?? "text";
    if (block.kind === "rule") {
      return [{ ...plainLeaf("─".repeat(Math.min(this.width, 24)), "rule", [], 0) }];
    }
    const body = block.kind === "text" || block.kind === "aside";
    if (body && format !== "text") {
      return flatten(
        parseRich(this.article, block.text, format),
        block.kind,
        [],
        this.width,
        0,
        this.refs,
      );
    }
    if (body) return [plainLeaf(block.text, block.kind, [], 0, { object: block, key: 0 })];
    const inline = stableInline(block, 0, () => ({ text: block.text, spans: NO_SPANS }));
    return [{ kind: block.kind, inline, first: [], rest: [], gap: 0, gapPrefix: [] }];
  }

  private layOne(): void {
    const b = this.nextBlock++;
    const block = this.outline.blocks[b] as Block;
    const push = () => this.lineBlock.push(b);
    if (block.kind === "discussion" && !this.refs) {
      // The reader shows the discussion's heading once, on the comments pane's own line; only
      // print mode (the one layout with refs) prints it after the article.
      this.blockStart[b] = this.lines.length;
      this.charsDone += block.text.length + 1;
      return;
    }
    for (let i = 0; i < block.gap; i++) {
      this.lines.push(BLANK);
      push();
    }
    this.blockStart[b] = this.lines.length;
    layLeaves(this.leavesOf(block), this.width, this.lines, push);
    if (this.lines.length === this.blockStart[b]) {
      this.lines.push(BLANK);
      push();
    }
    const next = this.outline.blocks[b + 1];
    if (this.refs && this.refs.pending.length > 0 && (!next || next.section !== block.section)) {
      this.lines.push(BLANK);
      push();
      for (const line of refLines(this.refs, [])) {
        this.lines.push(line);
        push();
      }
    }
    this.charsDone += block.text.length + 1;
  }

  /** Lay out until at least `count` lines exist (or the article ends). */
  ensureLines(count: number): void {
    while (this.lines.length < count && !this.done) this.layOne();
  }

  /** Lay out up to and including block `b`; returns its first line. */
  ensureBlock(b: number): number {
    while (!this.done && this.nextBlock <= b) this.layOne();
    return this.blockStart[b] ?? 0;
  }

  /** Lay out about `chars` more characters; returns true when the whole article is done. */
  step(chars = CHUNK_CHARS): boolean {
    const target = this.charsDone + chars;
    while (!this.done && this.charsDone < target) this.layOne();
    return this.done;
  }

  finish(): void {
    while (!this.done) this.layOne();
  }

  /**
   * The section a line belongs to (the last section started at or before it), or -1 before the
   * first section and in the end matter. Blank lines above a heading still belong to the section
   * before it.
   */
  sectionAt(line: number): number {
    const l = Math.min(line, this.lineBlock.length - 1);
    let b = this.lineBlock[l];
    if (b === undefined) return -1;
    if (l < (this.blockStart[b] as number) && b > 0) b--;
    return (this.outline.blocks[b] as Block).section;
  }

  /** First line of section s (its heading, or its first paragraph). */
  sectionLine(s: number): number {
    const section = this.outline.sections[s];
    return section ? this.ensureBlock(section.block) : 0;
  }

  /** Where a line sits, in a form that survives a change of width: block and share of it. */
  anchorOf(line: number): { block: number; fraction: number } {
    const b = this.lineBlock[line] ?? 0;
    const start = this.blockStart[b] as number;
    if (line < start) return { block: b, fraction: (line - start) / 1000 }; // in the gap above
    let end = start;
    while (this.lineBlock[end] === b) end++;
    return { block: b, fraction: end > start ? (line - start) / (end - start) : 0 };
  }

  /** The line of an anchor taken from another width's layout. */
  lineOf(anchor: { block: number; fraction: number }): number {
    const start = this.ensureBlock(anchor.block);
    if (anchor.fraction < 0) return Math.max(0, start + Math.round(anchor.fraction * 1000));
    let end = start;
    while (this.lineBlock[end] === anchor.block) end++;
    return (
      start + Math.min(Math.floor(anchor.fraction * (end - start)), Math.max(0, end - start - 1))
    );
  }
}

/** The cached layout of an article at a width (see per-width.ts). */
export const getLayout = perWidth((article, width) => new ArticleLayout(article, width));
