// Keeps V8's heap from outgrowing what the reader uses. Ink draws every frame anew, so scrolling
// makes short-lived garbage, and V8's default heap growth let a reader of a 10 MB article reach
// ~260 MB resident after a few hundred keys. Growing the old generation by 20% at a time instead
// keeps it near 150 MB at no measurable cost in key latency; --optimize-for-size did as well for
// memory but made every key ~15% slower (npm run bench, and a latency probe).
// node:v8 costs a few milliseconds to load, so cli.tsx calls this before loading only when an
// article is large (its load is where the heap grows most), and otherwise after the first frame.
// It is required, not imported: an await before loading would let the reader's code (Ink,
// already being read) run first and delay the first frame.
import { createRequire } from "node:module";

/** Files at least this large are loaded under the limit. */
export const LARGE_FILE_BYTES = 1024 * 1024;

let limited = false;

export function limitHeapGrowth(): void {
  if (limited) return;
  limited = true;
  const v8 = createRequire(import.meta.url)("node:v8") as typeof import("node:v8");
  v8.setFlagsFromString("--heap-growing-percent=20");
}
