// Replies written in Lectern, as data: the stored shape (the article format's comment plus what
// the form asked for), how one becomes a comment of the article being read (marked `local`, a
// marker of the running program that no article file can carry: the schema refuses unknown keys),
// and how it is written out for `lectern replies`. Pure; storage/replies.ts keeps them on disk.
import { sanitizeLine, sanitizeText } from "./sanitize.js";
import type { Article, Comment } from "./schema.js";

export type StoredReply = {
  id: string;
  parentId?: string;
  author: string;
  /** Never shown in the discussion; written out only when asked for. */
  email: string;
  website?: string;
  postedAt: string;
  editedAt?: string;
  /** "text" when the article is Markdown or HTML (the form takes plain text). */
  format?: "text";
  paragraphs: string[];
};

/** A comment of the running program that was written here (layout/comments.ts marks it). */
export type LocalComment = Comment & { local?: true };

export function isLocal(comment: Comment | undefined): boolean {
  return (comment as LocalComment | undefined)?.local === true;
}

/** The comment field's text → paragraphs: split at blank lines, trailing spaces dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/[ \t]+$/gm, "").replace(/^\n+|\n+$/g, ""))
    .filter((p) => p.trim() !== "");
}

/** Paragraphs → the comment field's text. */
export function textOf(paragraphs: readonly string[]): string {
  return paragraphs.join("\n\n");
}

function asLocalComment(article: Article, reply: StoredReply, parentId?: string): LocalComment {
  const format = reply.format ?? (article.format && article.format !== "text" ? "text" : undefined);
  return {
    id: reply.id,
    ...(parentId !== undefined && { parentId }),
    author: sanitizeLine(reply.author),
    postedAt: reply.postedAt,
    ...(format && { format }),
    paragraphs: reply.paragraphs.map((p) => sanitizeText(p)),
    local: true,
  };
}

/**
 * The article with `replies` among its comments, after the comments they may answer (posting
 * order keeps every parent earlier), marked local and sanitised like any text from a file. A
 * reply already in the article (merged into its file by hand) is not shown twice; one whose
 * parent is gone answers the article, so that it is still shown.
 */
export function mergeReplies(article: Article, replies: readonly StoredReply[]): Article {
  if (replies.length === 0) return article;
  const comments: Comment[] = [...(article.comments ?? [])];
  const ids = new Set(comments.map((c) => c.id));
  for (const reply of replies) {
    if (ids.has(reply.id)) continue;
    const parent =
      reply.parentId !== undefined && ids.has(reply.parentId) ? reply.parentId : undefined;
    comments.push(asLocalComment(article, reply, parent));
    ids.add(reply.id);
  }
  return { ...article, comments };
}

/** The article with a local reply's text replaced (an edit), or the reply added (a post). */
export function putReply(article: Article, reply: StoredReply): Article {
  const comments = article.comments ?? [];
  const i = comments.findIndex((c) => c.id === reply.id);
  if (i < 0) return mergeReplies(article, [reply]);
  const next = [...comments];
  const old = comments[i] as Comment;
  next[i] = asLocalComment(article, reply, old.parentId);
  return { ...article, comments: next };
}

/** The article without a local reply (and nothing else changed). */
export function removeReply(article: Article, id: string): Article {
  const comments = article.comments ?? [];
  return { ...article, comments: comments.filter((c) => !(c.id === id && isLocal(c))) };
}

/** A stored reply in the article format's comment shape; the email only when asked for. */
export function asComment(
  reply: StoredReply,
  options: { email?: boolean } = {},
): Record<string, unknown> {
  return {
    id: reply.id,
    ...(reply.parentId !== undefined && { parentId: reply.parentId }),
    author: reply.author,
    postedAt: reply.postedAt,
    ...(reply.format && { format: reply.format }),
    paragraphs: reply.paragraphs,
    ...(options.email && { email: reply.email }),
    ...(options.email && reply.website !== undefined && { website: reply.website }),
  };
}
