// Measuring text in terminal columns, in time linear in its length whatever its script: wide
// (CJK, emoji) clusters count two, zero-width and combining ones none. V8's Intl.Segmenter slows
// down badly on one long string (80,000 CJK characters: over a minute), so long text is segmented
// in windows cut where no cluster can span the cut; each distinct cluster is measured once.
import stringWidth from "string-width";

/**
 * Text in which every UTF-16 unit is one character one column wide, with no combining or
 * invisible characters: printable ASCII, Latin-1 and Latin Extended (no soft hyphen), Greek,
 * Cyrillic (no combining marks), typographic punctuation (no bidi controls), currency signs,
 * letterlike symbols, arrows, mathematical operators, box drawing and geometric shapes (but the
 * two that are emoji). Its width is its length, without asking string-width, which matters for
 * the seed (curly quotes everywhere), for Lectern's own marks (▸ │ ▌) and for megabytes of text:
 * string-width's first call costs ~15 ms of start-up. Checked against string-width, character by
 * character, by tests/layout/wrap.test.ts.
 */
export const NARROW =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u202f-\u205e\u20a0-\u20c0\u2100-\u214f\u2190-\u22ff\u2400-\u2426\u2500-\u25fc\u25ff]*$/;

/**
 * Text of characters that are each a grapheme of their own, one column (as in NARROW) or two
 * (CJK ideographs, kana, Hangul syllables, CJK punctuation, fullwidth forms): measured and broken
 * code unit by code unit, without the segmenter. Checked against string-width by the tests.
 */
export const SIMPLE =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u202f-\u205e\u20a0-\u20c0\u2100-\u214f\u2190-\u22ff\u2400-\u2426\u2500-\u25fc\u25ff\u3000-\u3029\u3030-\u303e\u3041-\u3096\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff60]*$/;

/** Columns of one code unit of SIMPLE text. */
export function simpleWidth(code: number): number {
  return code >= 0x3000 && !(code >= 0xff61) ? 2 : 1;
}

let segmenter: Intl.Segmenter | undefined;

/** Segment windows: long enough to be cheap per call, short enough to stay linear. */
const WINDOW = 512;

/**
 * A character before which no grapheme cluster continues: not a combining mark, joiner,
 * variation selector, emoji modifier, low surrogate, Hangul jamo continuation or tag, and not
 * right after a joiner or a regional indicator.
 */
export function safeCut(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const p = text.charCodeAt(i - 1);
  if (p === 0x200d || (p >= 0xd800 && p <= 0xdbff)) return false;
  if (p === 0xdd && i >= 2 && text.charCodeAt(i - 2) === 0xd83c) return false;
  if (c >= 0xd800 && c <= 0xdbff) {
    // The start of an astral character (an emoji): a cluster starts here unless it is a skin
    // tone modifier, a tag or a regional indicator (which pair up).
    const cp = text.codePointAt(i) as number;
    return !(
      (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
      (cp >= 0xe0000 && cp <= 0xe007f) ||
      (cp >= 0x1f1e6 && cp <= 0x1f1ff)
    );
  }
  return (
    (c >= 0x20 && c < 0x300) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0x2400 && c <= 0x2426) ||
    (c >= 0xff01 && c <= 0xff60)
  );
}

/** The grapheme clusters of a string, in order, in linear time. */
export function* graphemes(text: string): Generator<string> {
  segmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  if (text.length <= WINDOW) {
    for (const { segment } of segmenter.segment(text)) yield segment;
    return;
  }
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + WINDOW);
    // Move the cut forward to a safe place (at most a window further; then cut anyway).
    const limit = Math.min(text.length, end + WINDOW);
    while (end < limit && !safeCut(text, end)) end++;
    for (const { segment } of segmenter.segment(text.slice(start, end))) yield segment;
    start = end;
  }
}

const widths = new Map<string, number>();

/**
 * Widths the terminal itself reported for clusters terminals disagree about (emoji sequences,
 * flags, East Asian ambiguous characters: see terminal/measure-widths.ts). When any is set, the
 * fast paths step aside for text holding one of them.
 */
const measured = new Map<string, number>();
let measuredChars: RegExp | undefined;

export function setMeasuredWidths(found: ReadonlyMap<string, number>): void {
  measured.clear();
  for (const [cluster, w] of found) measured.set(cluster, w);
  const singles = [...found.keys()].filter(
    (c) => c.length === 1 && (NARROW.test(c) || SIMPLE.test(c)),
  );
  const escaped = singles
    .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .join("");
  measuredChars = escaped === "" ? undefined : new RegExp(`[${escaped}]`);
}

/** Narrow text, by the fast path, unless it holds a character the terminal measured otherwise. */
export function isNarrow(text: string): boolean {
  return NARROW.test(text) && !measuredChars?.test(text);
}

/** Whether text holds none of the characters the terminal measured. */
export function measuredFree(text: string): boolean {
  return !measuredChars?.test(text);
}

function isSimple(text: string): boolean {
  return SIMPLE.test(text) && !measuredChars?.test(text);
}

/** Columns of one grapheme cluster (each distinct cluster measured once). */
export function clusterWidth(cluster: string): number {
  if (measured.size > 0) {
    const m = measured.get(cluster);
    if (m !== undefined) return m;
  }
  if (cluster.length === 1 && NARROW.test(cluster)) return 1;
  let w = widths.get(cluster);
  if (w === undefined) {
    w = stringWidth(cluster);
    if (widths.size > 50_000) widths.clear();
    widths.set(cluster, w);
  }
  return w;
}

/** Display width of a string in terminal columns. */
export function textWidth(text: string): number {
  if (isNarrow(text)) return text.length;
  if (isSimple(text)) {
    let w = 0;
    for (let i = 0; i < text.length; i++) w += simpleWidth(text.charCodeAt(i));
    return w;
  }
  if (text.length <= WINDOW && measured.size === 0) return stringWidth(text);
  let w = 0;
  for (const g of graphemes(text)) w += clusterWidth(g);
  return w;
}

/**
 * The width of `text`, or any number above `limit` once it is known to be wider: a word that
 * cannot fit is not measured to its end (a 500,000-emoji word costs nothing to reject).
 */
export function widthUpTo(text: string, limit: number): number {
  if (isNarrow(text)) return text.length;
  if (text.length <= WINDOW && measured.size === 0) return stringWidth(text);
  let w = 0;
  if (isSimple(text)) {
    for (let i = 0; i < text.length && w <= limit; i++) w += simpleWidth(text.charCodeAt(i));
    return w;
  }
  for (const g of graphemes(text)) {
    w += clusterWidth(g);
    if (w > limit) break;
  }
  return w;
}
