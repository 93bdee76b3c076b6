// The facts cache: what the list knows about each article file (title, author, words…, or why it
// could not be read), kept in the user's cache folder (env-paths: $XDG_CACHE_HOME/lectern-nodejs
// on Linux) and keyed by the file's folder (full path), name, size and modification time, so that
// a second open of a large folder reads no article. It is only a cache: a missing, damaged or
// foreign file counts as empty (and is replaced on the next save), and its strings are sanitised
// again when read.
//
// The file is made to be cheap to read: a first line naming the format, then two lines per
// folder, [the folder's path, how many files] and its files as columns (see Columns below), which
// parse into a few arrays instead of an object per file. Only the folders asked for are parsed,
// once each; the others are written back as they were read.
import { mkdirSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import envPaths from "env-paths";
import { sanitizeLine } from "../content/sanitize.js";
import type { Facts } from "../library/facts.js";
import { readStateFile, writeAtomically } from "./state-file.js";

/** What a file was found to be: an article's facts, or its error lines without the file's name. */
export type Known = Facts | { errors: string[] };

/** The first line of the file; another (an older format, anything else) means an empty cache. */
const HEADER = "lectern facts cache 2";
/** Files remembered (the most recently used folders'): some 130 bytes each. */
const KEEP = 50_000;
const MAX_BYTES = 16 * 1024 * 1024;

export function cacheFile(): string {
  return join(envPaths("lectern").cache, "library.json");
}

/**
 * A folder's files on disk, one array per field, file i at index i of each. An article has its
 * facts ("" for an author, source or date it has not) and 0 in `errors`; a file that could not
 * be read has its error lines in `errors` (and "", 0 in the facts' columns).
 */
type Columns = {
  names: string[];
  sizes: number[];
  mtimes: number[];
  ids: string[];
  titles: string[];
  authors: string[];
  sources: string[];
  published: string[];
  words: number[];
  comments: number[];
  blocks: number[];
  errors: (0 | string[])[];
};

const FIELDS = [
  "names",
  "sizes",
  "mtimes",
  "ids",
  "titles",
  "authors",
  "sources",
  "published",
  "words",
  "comments",
  "blocks",
  "errors",
] as const;

const str = (v: unknown): string | undefined =>
  typeof v === "string" && v.length > 0 ? sanitizeLine(v) : undefined;
const count = (v: unknown): number | undefined =>
  typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? v : undefined;

/** File i of columns as written by save(), checked field by field; anything else is undefined. */
function knownAt(c: Columns, i: number): Known | undefined {
  const errors = c.errors[i];
  if (Array.isArray(errors)) {
    const lines = errors.filter((e): e is string => typeof e === "string").map(sanitizeLine);
    return lines.length > 0 ? { errors: lines } : undefined;
  }
  const id = str(c.ids[i]);
  const title = str(c.titles[i]);
  const words = count(c.words[i]);
  const comments = count(c.comments[i]);
  const bodyBlocks = count(c.blocks[i]);
  if (!id || !title || words === undefined || comments === undefined || !bodyBlocks) {
    return undefined;
  }
  const facts: Facts = { id, title, words, comments, bodyBlocks };
  const author = str(c.authors[i]);
  if (author) facts.author = author;
  const source = str(c.sources[i]);
  if (source) facts.source = source;
  const published = str(c.published[i]);
  if (published) facts.published = published;
  return facts;
}

/** What is known of a file as JSON (facts, or {errors}), checked and sanitised; else undefined. */
export function checkKnown(value: unknown): Known | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const errors = Array.isArray(v.errors) ? (v.errors as string[]) : 0;
  const one: Columns = {
    names: [""],
    sizes: [0],
    mtimes: [0],
    ids: [v.id as string],
    titles: [v.title as string],
    authors: [v.author as string],
    sources: [v.source as string],
    published: [v.published as string],
    words: [v.words as number],
    comments: [v.comments as number],
    blocks: [v.bodyBlocks as number],
    errors: [errors],
  };
  return knownAt(one, 0);
}

/**
 * A folder's files: their names (→ index), sizes, times and what is known of them. Read from a
 * line, the columns are kept as parsed and what is known of a file is made on first use.
 */
class FolderFiles {
  readonly index = new Map<string, number>();
  names: unknown[] = [];
  sizes: unknown[] = [];
  mtimes: unknown[] = [];
  /** What is known of each file: undefined until worked out, null if its columns are bad. */
  private readonly known: (Known | null | undefined)[] = [];
  private read?: Columns;

