// How a laid-out line reads on screen: its prefix (indent, quote bars, marker) then its text.
import type { Line } from "../../src/layout/lines.js";

export function shown(line: Line | undefined): string {
  if (!line) return "";
  return (line.prefix ?? []).map((p) => p.text).join("") + line.text;
}

/** A line holding nothing but a web address: laid out whole, cut only when drawn. */
export function isLoneUrl(line: Line): boolean {
  return /^(https?:\/\/|www\.)\S+$/i.test(line.text);
}
