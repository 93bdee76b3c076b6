// Shared by the tests: keys as a terminal sends them, and a fast exact width for long rows.
import stringWidth from "string-width";

/** Keys as a terminal sends them. */
export const KEY = {
  down: "\x1b[B",
  up: "\x1b[A",
  right: "\x1b[C",
  left: "\x1b[D",
  pageDown: "\x1b[6~",
  pageUp: "\x1b[5~",
  home: "\x1b[H",
  end: "\x1b[F",
  tab: "\t",
  enter: "\r",
  escape: "\x1b",
  ctrlC: "\x03",
} as const;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Between two printable ASCII characters there is always a grapheme boundary.
const ASCII_PAIR = /(?<=[\x20-\x7e])(?=[\x20-\x7e])/;

/**
 * stringWidth, but fast on long rows of mostly spaces and ASCII: cut only where a grapheme
 * boundary is certain and measure the non-ASCII pieces with string-width (same result).
 */
export function columns(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let total = 0;
  for (const piece of text.split(ASCII_PAIR)) {
    total += piece.length === 1 && PRINTABLE_ASCII.test(piece) ? 1 : stringWidth(piece);
  }
  return total;
}