  constructor(line?: string) {
    if (line === undefined) return;
    let c: Columns;
    try {
      c = JSON.parse(line) as Columns;
    } catch {
      return; // a damaged folder: its files are read again
    }
    if (typeof c !== "object" || c === null || !Array.isArray(c.names)) return;
    const n = c.names.length;
    if (FIELDS.some((f) => !Array.isArray(c[f]) || c[f].length !== n)) return;
    this.read = c;
    this.names = c.names;
    this.sizes = c.sizes;
    this.mtimes = c.mtimes;
    this.known.length = n;
    for (let i = 0; i < n; i++) {
      const name = c.names[i];
      if (typeof name === "string") this.index.set(name, i);
    }
  }

  get size(): number {
    return this.names.length;
  }

  /** What is known of file `i`, made from the columns read on first use (then kept). */
  knownAt(i: number): Known | undefined {
    let known = this.known[i];
    if (known === undefined) {
      known = (this.read && knownAt(this.read, i)) ?? null;
      this.known[i] = known;
    }
    return known ?? undefined;
  }

  set(name: string, size: number, mtime: number, known: Known): void {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.index.set(name, i);
      this.names.push(name);
    }
    this.sizes[i] = size;
    this.mtimes[i] = mtime;
    this.known[i] = known;
  }

  /** The columns to write: every file whose facts or errors are known (or still readable). */
  columns(): Columns {
    const c: Columns = {
      names: [],
      sizes: [],
      mtimes: [],
      ids: [],
      titles: [],
      authors: [],
      sources: [],
      published: [],
      words: [],
      comments: [],
      blocks: [],
      errors: [],
    };
    for (let i = 0; i < this.names.length; i++) {
      const known = this.knownAt(i);
      const [name, size, mtime] = [this.names[i], this.sizes[i], this.mtimes[i]];
      if (!known || typeof name !== "string" || this.index.get(name) !== i) continue;
      if (typeof size !== "number" || typeof mtime !== "number") continue;
      c.names.push(name);
      c.sizes.push(size);
      c.mtimes.push(mtime);
      const f = "errors" in known ? undefined : known;
      c.ids.push(f?.id ?? "");
      c.titles.push(f?.title ?? "");
      c.authors.push(f?.author ?? "");
      c.sources.push(f?.source ?? "");
      c.published.push(f?.published ?? "");
      c.words.push(f?.words ?? 0);
      c.comments.push(f?.comments ?? 0);
      c.blocks.push(f?.bodyBlocks ?? 0);
      c.errors.push("errors" in known ? known.errors : 0);
    }
    return c;
  }
}

/**
 * A folder as read (`line`, `count` files), parsed on first use (`files`); `changed` once a file
 * was set (its line is then written anew).
 */
type Folder = { line?: string; count: number; files?: FolderFiles; changed: boolean };

/** Where a file is kept: its folder's full path and its name. */
export type Place = { folder: string; name: string };

export class FactsCache {
  /** In the order last used: the least recently used folders are dropped first (KEEP). */
  private readonly loaded = new Map<string, Folder>();
  private read = false;
  private readonly resolved = new Map<string, string>();
  private changed = false;
  /** How many files were set since the cache was made (a change to save). */
  changes = 0;

  /** The file is read on first use (a list drawn from its first screen may not need it soon). */
  constructor(private readonly file: string | undefined = cacheFile()) {}

  private get folders(): Map<string, Folder> {
    if (this.read) return this.loaded;
    this.read = true;
    if (this.file === undefined) return this.loaded;
    try {
      const read = readStateFile(this.file, MAX_BYTES);
      if (read.kind !== "text") return this.loaded;
      const lines = read.text.split("\n");
      if (lines[0] !== HEADER) return this.loaded;
      for (let i = 1; i + 1 < lines.length; i += 2) {
        const head = JSON.parse(lines[i] as string) as unknown;
        if (!Array.isArray(head)) continue;
        const [path, n] = head as unknown[];
        if (typeof path === "string" && path !== "" && typeof n === "number") {
          this.loaded.set(path, { line: lines[i + 1] as string, count: n, changed: false });
        }
      }
    } catch {
      // Not ours or damaged: start empty; the next save replaces it.
      this.loaded.clear();
    }
    return this.loaded;
  }

