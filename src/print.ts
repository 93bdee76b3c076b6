// Print mode: the whole article and its discussion as plain text (or with SGR styling when asked),
// from the same layout the reader draws. Used when stdout is not a terminal and for --print.
import type { Article } from "./content/schema.js";
import { getLayout } from "./layout/article.js";
import { getCommentLayout } from "./layout/comments.js";
import { type Line, STYLES, sgr } from "./layout/lines.js";
import { textWidth } from "./layout/wrap.js";

export type PrintOptions = { width: number; color: boolean };

/**
 * Every line of the printed article, in order, without trailing newlines. On paper there is no
 * colour to set a heading apart, so the title is underlined with ═ and headings with ─.
 */
export function* printLines(article: Article, width: number): Generator<Line> {
  const layout = getLayout(article, width);
  layout.finish();
  const lines = layout.lines;
  let underline = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    yield line;
    if (line.kind !== "title" && line.kind !== "heading") continue;
    underline = Math.max(underline, textWidth(line.text));
    if (lines[i + 1]?.kind !== line.kind) {
      yield { text: (line.kind === "title" ? "═" : "─").repeat(underline), kind: "rule" };
      underline = 0;
    }
  }
  const comments = getCommentLayout(article, width);
  const n = comments.threads.order.length;
  for (let pos = 0; pos < n; pos++) {
    yield { text: "", kind: "blank" };
    yield* comments.lines(pos, false);
  }
}

function paint(line: Line, color: boolean): string {
  if (!color || line.text === "") return line.text;
  const start = sgr(STYLES[line.kind]);
  return start === "" ? line.text : `${start}${line.text}\x1b[0m`;
}

export function renderPrint(article: Article, options: PrintOptions): string {
  const out: string[] = [];
  for (const line of printLines(article, options.width)) out.push(paint(line, options.color));
  return `${out.join("\n")}\n`;
}

/** Write the printed article to a stream, a chunk at a time (articles can be megabytes). */
export function writePrint(
  article: Article,
  options: PrintOptions,
  write: (chunk: string) => void,
): void {
  let chunk: string[] = [];
  for (const line of printLines(article, options.width)) {
    chunk.push(paint(line, options.color));
    if (chunk.length >= 4096) {
      write(`${chunk.join("\n")}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) write(`${chunk.join("\n")}\n`);
}
