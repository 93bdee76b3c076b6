// The list's first screen, remembered beside the facts cache: the first entries of the order a
// list opens in (what it shows before any key, up to FIRST_ROWS), the files that could not be
// read (for the count on the title line), and what that order depends on: the files listed, the
// order chosen and the reading positions, as they were when the list was opened. A next open of
// the same files with the same choice and positions draws its first frame from these entries
// alone, without the facts of every file (parsing and sorting 10,000 of them took ~150 ms); the
// whole list is made right after, from the facts cache, as without it. Only a hint: anything that
// does not match or cannot be read means the list is made first. Its strings are sanitised again
// when read.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import envPaths from "env-paths";
import type { LibraryState } from "../state/library.js";
import { checkKnown } from "../storage/library-cache.js";
import type { SortChoice } from "../storage/library-prefs.js";
import type { Anchor } from "../storage/positions.js";
import { readStateFile, writeAtomically } from "../storage/state-file.js";
import type { Scanned } from "./scan.js";

/** Entries remembered: enough for a terminal this many rows high. */
export const FIRST_ROWS = 200;
const MAX_BYTES = 4 * 1024 * 1024;
const VERSION = 1;

export function firstScreenFile(): string {
  return join(envPaths("lectern").cache, "library-first.json");
}

/** Two 32-bit FNV-1a hashes of `text` (from different offsets), as 16 hex digits. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/** What the first screen depends on besides the facts: the files, the order chosen, positions. */
export function firstScreenKey(
  files: readonly string[],
  sort: SortChoice | undefined,
  positions: ReadonlyMap<string, Anchor>,
): string {
  const read = JSON.stringify([...positions]);
  return `${files.length} ${hash(files.join("\n"))} ${sort ?? "-"} ${hash(read)}`;
}

/** The first entries in order (`order`), with what is known of them and of the broken files. */
export type FirstScreen = { order: number[]; items: Scanned[] };

/** The first screen remembered for `key` (a list of `count` files), if it is that one. */
export function readFirstScreen(
  key: string,
  count: number,
  file: string = firstScreenFile(),
): FirstScreen | undefined {
  const read = readStateFile(file, MAX_BYTES);
  if (read.kind !== "text") return undefined;
  try {
    const data = JSON.parse(read.text) as Record<string, unknown> | null;
    if (data?.version !== VERSION || data.key !== key) return undefined;
    if (!Array.isArray(data.top) || !Array.isArray(data.broken)) return undefined;
    const index = (v: unknown): v is number =>
      Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) < count;
    const order: number[] = [];
    const items: Scanned[] = [];
    for (const row of data.top as unknown[]) {
      if (!Array.isArray(row) || !index(row[0])) return undefined;
      const at = row[0] as number;
      order.push(at);
      if (row.length === 1) continue; // not read yet
      const known = checkKnown(row[1]);
      if (!known) return undefined;
      items.push(
        "errors" in known ? { index: at, errors: known.errors } : { index: at, facts: known },
      );
    }
    for (const at of data.broken as unknown[]) {
      if (!index(at)) return undefined;
      items.push({ index: at, errors: [] });
    }
    return { order, items };
  } catch {
    return undefined;
  }
}

/** Remembers the first screen of `state` (as opened, before any key) for `key`. Never throws. */
export function saveFirstScreen(
  key: string,
  state: LibraryState,
  file: string = firstScreenFile(),
): boolean {
  try {
    const first = state.order.slice(0, FIRST_ROWS);
    const top = first.map((i) => {
      const e = state.entries[i];
      return e?.facts ? [i, e.facts] : e?.errors ? [i, { errors: e.errors }] : [i];
    });
    const shown = new Set(first);
    const broken: number[] = [];
    state.entries.forEach((e, i) => {
      if (e.errors && !shown.has(i)) broken.push(i);
    });
    mkdirSync(dirname(file), { recursive: true });
    writeAtomically(file, JSON.stringify({ version: VERSION, key, top, broken }));
    return true;
  } catch {
    return false;
  }
}
