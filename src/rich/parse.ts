// Rich text on demand: the Markdown and HTML parsers are loaded only when an article uses that
// format (a plain-text article loads neither), and each string is parsed once, when layout first
// needs it. Layout is synchronous, so the parsers are loaded before the first frame by
// prepareFormats(); asking for a format that was not prepared is a programming error.
import type { Article, Format } from "../content/schema.js";
import { prepareBidi } from "../layout/bidi.js";
import type { RichBlock } from "./model.js";

type Parse = (source: string) => RichBlock[];
const parsers: Partial<Record<Format, Parse>> = {};

/** The formats an article uses, its own and its comments'. */
export function formatsOf(article: Article): Set<Format> {
  const formats = new Set<Format>([article.format ?? "text"]);
  for (const comment of article.comments ?? []) if (comment.format) formats.add(comment.format);
  return formats;
}

/**
 * Load what an article needs before layout: its parsers (none for plain text) and, when it holds
 * right-to-left text, bidi-js. The reader looks for right-to-left text only after its first
 * frame (`bidi: false` here, then prepareBidi), since that means reading the whole article.
 */
export async function prepareFormats(article: Article, { bidi = true } = {}): Promise<void> {
  if (bidi) await prepareBidi(article);
  const needed = formatsOf(article);
  if (needed.has("markdown") && !parsers.markdown) {
    parsers.markdown = (await import("./markdown.js")).parseMarkdown;
  }
  if (needed.has("html") && !parsers.html) {
    parsers.html = (await import("./html.js")).parseHtml;
  }
}

/** Per owner, per format: source string → its blocks (keyed by the string itself, not a copy). */
const cache = new WeakMap<object, Partial<Record<"markdown" | "html", Map<string, RichBlock[]>>>>();

/**
 * The blocks of one source string. `owner` (the article) scopes the cache, so a closed article
 * takes its parsed text along.
 */
export function parseRich(owner: object, source: string, format: "markdown" | "html"): RichBlock[] {
  let byFormat = cache.get(owner);
  if (!byFormat) {
    byFormat = {};
    cache.set(owner, byFormat);
  }
  let byText = byFormat[format];
  if (!byText) {
    byText = new Map();
    byFormat[format] = byText;
  }
  let blocks = byText.get(source);
  if (!blocks) {
    const parse = parsers[format];
    if (!parse) throw new Error(`the ${format} parser was not loaded (prepareFormats)`);
    blocks = parse(source);
    byText.set(source, blocks);
  }
  return blocks;
}
