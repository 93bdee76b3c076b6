// Print mode: the whole article and its discussion as plain text (or with SGR styling when asked),
// from the same layout the reader draws. Used when stdout is not a terminal and for --print.
// Links are numbered: their text is followed by "[N]", and each section (and each comment) ends
// with its "[N] URL" lines. A web address longer than the whole width is printed whole on a line
// of its own, the one kind of line that may be wider than the width: cut, it could not be used.
import type { Article } from "./content/schema.js";
import { ArticleLayout } from "./layout/article.js";
import { layoutComment, threadsOf } from "./layout/comments.js";
import type { Refs } from "./layout/flatten.js";
import { BLANK, type Line } from "./layout/lines.js";
import { textWidth } from "./layout/wrap.js";
import { lineSegments, type Segment } from "./ui/segments.js";
import { DARK, sgr, type Theme } from "./ui/theme.js";

/** `color`: styled output (SGR), in `theme`'s styles (the mono theme when colour is off). */
export type PrintOptions = { width: number; color: boolean; theme?: Theme };

/** Plain text has no bold: the title is underlined with ═, headings with ─, sub-headings ┈. */
const UNDERLINES: Partial<Record<Line["kind"], string>> = {
  title: "═",
  heading: "─",
  subheading: "┈",
};

/** Every line of the printed article, in order, without trailing newlines. */
export function* printLines(article: Article, width: number, plain = false): Generator<Line> {
  const refs: Refs = { next: 1, pending: [], plain };
  const layout = new ArticleLayout(article, width, refs);
  layout.finish();
  const lines = layout.lines;
  let underline = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    yield line;
    const mark = UNDERLINES[line.kind];
    if (!mark) continue;
    underline = Math.max(underline, textWidth(line.text));
    if (lines[i + 1]?.kind !== line.kind) {
      const prefix = line.prefix;
      yield { text: mark.repeat(underline), kind: "rule", ...(prefix && { prefix }) };
      underline = 0;
    }
  }
  const threads = threadsOf(article);
  const n = threads.order.length;
  for (let pos = 0; pos < n; pos++) {
    yield BLANK;
    yield* layoutComment(article, threads, pos, width, false, refs);
  }
}

function paint(line: Line, color: boolean, theme: Theme = DARK, width?: number): string {
  const segments = lineSegments(line, undefined, theme, undefined, width);
  // No trailing spaces, styled or not.
  while (segments.length > 0) {
    const last = segments[segments.length - 1] as Segment;
    const text = last.text.trimEnd();
    if (text !== "") {
      segments[segments.length - 1] = { ...last, text };
      break;
    }
    segments.pop();
  }
  let out = "";
  for (const segment of segments) {
    const start = color && segment.style ? sgr(segment.style) : "";
    out += start === "" ? segment.text : `${start}${segment.text}\x1b[0m`;
  }
  return out;
}

export function renderPrint(article: Article, options: PrintOptions): string {
  const out: string[] = [];
  for (const line of printLines(article, options.width, !options.color)) {
    out.push(paint(line, options.color, options.theme, options.width));
  }
  return `${out.join("\n")}\n`;
}

/** Write the printed article to a stream, a chunk at a time (articles can be megabytes). */
export function writePrint(
  article: Article,
  options: PrintOptions,
  write: (chunk: string) => void,
): void {
  let chunk: string[] = [];
  for (const line of printLines(article, options.width, !options.color)) {
    chunk.push(paint(line, options.color, options.theme, options.width));
    if (chunk.length >= 4096) {
      write(`${chunk.join("\n")}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) write(`${chunk.join("\n")}\n`);
}