  /** Where `file` (as named to the user) is kept: its folder resolved to a full path (once). */
  place(file: string): Place {
    const cut = file.lastIndexOf(sep);
    // A file inside a named folder ("dir/a.json"): split by hand (10,000 dirname() and
    // basename() calls took ~10 ms); anything else ("a.json", "/a.json", "c:a.json") by path.
    const simple = cut > 0 && sep === "/";
    const dir = simple ? file.slice(0, cut) : dirname(file);
    const name = simple ? file.slice(cut + 1) : basename(file);
    let folder = this.resolved.get(dir);
    if (folder === undefined) {
      folder = resolve(dir);
      this.resolved.set(dir, folder);
    }
    return { folder, name };
  }

  /** The files known in `folder`, parsed on first use, which makes it the most recently used. */
  private files(folder: string, create: boolean): FolderFiles | undefined {
    const known = this.folders.get(folder);
    if (known?.files) return known.files;
    if (!known && !create) return undefined;
    const files = new FolderFiles(known?.line);
    this.folders.delete(folder);
    this.folders.set(folder, { ...known, count: files.size, files, changed: false });
    return files;
  }

  /** Files remembered, in every folder (parsing them all: for the tests). */
  get size(): number {
    let n = 0;
    for (const folder of [...this.folders.keys()]) {
      const files = this.files(folder, false);
      for (let i = 0; i < (files?.size ?? 0); i++) if (files?.knownAt(i)) n++;
    }
    return n;
  }

  /** What is known of the file at `place` if it still has this size and modification time. */
  get(place: Place, size: number, mtime: number): Known | undefined {
    const files = this.files(place.folder, false);
    const i = files?.index.get(place.name);
    if (!files || i === undefined) return undefined;
    return files.sizes[i] === size && files.mtimes[i] === mtime ? files.knownAt(i) : undefined;
  }

  /** What was known of the file when last seen, whatever its size and time now (shown at once). */
  peek(place: Place): Known | undefined {
    const files = this.files(place.folder, false);
    const i = files?.index.get(place.name);
    return files && i !== undefined ? files.knownAt(i) : undefined;
  }

  /**
   * What was known of each of `files` (as named to the user) when last seen, whatever their size
   * and time now: peek() for many files, each folder looked up once for a run of its files.
   */
  recall(files: readonly string[]): (Known | undefined)[] {
    const out: (Known | undefined)[] = new Array(files.length);
    let dir: string | undefined;
    let folder: FolderFiles | undefined;
    for (let i = 0; i < files.length; i++) {
      const file = files[i] as string;
      const cut = file.lastIndexOf(sep);
      if (cut <= 0 || sep !== "/" || file.slice(0, cut) !== dir) {
        const place = this.place(file);
        dir = cut > 0 && sep === "/" ? file.slice(0, cut) : undefined;
        folder = this.files(place.folder, false);
        const at = folder?.index.get(place.name);
        out[i] = at === undefined ? undefined : folder?.knownAt(at);
        continue;
      }
      const at = folder?.index.get(file.slice(cut + 1));
      out[i] = at === undefined ? undefined : folder?.knownAt(at);
    }
    return out;
  }

  set(place: Place, size: number, mtime: number, known: Known): void {
    const files = this.files(place.folder, true) as FolderFiles;
    files.set(place.name, size, mtime, known);
    const folder = this.folders.get(place.folder) as Folder;
    folder.changed = true;
    folder.count = files.size;
    this.changed = true;
    this.changes++;
  }

  /** Writes the cache if anything changed (atomically). False if it could not; never throws. */
  save(): boolean {
    if (!this.changed || this.file === undefined) return true;
    try {
      // The most recently used folders, until KEEP files (the last used is always kept).
      const kept: string[] = [];
      let total = 0;
      for (const [path, folder] of [...this.folders].reverse()) {
        if (kept.length > 0 && total + folder.count > KEEP) break;
        total += folder.count;
        const line =
          folder.changed || folder.line === undefined
            ? JSON.stringify(folder.files?.columns() ?? new FolderFiles().columns())
            : folder.line;
        kept.push(`${JSON.stringify([path, folder.count])}\n${line}`);
      }
      mkdirSync(dirname(this.file), { recursive: true });
      writeAtomically(this.file, `${HEADER}\n${kept.reverse().join("\n")}\n`);
      this.changed = false;
      return true;
    } catch {
      return false;
    }
  }
}
