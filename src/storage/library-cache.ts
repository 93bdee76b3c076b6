// The facts cache: what the list knows about each article file (title, author, words…, or why it
// could not be read), kept in the user's cache folder (env-paths: $XDG_CACHE_HOME/lectern-nodejs
// on Linux) and keyed by the file's full path, size and modification time, so that a second open
// of a large folder reads no article. It is only a cache: a missing, damaged or foreign file counts
// as empty (and is replaced on the next save), and its strings are sanitised again when read.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import envPaths from "env-paths";
import { sanitizeLine } from "../content/sanitize.js";
import type { Facts } from "../library/facts.js";
import { readStateFile, writeAtomically } from "./state-file.js";

/** What a file was found to be: an article's facts, or its error lines without the file's name. */
export type Known = { facts: Facts } | { errors: string[] };

type Entry = { size: number; mtime: number; known: Known };

const VERSION = 1;
/** Files remembered (the most recently seen): some 250 bytes each. */
const KEEP = 50_000;
const MAX_BYTES = 16 * 1024 * 1024;

export function cacheFile(): string {
  return join(envPaths("lectern").cache, "library.json");
}

const str = (v: unknown): string | undefined =>
  typeof v === "string" && v.length > 0 ? sanitizeLine(v) : undefined;
const count = (v: unknown): number | undefined =>
  typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? v : undefined;

/** A cached value as written by save(), checked field by field; anything else is undefined. */
function readKnown(value: unknown): Known | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.errors)) {
    const errors = v.errors.filter((e): e is string => typeof e === "string").map(sanitizeLine);
    return errors.length > 0 ? { errors } : undefined;
  }
  const f = v.facts as Record<string, unknown> | undefined;
  if (typeof f !== "object" || f === null) return undefined;
  const id = str(f.id);
  const title = str(f.title);
  const words = count(f.words);
  const comments = count(f.comments);
  const bodyBlocks = count(f.bodyBlocks);
  if (!id || !title || words === undefined || comments === undefined || !bodyBlocks) {
    return undefined;
  }
  const author = str(f.author);
  const source = str(f.source);
  const published = str(f.published);
  return {
    facts: {
      id,
      title,
      ...(author && { author }),
      ...(source && { source }),
      ...(published && { published }),
      words,
      comments,
      bodyBlocks,
    },
  };
}

export class FactsCache {
  private readonly entries = new Map<string, Entry>();
  private changed = false;

  constructor(private readonly file: string | undefined = cacheFile()) {
    if (file === undefined) return;
    try {
      const read = readStateFile(file, MAX_BYTES);
      if (read.kind !== "text") return;
      const data = JSON.parse(read.text) as { version?: unknown; files?: unknown };
      if (data?.version !== VERSION || typeof data.files !== "object" || data.files === null) {
        return;
      }
      for (const [path, value] of Object.entries(data.files as Record<string, unknown>)) {
        if (!Array.isArray(value)) continue;
        const [size, mtime, raw] = value as unknown[];
        const known = readKnown(raw);
        if (typeof size === "number" && typeof mtime === "number" && known) {
          this.entries.set(path, { size, mtime, known });
        }
      }
    } catch {
      // Not ours or damaged: start empty; the next save replaces it.
      this.entries.clear();
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** What is known of the file at `path` if it still has this size and modification time. */
  get(path: string, size: number, mtime: number): Known | undefined {
    const entry = this.entries.get(path);
    return entry && entry.size === size && entry.mtime === mtime ? entry.known : undefined;
  }

  /** What was known of `path` when last seen, whatever its size and time now (to show at once). */
  peek(path: string): Known | undefined {
    return this.entries.get(path)?.known;
  }

  set(path: string, size: number, mtime: number, known: Known): void {
    this.entries.delete(path); // re-inserted last: the map's order is the order of seeing
    this.entries.set(path, { size, mtime, known });
    this.changed = true;
  }

  /** Writes the cache if anything changed (atomically). False if it could not; never throws. */
  save(): boolean {
    if (!this.changed || this.file === undefined) return true;
    try {
      const kept = [...this.entries].slice(-KEEP);
      const files: Record<string, unknown> = {};
      for (const [path, e] of kept) files[path] = [e.size, e.mtime, e.known];
      mkdirSync(dirname(this.file), { recursive: true });
      writeAtomically(this.file, JSON.stringify({ version: VERSION, files }));
      this.changed = false;
      return true;
    } catch {
      return false;
    }
  }
}
