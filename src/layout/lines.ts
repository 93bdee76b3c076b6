// What layout produces: lines of plain text that remember where they came from. A line is a range
// (start…end) of an inline text (`source`: its text and its marks: emphasis, code, links…), after
// a prefix (indent, quote bars, a list marker, a code rule). Nothing here is styled: the frame and
// print mode resolve kinds, roles and marks through the one theme (ui/theme.ts) when they draw.
import type { Inline } from "../rich/model.js";

export type LineKind =
  | "title"
  | "byline"
  | "source"
  | "heading"
  | "subheading"
  | "text"
  | "blank"
  | "rule"
  | "aside"
  | "discussion"
  | "meta"
  | "comment"
  | "code"
  | "table"
  | "ref";

/** What a piece of a prefix is, for styling. */
export type PrefixRole =
  | "indent"
  | "quoteBar"
  | "marker"
  | "codeRule"
  | "continuation"
  /** The rail beside a comment's text, which sets it apart from the comment headers. */
  | "rail";

export type Piece = { text: string; role: PrefixRole };

export type Line = {
  /** The line's text after its prefix: source.text[start, end), or a stand-in. */
  text: string;
  kind: LineKind;
  prefix?: Piece[];
  /** The inline text this line is a range of, with its marks. */
  source?: Inline;
  start?: number;
  end?: number;
};

export const BLANK: Line = Object.freeze({ text: "", kind: "blank" }) as Line;

/** Columns taken by a prefix (prefix pieces are Lectern's own narrow marks and spaces). */
export function prefixWidth(prefix: Piece[] | undefined): number {
  if (!prefix) return 0;
  let w = 0;
  for (const p of prefix) w += p.text.length;
  return w;
}
