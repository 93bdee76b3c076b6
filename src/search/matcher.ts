// Finding a query in a text: literal, case-insensitive unless the query holds a capital letter
// (smart case), and offsets always in the original text, even where lower-casing changes a
// string's length ("İ" becomes two characters): matches land on the characters a reader sees.

export type Finder = {
  readonly query: string;
  /** Whether case matters (the query holds a capital letter). */
  readonly exact: boolean;
  /** What is looked for: the query itself when exact, else its folded form (see foldText). */
  readonly needle: string;
  /** [start, end) offsets of every match in `text`, not overlapping, in order. */
  find(text: string): number[];
};

/**
 * One character folded for matching: lower case, but a dotted capital I (İ) folds to plain "i"
 * (its lower case is "i" plus a combining dot, which no one types), so "istanbul" finds "İstanbul".
 */
function foldChar(ch: string): string {
  return ch === "\u0130" ? "i" : ch.toLowerCase();
}

/** Folded text with, where lengths differ, the original offset of each folded unit. */
function fold(text: string): { lower: string; map?: Int32Array } {
  const lower = text.toLowerCase();
  if (lower.length === text.length && !text.includes("\u0130")) return { lower };
  // Rare: a character folds to a different length. Fold code point by code point, mapping.
  const map: number[] = [];
  let out = "";
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldChar(String.fromCodePoint(cp));
    for (let k = 0; k < folded.length; k++) map.push(i);
    out += folded;
    i += width;
  }
  map.push(text.length);
  return { lower: out, map: Int32Array.from(map) };
}

/** A text folded the way a query that ignores case is matched against it. */
export function foldText(text: string): string {
  return fold(text).lower;
}

/**
 * How many matches of `needle` there are in `text`, counted as `find` finds them (left to right,
 * not overlapping), without making anything.
 */
export function occurrences(text: string, needle: string): number {
  if (needle === "") return 0;
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

export function createFinder(query: string): Finder {
  const exact = query !== query.toLowerCase();
  const needle = exact ? query : fold(query).lower;
  return {
    query,
    exact,
    needle,
    find(text: string): number[] {
      if (needle === "" || text.length === 0) return [];
      const out: number[] = [];
      if (exact) {
        for (
          let at = text.indexOf(needle);
          at >= 0;
          at = text.indexOf(needle, at + needle.length)
        ) {
          out.push(at, at + needle.length);
        }
        return out;
      }
      const { lower, map } = fold(text);
      for (
        let at = lower.indexOf(needle);
        at >= 0;
        at = lower.indexOf(needle, at + needle.length)
      ) {
        const end = at + needle.length;
        if (!map) out.push(at, end);
        else {
          const start = map[at] as number;
          // The end is the first original offset past the last matched unit.
          let stop = map[end] as number;
          if (stop <= start) stop = start + 1;
          out.push(start, stop);
        }
      }
      return out;
    },
  };
}
