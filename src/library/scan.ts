// The library's files: paths given on the command line (files, folders, folders inside folders)
// → the article files in them, then read a few at a time into facts (facts.ts), from the facts
// cache when a file's size and modification time are unchanged. A symbolic link to a folder seen
// before (a loop) is skipped and reported; files that are not *.json are left out, as are hidden
// ones; nothing here throws or waits on anything but the disk.
import { type Dirent, readdirSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { finishImports, type Loaded, loadArticleFile } from "../content/load.js";
import { sanitizeLine } from "../content/sanitize.js";
import type { FactsCache, Known, Place } from "../storage/library-cache.js";
import { type Facts, factsOf } from "./facts.js";

/** Folders deeper than this below a given path are not entered. */
const MAX_DEPTH = 32;

export type Found = {
  /** Article files, as they are named to the user (the given path joined with the names). */
  files: string[];
  /** One line per problem: a path that does not exist, a folder that cannot be read, a loop. */
  problems: string[];
};

/** *.json but not *.schema.json (in any case); hidden files are left out before this. */
const isArticleName = (name: string) => /\.json$/i.test(name) && !/\.schema\.json$/i.test(name);

function errorText(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ELOOP") return "too many levels of symbolic links";
  return `could not be read (${typeof code === "string" ? code : "error"})`;
}

/** Every article file under `paths`, each folder's files sorted by name, folders in turn. */
export function findArticles(paths: string[]): Found {
  const files: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, depth: number) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (error) {
      problems.push(`${sanitizeLine(dir)}: ${errorText(error)}`);
      return;
    }
    if (seen.has(real)) {
      problems.push(`${sanitizeLine(dir)}: a folder already listed (a loop of links?); skipped`);
      return;
    }
    seen.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push(`${sanitizeLine(dir)}: ${errorText(error)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // join(dir, name) for every name took most of a 10,000-file folder's time: the folder is
    // joined once and the names appended (a name holds no separator).
    const prefix = join(dir, "_").slice(0, -1);
    const folders: string[] = [];
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith(".")) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stat = statSync(prefix + name);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isFile && isArticleName(name)) files.push(prefix + name);
      else if (isDir) folders.push(prefix + name);
    }
    if (depth < MAX_DEPTH) for (const folder of folders) walk(folder, depth + 1);
  };
  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) walk(path, 0);
      else files.push(path); // a file named on the command line is read whatever its name
    } catch (error) {
      problems.push(`${sanitizeLine(path)}: ${errorText(error)}`);
    }
  }
  return { files, problems };
}

/** One file read: its index in the list of files, and its facts or its errors. */
export type Scanned = { index: number; facts?: Facts; errors?: string[] };

/** The facts (or errors) of a loaded file, in the cache's form (errors without the name). */
function knownOf(loaded: Loaded, name: string): Known {
  if (loaded.ok) return factsOf(loaded.article);
  return { errors: loaded.errors.map((e) => (e.startsWith(name) ? e.slice(name.length) : e)) };
}

function scannedOf(index: number, known: Known, file: string): Scanned {
  if (!("errors" in known)) return { index, facts: known };
  const name = sanitizeLine(file);
  return { index, errors: known.errors.map((e) => `${name}${e}`) };
}

/**
 * Reads the files' facts a few at a time (the shell calls step between frames). With a cache,
 * `remembered` gives what it knew of every file before anything is checked, so that a second
 * open shows the whole list at once (checking 10,000 files' size and time took 100+ ms); the
 * steps then report only the files that changed since.
 */
export class LibraryScan {
  private next = 0;
  /** What remembered() showed of each file. */
  private readonly shown: (Known | undefined)[] = [];
  constructor(
    readonly files: readonly string[],
    private readonly cache?: FactsCache,
  ) {}

  /** The cache's facts of every file it knows, unchecked. */
  remembered(): Scanned[] {
    return this.recalled(true);
  }

  /** What the cache knows of every file now (once read: what a next open would remember). */
  known(): Scanned[] {
    return this.recalled(false);
  }

  private recalled(show: boolean): Scanned[] {
    const out: Scanned[] = [];
    const cache = this.cache;
    if (!cache) return out;
    const recalled = cache.recall(this.files);
    for (let index = 0; index < recalled.length; index++) {
      const known = recalled[index];
      if (!known) continue;
      if (show) this.shown[index] = known;
      out.push(scannedOf(index, known, this.files[index] as string));
    }
    return out;
  }

  get done(): boolean {
    return this.next >= this.files.length;
  }

  get scanned(): number {
    return this.next;
  }

  /** The next file's facts, from the cache or by loading it. */
  private async one(index: number): Promise<Scanned | undefined> {
    const file = this.files[index] as string;
    let key: Place | undefined;
    let size = 0;
    let mtime = 0;
    try {
      const stat = statSync(file);
      key = this.cache?.place(file);
      size = stat.size;
      mtime = Math.round(stat.mtimeMs); // whole milliseconds (a time set through utimes comes back as …999)
      const known = key && this.cache?.get(key, size, mtime);
      if (known) return known === this.shown[index] ? undefined : scannedOf(index, known, file);
    } catch {
      // loadArticleFile says what is wrong with it.
    }
    let loaded = loadArticleFile(file);
    if (!loaded.ok && loaded.foreign !== undefined) {
      loaded = (await finishImports([loaded]))[0] ?? loaded;
    }
    const known = knownOf(loaded, sanitizeLine(file));
    if (key !== undefined) this.cache?.set(key, size, mtime, known);
    return scannedOf(index, known, file);
  }

  /**
   * Reads files until `budgetMs` has passed (at least one); returns what was read, leaving out
   * files that are as `remembered` showed them (`scanned` says how far it got).
   */
  async step(budgetMs: number): Promise<Scanned[]> {
    const out: Scanned[] = [];
    const until = performance.now() + budgetMs;
    while (!this.done) {
      const item = await this.one(this.next++);
      if (item) out.push(item);
      if (performance.now() >= until) break;
    }
    return out;
  }

  /** Writes what was learnt to the cache (at the end, or when the program closes). */
  save(): void {
    this.cache?.save();
  }
}
