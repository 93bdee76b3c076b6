// Word wrapping by display width: wide (CJK, emoji) characters count as two columns, zero-width
// and combining ones as none. Breaks at spaces; a word longer than the column is broken between
// graphemes, so no line is ever wider than the column.
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
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u202f-\u205e\u20a0-\u20c0\u2100-\u214f\u2190-\u22ff\u2500-\u25fc\u25ff]*$/;

let segmenter: Intl.Segmenter | undefined;
/** Grapheme clusters of a string (the segmenter is made on first use: it costs at start-up). */
function graphemesOf(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  return segmenter.segment(text);
}

/** Display width of a string in terminal columns. */
export function textWidth(text: string): number {
  return NARROW.test(text) ? text.length : stringWidth(text);
}

/**
 * Break a word wider than `width` into pieces no wider than `width`. A single grapheme wider
 * than the whole column (a wide character in a one-column view) is shown as "?".
 */
function breakWord(word: string, width: number, narrow: boolean): string[] {
  const pieces: string[] = [];
  if (narrow) {
    for (let i = 0; i < word.length; i += width) pieces.push(word.slice(i, i + width));
    return pieces;
  }
  let piece = "";
  let pieceWidth = 0;
  for (const { segment } of graphemesOf(word)) {
    let g = segment;
    let w = stringWidth(g);
    if (w > width) {
      g = "?";
      w = 1;
    }
    if (pieceWidth + w > width) {
      pieces.push(piece);
      piece = "";
      pieceWidth = 0;
    }
    piece += g;
    pieceWidth += w;
  }
  if (piece !== "" || pieces.length === 0) pieces.push(piece);
  return pieces;
}

/**
 * Wrap `text` to lines of at most `width` columns. "\n" is a hard line break (an empty line is
 * kept). Runs of spaces inside a line are kept; spaces at a break are dropped.
 */
export function wrapText(text: string, width: number): string[] {
  const columns = Math.max(1, Math.floor(width));
  const out: string[] = [];
  for (const hardLine of text.split("\n")) wrapLine(hardLine, columns, out);
  return out;
}

function wrapLine(text: string, width: number, out: string[]): void {
  const narrow = NARROW.test(text);
  if (narrow && text.length <= width) {
    out.push(text);
    return;
  }
  const measure = narrow ? (s: string) => s.length : stringWidth;
  const words = text.split(" ");
  // A line is kept as a slice of `text` (start…end), not built by concatenation: a slice shares
  // the paragraph's characters, where a concatenated line is a tree of small strings (about
  // 300 bytes a line, 50 MB for a 10 MB article). Only a line that begins with the stand-in "?"
  // of a character too wide for the column is a string of its own (`line`).
  let start = 0;
  let end = 0;
  let line: string | undefined;
  let placed = false; // a line is under way
  let lineWidth = 0;
  let first = true; // nothing has been placed yet: leading spaces are indentation
  let spaces = 0;
  let offset = 0; // where words[i] starts in text
  const current = () => (line === undefined ? text.slice(start, end) : line);
  for (let i = 0; i < words.length; i++) {
    if (i > 0) {
      spaces++;
      offset++;
    }
    const word = words[i] as string;
    if (word === "") continue;
    const w = measure(word);
    if (placed && lineWidth + spaces + w <= width) {
      if (line === undefined) end = offset + word.length;
      else line += " ".repeat(spaces) + word;
      lineWidth += spaces + w;
    } else {
      if (placed) out.push(current());
      const indent = first && spaces + w <= width ? spaces : 0;
      if (indent + w <= width) {
        line = undefined;
        start = offset - indent;
        end = offset + word.length;
        lineWidth = indent + w;
      } else {
        const pieces = breakWord(word, width, narrow);
        for (let k = 0; k < pieces.length - 1; k++) out.push(pieces[k] as string);
        const last = pieces[pieces.length - 1] as string;
        if (word.endsWith(last)) {
          line = undefined;
          start = offset + word.length - last.length;
          end = offset + word.length;
        } else line = last;
        lineWidth = measure(last);
      }
      placed = true;
    }
    first = false;
    spaces = 0;
    offset += word.length;
  }
  if (placed) out.push(current());
  else out.push("");
}

/** Cut `text` to at most `width` columns, ending in "…" when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return "";
  if (textWidth(text) <= width) return text;
  if (NARROW.test(text)) return `${text.slice(0, width - 1)}…`;
  let out = "";
  let used = 0;
  for (const { segment } of graphemesOf(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** `text` cut or padded with spaces to exactly `width` columns. */
export function padTo(text: string, width: number): string {
  if (width <= 0) return "";
  const cut = truncate(text, width);
  const w = textWidth(cut);
  return w < width ? cut + " ".repeat(width - w) : cut;
}
