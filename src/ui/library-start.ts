// Opening the list of articles from the command line: read what can be read in the first moments
// (from the facts cache when it knows the files), so that the first frame, painted before Ink has
// loaded, already shows a screenful; the rest is read by the app between frames.

import { LibraryScan } from "../library/scan.js";
import { type LibrarySource, scanSource } from "../library/source.js";
import type { Keymap } from "../state/keymap.js";
import { initialLibrary, type SortKey } from "../state/library.js";
import { FactsCache } from "../storage/library-cache.js";
import { readSort } from "../storage/library-prefs.js";
import type { Anchor } from "../storage/positions.js";
import { paintRows } from "./compose.js";
import { composeLibrary } from "./library-rows.js";
import type { Theme } from "./theme.js";

/** Reading time allowed before the first frame; what is not read by then fills in after it. */
const FIRST_SLICE_MS = 40;

export type OpenedLibrary = {
  source: LibrarySource;
  sort: SortKey | undefined;
  /** The list's first frame at a size, as terminal output (see paintRows). */
  paint(cols: number, rows: number): string;
};

export async function openLibrary(
  files: string[],
  options: { positions: ReadonlyMap<string, Anchor>; keymap?: Keymap; theme: Theme },
): Promise<OpenedLibrary> {
  const scan = new LibraryScan(files, new FactsCache());
  // What the cache knew of every file; a first slice of reading unless it knew them all (then
  // the checking of sizes and times can wait until after the first frame).
  const remembered = scan.remembered();
  const initial =
    remembered.length === files.length
      ? remembered
      : [...remembered, ...(await scan.step(FIRST_SLICE_MS))];
  const sort = readSort();
  return {
    source: scanSource(scan, initial),
    sort,
    paint(cols, rows) {
      const state = initialLibrary(files, cols, rows, {
        positions: options.positions,
        sort,
        ...(options.keymap && { keymap: options.keymap }),
        items: initial,
        scanned: scan.scanned,
      });
      return paintRows(composeLibrary(state, options.theme));
    },
  };
}
