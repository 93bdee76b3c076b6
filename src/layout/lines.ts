// What layout produces: plain-text lines, each with a kind that says how it is styled. Print mode
// turns kinds into SGR sequences, the reader into Ink <Text> props; both read this one table.

export type LineKind =
  | "title"
  | "byline"
  | "source"
  | "heading"
  | "text"
  | "blank"
  | "rule"
  | "aside"
  | "discussion"
  | "meta"
  | "comment";

export type Line = {
  text: string;
  kind: LineKind;
};

export type Style = {
  bold?: boolean;
  dimColor?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  color?: "cyan" | "yellow" | "green" | "magenta" | "blue";
};

export const STYLES: Record<LineKind, Style> = {
  title: { bold: true, color: "yellow" },
  byline: { italic: true },
  source: { dimColor: true },
  heading: { bold: true, color: "cyan" },
  text: {},
  blank: {},
  rule: { dimColor: true },
  aside: { italic: true, dimColor: true },
  discussion: { bold: true, color: "magenta" },
  meta: { bold: true, color: "green" },
  comment: {},
};

const SGR_COLORS: Record<NonNullable<Style["color"]>, number> = {
  yellow: 33,
  cyan: 36,
  green: 32,
  magenta: 35,
  blue: 34,
};

/** The SGR sequence that starts a style ("" for none); end it with "\x1b[0m". */
export function sgr(style: Style): string {
  const codes: number[] = [];
  if (style.bold) codes.push(1);
  if (style.dimColor) codes.push(2);
  if (style.italic) codes.push(3);
  if (style.underline) codes.push(4);
  if (style.inverse) codes.push(7);
  if (style.color) codes.push(SGR_COLORS[style.color]);
  return codes.length === 0 ? "" : `\x1b[${codes.join(";")}m`;
}
