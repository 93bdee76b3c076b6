// Keeps V8's heap from outgrowing what the reader uses. Ink draws every frame anew, so scrolling
// makes short-lived garbage, and V8's default heap growth let a reader of a 10 MB article reach
// ~260 MB resident after a few hundred keys. Growing the old generation by 20% at a time instead
// keeps it near 150 MB at no measurable cost in key latency; --optimize-for-size did as well for
// memory but made every key ~15% slower (npm run bench, and a latency probe).
// node:v8 costs a few milliseconds to load, so cli.tsx calls this before loading only when an
// article is large (its load is where the heap grows most), and otherwise after the first frame.

/** Files at least this large are loaded under the limit. */
export const LARGE_FILE_BYTES = 1024 * 1024;

let limited = false;

export async function limitHeapGrowth(): Promise<void> {
  if (limited) return;
  limited = true;
  const { setFlagsFromString } = await import("node:v8");
  setFlagsFromString("--heap-growing-percent=20");
}
