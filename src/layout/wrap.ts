// Word wrapping by display width: wide (CJK, emoji) characters count as two columns, zero-width
// and combining ones as none. Breaks at spaces; a word longer than the column is broken between
// graphemes, except a web address, which gets a line of its own and is cut, never broken (the
// reader shows the cut with "…"). Lines are ranges of the text (start/end offsets), so styles,
// links and search matches over the text land on the right columns at any width.
import { BARE_URL } from "../rich/href.js";
import {
  clusterWidth,
  graphemes,
  isNarrow,
  measuredFree as isNarrowFree,
  NARROW,
  SIMPLE,
  simpleWidth,
  textWidth,
  widthUpTo,
} from "./measure.js";

export { NARROW, textWidth };

/** One wrapped line: text[start, end), or `text` when it is not a plain slice (a stand-in). */
export type Range = { start: number; end: number; text?: string };

/**
 * Wrap `text` to lines of at most `width` columns, as ranges. "\n" is a hard line break (an empty
 * line is kept). Runs of spaces inside a line are kept; spaces at a break are dropped; leading
 * spaces of a hard line are kept as indentation when the first word fits after them.
 */
export function wrapRanges(text: string, width: number): Range[] {
  const columns = Math.max(1, Math.floor(width));
  const out: Range[] = [];
  let base = 0;
  while (true) {
    const nl = text.indexOf("\n", base);
    const end = nl < 0 ? text.length : nl;
    wrapLine(text, base, end, columns, out);
    if (nl < 0) break;
    base = nl + 1;
  }
  return out;
}

/** Wrap `text` to lines of at most `width` columns (see wrapRanges), as strings. */
export function wrapText(text: string, width: number): string[] {
  return wrapRanges(text, width).map((r) => r.text ?? text.slice(r.start, r.end));
}

function wrapLine(text: string, from: number, to: number, width: number, out: Range[]): void {
  const before = out.length;
  const line = from === 0 && to === text.length ? text : text.slice(from, to);
  const narrow = isNarrow(line);
  if (narrow && line.length <= width) {
    out.push({ start: from, end: to });
    return;
  }
  // Past the column, a word's exact width does not matter: it is broken anyway.
  const measure = narrow ? (s: string) => s.length : (s: string) => widthUpTo(s, width);
  let start = -1; // the line under way: text[start, end), `used` columns
  let end = 0;
  let used = 0;
  let first = true;
  let i = from;
  while (i < to) {
    let j = i;
    while (j < to && text.charCodeAt(j) === 32) j++;
    if (j >= to) break;
    let k = j;
    while (k < to && text.charCodeAt(k) !== 32) k++;
    const spaces = j - i;
    const word = text.slice(j, k);
    const w = measure(word);
    if (start >= 0 && used + spaces + w <= width) {
      end = k;
      used += spaces + w;
    } else {
      if (start >= 0) out.push({ start, end });
      start = -1;
      const indent = first && spaces + w <= width ? spaces : 0;
      if (indent + w <= width) {
        start = j - indent;
        end = k;
        used = indent + w;
      } else if (BARE_URL.test(word)) {
        out.push({ start: j, end: k });
      } else {
        const pieces = breakWord(text, j, k, width, narrow);
        for (let p = 0; p < pieces.length - 1; p++) out.push(pieces[p] as Range);
        const last = pieces[pieces.length - 1] as Range & { width: number };
        if (last.text === undefined) {
          start = last.start;
          end = last.end;
          used = last.width;
        } else out.push({ start: last.start, end: last.end, text: last.text });
      }
    }
    first = false;
    i = k;
  }
  if (start >= 0) out.push({ start, end });
  if (out.length === before) out.push({ start: from, end: from });
}

/**
 * Break text[from, to) into pieces no wider than `width`. A single grapheme wider than the whole
 * column (a wide character in a one-column view) is shown as "?" (the piece gets a `text`).
 */
function breakWord(
  text: string,
  from: number,
  to: number,
  width: number,
  narrow: boolean,
): (Range & { width: number })[] {
  const pieces: (Range & { width: number })[] = [];
  if (narrow) {
    for (let i = from; i < to; i += width) {
      const end = Math.min(to, i + width);
      pieces.push({ start: i, end, width: end - i });
    }
    return pieces;
  }
  if (
    width >= 2 &&
    to - from > 64 &&
    SIMPLE.test(text.slice(from, to)) &&
    isNarrowFree(text.slice(from, to))
  ) {
    // Each code unit a grapheme of one or two columns (CJK): no segmenter needed.
    let start = from;
    let used = 0;
    for (let i = from; i < to; i++) {
      const w = simpleWidth(text.charCodeAt(i));
      if (used + w > width) {
        pieces.push({ start, end: i, width: used });
        start = i;
        used = 0;
      }
      used += w;
    }
    pieces.push({ start, end: to, width: used });
    return pieces;
  }
  let start = from;
  let at = from;
  let used = 0;
  let stand: string | undefined; // the piece's text when it holds a stand-in
  for (const g of graphemes(text.slice(from, to))) {
    let w = clusterWidth(g);
    let shown = g;
    if (w > width) {
      shown = "?";
      w = 1;
    }
    if (used + w > width) {
      pieces.push({ start, end: at, width: used, ...(stand !== undefined && { text: stand }) });
      start = at;
      used = 0;
      stand = undefined;
    }
    if (shown !== g) stand = (stand ?? text.slice(start, at)) + shown;
    else if (stand !== undefined) stand += g;
    at += g.length;
    used += w;
  }
  pieces.push({ start, end: at, width: used, ...(stand !== undefined && { text: stand }) });
  return pieces;
}

/** Cut `text` to at most `width` columns, ending in "…" when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return "";
  if (isNarrow(text)) return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
  let out = "";
  let used = 0;
  let cut = false;
  // Walk at most a little past the column: the rest of a long text is never measured.
  // (Never between the halves of a surrogate pair: zero-width text may reach the cut unmeasured.)
  const high = text.charCodeAt(width * 8 + 63);
  const head = width * 8 + 64 - (high >= 0xd800 && high <= 0xdbff ? 1 : 0);
  for (const g of graphemes(text.length > head ? text.slice(0, head) : text)) {
    const w = clusterWidth(g);
    if (used + w > width) {
      cut = true;
      break;
    }
    out += g;
    used += w;
  }
  if (!cut && text.length > head) cut = true;
  if (!cut) return text;
  // Make room for the ellipsis.
  let shown = "";
  let shownWidth = 0;
  for (const g of graphemes(out)) {
    const w = clusterWidth(g);
    if (shownWidth + w > width - 1) break;
    shown += g;
    shownWidth += w;
  }
  return `${shown}…`;
}

/** `text` cut or padded with spaces to exactly `width` columns. */
export function padTo(text: string, width: number): string {
  if (width <= 0) return "";
  const cut = truncate(text, width);
  const w = textWidth(cut);
  return w < width ? cut + " ".repeat(width - w) : cut;
}
