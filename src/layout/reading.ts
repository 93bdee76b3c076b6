// How much of an article is left to read from a block of its outline: the body's words (see
// content/reading-time.ts) shared out over its blocks by their length, so that the status line
// can say "6 min · 2 min left" without counting words again on every frame.
import { articleWords, minutesText, readingMinutes } from "../content/reading-time.js";
import type { Article } from "../content/schema.js";
import { type ArticleLayout, type Outline, outline } from "./article.js";

/** Per block: characters of the body (sections' headings and paragraphs) from it to the end. */
const suffixes = new WeakMap<Outline, Float64Array>();

function bodyCharsFrom(o: Outline): Float64Array {
  const known = suffixes.get(o);
  if (known) return known;
  const from = new Float64Array(o.blocks.length + 1);
  for (let b = o.blocks.length - 1; b >= 0; b--) {
    const block = o.blocks[b];
    const body = block !== undefined && block.section >= 0 ? block.text.length : 0;
    from[b] = (from[b + 1] as number) + body;
  }
  suffixes.set(o, from);
  return from;
}

/** Minutes to read the article, and those left from block `block` on (that block included). */
export function readingLeft(article: Article, block: number): { total: number; left: number } {
  const words = articleWords(article);
  const from = bodyCharsFrom(outline(article));
  const all = from[0] ?? 0;
  const rest = from[Math.max(0, Math.min(block, from.length - 1))] ?? 0;
  const leftWords = all > 0 ? (words * rest) / all : 0;
  return { total: readingMinutes(words), left: leftWords > 0 ? readingMinutes(leftWords) : 0 };
}

/** The status line's part: "6 min · 2 min left", from the block at the top of the screen. */
export function readingStatus(article: Article, layout: ArticleLayout, top: number): string {
  const { total, left } = readingLeft(article, layout.lineBlock[top] ?? 0);
  return total === 0 ? "" : `${minutesText(total)} · ${minutesText(left)} left · `;
}
