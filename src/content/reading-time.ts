// Reading time: an article's words (its sections' headings and paragraphs, as written: Markdown or
// HTML markup counts as part of the words it touches) at 238 words a minute, rounded, "6 min".
import { groupDigits } from "./format.js";
import type { Article } from "./schema.js";

/** Words a minute, the average adult's silent reading speed for non-fiction (Brysbaert 2019). */
export const WORDS_PER_MINUTE = 238;

/** Runs of characters between white space (space, tab, line breaks, no-break space). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}

const counted = new WeakMap<Article, number>();

/**
 * Bodies up to this many characters are counted word by word; a longer one (the 10 MB article)
 * from an even sample of its paragraphs of about this size, scaled by its length: counting every
 * word of 5 million characters took 100-200 ms before the first frame, the sample a few, and
 * the estimate is within a fraction of a minute in a hundred.
 */
const EXACT_CHARS = 500_000;

/** The words of an article's body (counted once per article). */
export function articleWords(article: Article): number {
  const known = counted.get(article);
  if (known !== undefined) return known;
  const texts: string[] = [];
  let chars = 0;
  for (const section of article.sections) {
    if (section.heading !== undefined) texts.push(section.heading);
    for (const p of section.paragraphs) texts.push(p);
  }
  for (const t of texts) chars += t.length;
  let words = 0;
  if (chars <= EXACT_CHARS) {
    for (const t of texts) words += countWords(t);
  } else {
    const every = Math.ceil(chars / EXACT_CHARS);
    let sampleWords = 0;
    let sampleChars = 0;
    for (let i = 0; i < texts.length; i += every) {
      const t = texts[i] as string;
      sampleWords += countWords(t);
      sampleChars += t.length;
    }
    words = Math.round((sampleWords * chars) / Math.max(1, sampleChars));
  }
  counted.set(article, words);
  return words;
}

/** Whole minutes to read `words`: rounded, at least 1 for any text at all. */
export function readingMinutes(words: number): number {
  return words <= 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** "6 min" (and "1,234 min": the digits grouped). */
export function minutesText(minutes: number): string {
  return `${groupDigits(minutes)} min`;
}

/** An article's reading time as shown on its title block and in the list: "6 min" ("" if empty). */
export function readingTime(article: Article): string {
  const minutes = readingMinutes(articleWords(article));
  return minutes === 0 ? "" : minutesText(minutes);
}
