// The widths Ink lays its text out by. scripts/build.mjs puts these in place of string-width and
// widest-line inside Ink, so that Ink measures a row exactly as Lectern's layout did
// (layout/measure.ts: the fast paths for common scripts, and the widths the terminal itself
// reported): a row the layout made to fit is never cut or wrapped by Ink. It also keeps
// string-width's first call (Intl.Segmenter's data and the \p{RGI_Emoji} pattern, ~30 ms) off
// the start-up of an article that needs neither.
import stripAnsi from "strip-ansi";
import { textWidth } from "../layout/measure.js";

/** Columns of a string that may hold SGR styling and OSC 8 links (they take none). */
export function inkStringWidth(text: string): number {
  if (text.length === 0) return 0;
  const plain = text.includes("\u001b") || text.includes("\u009b") ? stripAnsi(text) : text;
  return textWidth(plain);
}

/** Columns of the widest line of a string. */
export function inkWidestLine(text: string): number {
  let widest = 0;
  for (const line of text.split("\n")) widest = Math.max(widest, inkStringWidth(line));
  return widest;
}
