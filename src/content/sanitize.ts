// The one gate for untrusted text: every string that comes from a content file (and every piece
// of it quoted in an error message) passes through here before layout or the terminal sees it.
//
// What it does, and why:
// - C0 controls U+0000–U+001F (ESC included) become their visible Control Pictures U+2400–U+241F
//   (ESC shows as ␛, NUL as ␀, BEL as ␇), so a hostile escape sequence is shown, not obeyed.
// - DEL U+007F becomes ␡ (U+2421).
// - The 8-bit C1 controls U+0080–U+009F (CSI U+009B is an escape introducer on some terminals)
//   and the bidirectional embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069 (which
//   can make text read differently from how it is stored) become U+FFFD �.
// - Lone UTF-16 surrogates (JSON allows "\ud800") become U+FFFD.
// - A tab becomes one space; a paragraph is reflowed to the column anyway. Markdown and HTML
//   paragraphs keep their tabs until parsed, for code indentation (expanded to stops of four).
// - CR LF, a lone CR, U+2028 and U+2029 inside a paragraph become "\n", which layout turns into
//   a line break (kept for poems and addresses). sanitizeLine() makes them a space for one-line
//   fields such as titles, names and headings.
// Zero-width joiners, variation selectors and combining marks are left alone: they carry meaning.

import type { Article } from "./schema.js";

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const NEEDS_WORK =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029\uD800-\uDFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const C0_EXCEPT_NEWLINE_TAB = /[\u0000-\u0008\u000B-\u001F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Neutralise a paragraph: line breaks survive as "\n", everything else is made visible. Tabs
 * become spaces, unless `keepTabs` (Markdown and HTML source, whose code blocks expand them to
 * tab stops; rich/model.ts sanitises every parsed fragment again).
 */
export function sanitizeText(input: string, keepTabs = false): string {
  if (!NEEDS_WORK.test(input)) return input;
  return input
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/\t/g, keepTabs ? "\t" : " ")
    .replace(C0_EXCEPT_NEWLINE_TAB, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)))
    .replace(/\u007F/g, "\u2421")
    .replace(/[\u0080-\u009F]/g, "\uFFFD")
    .replace(BIDI_CONTROLS, "\uFFFD")
    .replace(LONE_SURROGATE, "\uFFFD");
}

/** Neutralise a one-line field (title, name, heading): line breaks become spaces. */
export function sanitizeLine(input: string): string {
  const text = sanitizeText(input);
  return text.includes("\n") ? text.replace(/\n+/g, " ") : text;
}

/** Every displayed string of a validated article, neutralised. Ids are not displayed. */
export function sanitizeArticle(article: Article): Article {
  const line = sanitizeLine;
  const text = (value: string) => sanitizeText(value);
  // Markdown and HTML keep their tabs until parsed (code indentation); plain text loses them.
  const body = (format: string | undefined) => (value: string) =>
    sanitizeText(value, format === "markdown" || format === "html");
  return {
    ...article,
    title: line(article.title),
    author: article.author && {
      name: line(article.author.name),
      ...(article.author.bio !== undefined && { bio: text(article.author.bio) }),
    },
    source: article.source && {
      name: line(article.source.name),
      ...(article.source.url !== undefined && { url: line(article.source.url) }),
      ...(article.source.note !== undefined && { note: text(article.source.note) }),
    },
    sections: article.sections.map((section) => ({
      ...(section.heading !== undefined && { heading: line(section.heading) }),
      paragraphs: section.paragraphs.map(body(article.format)),
    })),
    ...(article.comments && {
      comments: article.comments.map((comment) => ({
        ...comment,
        ...(comment.author !== undefined && { author: line(comment.author) }),
        paragraphs: comment.paragraphs.map(body(comment.format ?? article.format)),
      })),
    }),
  };
}
