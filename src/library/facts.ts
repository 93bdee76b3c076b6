// What the list of articles knows about a file without keeping the article: its title, author,
// source, date, words, comments, and where its body ends (for the share read). Made once per
// file and kept in the facts cache (storage/library-cache.ts), so a second open reads no article.
import { articleWords } from "../content/reading-time.js";
import type { Article } from "../content/schema.js";
import { outline } from "../layout/article.js";

export type Facts = {
  id: string;
  title: string;
  author?: string;
  source?: string;
  /** As written in the file (ISO date or date-time). */
  published?: string;
  words: number;
  comments: number;
  /** Blocks of the outline up to the end of the body: a reading position's block / this = share. */
  bodyBlocks: number;
};

/** The facts of an article (already sanitised by loading). */
export function factsOf(article: Article): Facts {
  const o = outline(article);
  let bodyBlocks = 0;
  for (let b = 0; b < o.blocks.length; b++)
    if ((o.blocks[b]?.section ?? -1) >= 0) bodyBlocks = b + 1;
  return {
    id: article.id,
    title: article.title,
    ...(article.author && { author: article.author.name }),
    ...(article.source && { source: article.source.name }),
    ...(article.published && { published: article.published }),
    words: articleWords(article),
    comments: article.comments?.length ?? 0,
    bodyBlocks: Math.max(1, bodyBlocks),
  };
}
