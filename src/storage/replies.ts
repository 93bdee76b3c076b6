// Replies written in Lectern, kept on this machine: one JSON file per article in the user's data
// folder ($XDG_DATA_HOME/lectern-nodejs/replies/<article id>.json). Posting, editing and deleting
// re-read the file under its lock, replace it atomically and flush it and its folder to disk
// (fsync) before returning, so a reply reported as posted survives kill -9 and a crash. When an
// article opens, its replies join its comments (withLocalReplies: content/local-replies.ts).
// A file that is not a store of replies is set aside under a new name, never overwritten.
import { createHash } from "node:crypto";
import { closeSync, constants, fsyncSync, mkdirSync, openSync, readdirSync } from "node:fs";
import { join } from "node:path";
import envPaths from "env-paths";
import { mergeReplies, type StoredReply } from "../content/local-replies.js";
import { ISO_DATE, SLUG } from "../content/rules.js";
import type { Article } from "../content/schema.js";
import {
  cleanTemporaries,
  readStateFile,
  setAsideSaying,
  withLock,
  writeAtomically,
} from "./state-file.js";

const MAX_BYTES = 32 * 1024 * 1024;

export function repliesFolder(): string {
  return join(envPaths("lectern").data, "replies");
}

/** The file of an article's replies: its id when that is a short slug, else a hash of it. */
export function repliesFile(articleId: string, folder = repliesFolder()): string {
  const name =
    SLUG.test(articleId) && articleId.length <= 100
      ? articleId
      : `id-${createHash("sha256").update(articleId).digest("hex").slice(0, 32)}`;
  return join(folder, `${name}.json`);
}

const notices: string[] = [];

/** What went wrong with replies files since the last call, one line each. */
export function takeReplyNotices(): string[] {
  return notices.splice(0);
}

const text = (v: unknown): v is string => typeof v === "string" && v.length > 0;

function replyOf(v: unknown): StoredReply | undefined {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  if (!text(o.id) || !text(o.author) || !text(o.postedAt) || !ISO_DATE.test(o.postedAt)) {
    return undefined;
  }
  if (!Array.isArray(o.paragraphs) || o.paragraphs.length === 0 || !o.paragraphs.every(text)) {
    return undefined;
  }
  return {
    id: o.id,
    ...(text(o.parentId) && { parentId: o.parentId }),
    author: o.author,
    email: typeof o.email === "string" ? o.email : "",
    ...(text(o.website) && { website: o.website }),
    postedAt: o.postedAt,
    ...(text(o.editedAt) && { editedAt: o.editedAt }),
    ...(o.format === "text" && { format: "text" as const }),
    paragraphs: o.paragraphs as string[],
  };
}

type Store = { articleId?: string; replies: StoredReply[]; writable: boolean };

function readStore(file: string): Store {
  const read = readStateFile(file, MAX_BYTES);
  if (read.kind === "absent") return { replies: [], writable: true };
  let why: string;
  if (read.kind === "unusable") why = read.why;
  else {
    try {
      const data = JSON.parse(read.text) as Record<string, unknown>;
      if (typeof data !== "object" || data === null || !Array.isArray(data.replies)) {
        throw new Error();
      }
      const replies: StoredReply[] = [];
      for (const item of data.replies) {
        const reply = replyOf(item);
        // A reply that is not whole is not dropped silently: the file is kept aside as it is.
        if (!reply) throw new Error();
        replies.push(reply);
      }
      const articleId = text(data.article) ? data.article : undefined;
      return { ...(articleId && { articleId }), replies, writable: true };
    } catch {
      why = "does not hold replies (not JSON of the expected shape)";
    }
  }
  const { moved, notice } = setAsideSaying(file, "replies", why);
  if (!notices.includes(notice)) notices.push(notice);
  return { replies: [], writable: moved !== undefined };
}

/** The replies stored for an article, in posting order. A damaged file counts as none. */
export function loadReplies(articleId: string, folder = repliesFolder()): StoredReply[] {
  try {
    return readStore(repliesFile(articleId, folder)).replies;
  } catch {
    return [];
  }
}

/** Every article's replies, by article id (for `lectern replies` with no PATH). */
export function loadAllReplies(folder = repliesFolder()): Map<string, StoredReply[]> {
  const out = new Map<string, StoredReply[]>();
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((n) => n.endsWith(".json"))
      .sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const store = readStore(join(folder, name));
    const id = store.articleId ?? name.slice(0, -".json".length);
    if (store.replies.length > 0) out.set(id, store.replies);
  }
  return out;
}

/** Flushes a folder's entries (a rename into it) to disk. */
function syncFolder(folder: string): void {
  const fd = openSync(folder, constants.O_RDONLY);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Changes an article's stored replies durably: `change` gets the list as it is on disk now and
 * returns the new one (or a reason it cannot). Returns undefined when done and on disk; else
 * what went wrong, in words.
 */
function update(
  articleId: string,
  change: (replies: StoredReply[]) => StoredReply[] | string,
  folder: string,
): string | undefined {
  const file = repliesFile(articleId, folder);
  try {
    mkdirSync(folder, { recursive: true });
    const result = withLock(file, () => {
      const store = readStore(file);
      if (!store.writable) return "the replies file could not be moved aside";
      const next = change(store.replies);
      if (typeof next === "string") return next;
      writeAtomically(file, `${JSON.stringify({ article: articleId, replies: next }, null, 1)}\n`);
      syncFolder(folder);
      cleanTemporaries(file);
      return undefined;
    });
    return result === undefined ? undefined : result;
  } catch (error) {
    return `could not be saved (${(error as { code?: string }).code ?? "error"})`;
  }
}

/** Stores a new reply, or replaces the one with its id. Undefined once it is on disk. */
export function storeReply(
  articleId: string,
  reply: StoredReply,
  folder = repliesFolder(),
): string | undefined {
  return update(
    articleId,
    (replies) => {
      const i = replies.findIndex((r) => r.id === reply.id);
      if (i < 0) return [...replies, reply];
      const next = [...replies];
      next[i] = reply;
      return next;
    },
    folder,
  );
}

/** Deletes a stored reply (refused while replies to it are stored). Undefined once done. */
export function deleteReply(
  articleId: string,
  id: string,
  folder = repliesFolder(),
): string | undefined {
  return update(
    articleId,
    (replies) => {
      if (replies.some((r) => r.parentId === id)) return "it has replies of its own";
      return replies.filter((r) => r.id !== id);
    },
    folder,
  );
}

/** The article with the replies stored for it (see mergeReplies). Never throws. */
export function withLocalReplies(article: Article, folder = repliesFolder()): Article {
  return mergeReplies(article, loadReplies(article.id, folder));
}
