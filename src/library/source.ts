// Where the list's files come from, for the shell (ui/App.tsx): files read a few at a time
// (scan.ts, the command line's folders) or articles already loaded (one file, stdin, the tests).
// `load` gives the whole article when it is opened, its rich-text parsers loaded.
import { finishImports, type Loaded, loadArticleFile } from "../content/load.js";
import { prepareFormats } from "../rich/parse.js";
import { factsOf } from "./facts.js";
import type { LibraryScan, Scanned } from "./scan.js";

export type LibrarySource = {
  readonly files: readonly string[];
  /** Files known when the list is made (from the cache, or read already), how many checked. */
  readonly initial: readonly Scanned[];
  readonly scanned: number;
  readonly done: boolean;
  /** Reads more files, for about `budgetMs`; what was read. */
  step(budgetMs: number): Promise<Scanned[]>;
  /** The whole article of file `index`, ready to lay out (or why it cannot be read). */
  load(index: number): Promise<Loaded>;
  /** Keeps what was learnt (the facts cache); called when reading ends and at exit. */
  save(): void;
};

async function ready(loaded: Loaded): Promise<Loaded> {
  const [done] = await finishImports([loaded]);
  const entry = done ?? loaded;
  if (entry.ok) await prepareFormats(entry.article);
  return entry;
}

/**
 * Files read as the list is shown: `initial` gives those known before it was first made (asked
 * once, when the list is made), `save` keeps what was learnt (the scan's cache by default).
 */
export function scanSource(
  scan: LibraryScan,
  initial: () => readonly Scanned[] = () => [],
  save: () => void = () => scan.save(),
): LibrarySource {
  let made: readonly Scanned[] | undefined;
  return {
    files: scan.files,
    get initial() {
      made ??= initial();
      return made;
    },
    get scanned() {
      return scan.scanned;
    },
    get done() {
      return scan.done;
    },
    step: (budgetMs) => scan.step(budgetMs),
    load: (index) => ready(loadArticleFile(scan.files[index] as string)),
    save,
  };
}

/** Articles loaded already: all of them are read from the start. */
export function loadedSource(entries: readonly Loaded[]): LibrarySource {
  return {
    files: entries.map((e) => e.file),
    initial: entries.map((e, index) =>
      e.ok ? { index, facts: factsOf(e.article) } : { index, errors: e.errors },
    ),
    scanned: entries.length,
    done: true,
    step: async () => [],
    load: (index) => ready(entries[index] as Loaded),
    save: () => {},
  };
}
