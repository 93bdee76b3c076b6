// Opening the list of articles from the command line: the first frame, painted before Ink has
// loaded, already shows a screenful. When the same files were listed last time with the same
// order and positions, that screen comes from the first screen remembered then
// (library/first-screen.ts) and the facts of every file are read from the cache after it;
// otherwise from the facts cache, and what it did not know is read for a first slice of time. The
// rest is read by the app between frames.

import { firstScreenKey, readFirstScreen, saveFirstScreen } from "../library/first-screen.js";
import { LibraryScan, type Scanned } from "../library/scan.js";
import { type LibrarySource, scanSource } from "../library/source.js";
import type { Keymap } from "../state/keymap.js";
import { initialLibrary, listRows, type SortKey } from "../state/library.js";
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

/**
 * The positions as the next open will read them: those read at this open (`opened`), with each
 * article read since (a new anchor in `now`, the app's map) moved last, as storage/positions.ts
 * saves them. Were several read, their order may differ from the file's: the next open's first
 * screen then does not match and the list is made the long way.
 */
function leftAt(
  opened: ReadonlyMap<string, Anchor>,
  now: ReadonlyMap<string, Anchor>,
): Map<string, Anchor> {
  const out = new Map<string, Anchor>();
  for (const [id, at] of opened) if (now.get(id) === at) out.set(id, at);
  for (const [id, at] of now) {
    if (opened.get(id) !== at) out.set(id, { block: at.block, fraction: at.fraction });
  }
  return out;
}

export async function openLibrary(
  files: string[],
  options: { positions: ReadonlyMap<string, Anchor>; keymap?: Keymap; theme: Theme },
): Promise<OpenedLibrary> {
  const cache = new FactsCache();
  const scan = new LibraryScan(files, cache);
  const sort = readSort();
  // The first screen depends on the positions as they are now (the app changes the map).
  const positions = new Map(options.positions);
  const key = firstScreenKey(files, sort, positions);
  const first = readFirstScreen(key, files.length);
  // Without it: what the cache knew of every file, and a first slice of reading unless it knew
  // them all (then the checking of sizes and times can wait until after the first frame).
  let initial: Scanned[] | undefined;
  if (!first) {
    const remembered = scan.remembered();
    initial =
      remembered.length === files.length
        ? remembered
        : [...remembered, ...(await scan.step(FIRST_SLICE_MS))];
  }
  const known = () => {
    initial ??= scan.remembered();
    return initial;
  };
  // The first screen is saved with the cache for what the next open will find: the order chosen
  // then and the positions this session leaves; again only when that or the facts changed.
  let saved = first ? key : undefined;
  let changes = 0;
  const save = () => {
    scan.save();
    const sortNow = readSort();
    const positionsNow = leftAt(positions, options.positions);
    const keyNow = firstScreenKey(files, sortNow, positionsNow);
    if (keyNow === saved && cache.changes === changes) return;
    saved = keyNow;
    changes = cache.changes;
    const items = scan.known();
    const state = initialLibrary(files, 80, 24, { positions: positionsNow, sort: sortNow, items });
    saveFirstScreen(keyNow, state);
  };
  return {
    source: scanSource(scan, known, save),
    sort,
    paint(cols, rows) {
      const base = {
        positions: options.positions,
        sort,
        ...(options.keymap && { keymap: options.keymap }),
        scanned: scan.scanned,
      };
      const enough = Math.min(files.length, listRows({ rows }));
      const state =
        first && first.order.length >= enough
          ? initialLibrary(files, cols, rows, { ...base, items: first.items, order: first.order })
          : initialLibrary(files, cols, rows, { ...base, items: known() });
      return paintRows(composeLibrary(state, options.theme));
    },
  };
}
