// The one theme: every style on screen and in coloured print output is looked up here when a
// frame or a printed line is composed, by line kind, prefix role, inline mark, or a role of the
// reader's own chrome (status line, pane header, selection). Nothing else names a colour.
import type { LineKind, PrefixRole } from "../layout/lines.js";
import type { Mark } from "../rich/model.js";

export type Color = "cyan" | "yellow" | "green" | "magenta" | "blue" | "gray";

export type Style = {
  bold?: boolean;
  dimColor?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  inverse?: boolean;
  color?: Color;
};

export type ChromeRole =
  | "status"
  | "statusSection"
  | "paneHeader"
  | "paneHeaderFocused"
  | "paneCount"
  | "paneCollapsed"
  | "paneHint"
  | "separator"
  | "separatorFocused"
  | "selectionBar"
  | "selectionBarFocused"
  | "selectedMeta"
  | "dim"
  | "linkChosen";

export type Theme = {
  kinds: Record<LineKind, Style>;
  prefixes: Record<PrefixRole, Style>;
  marks: Record<Mark, Style>;
  chrome: Record<ChromeRole, Style>;
};

export const DARK: Theme = {
  kinds: {
    title: { bold: true, color: "yellow" },
    byline: { italic: true },
    source: { dimColor: true },
    heading: { bold: true, color: "cyan" },
    subheading: { bold: true },
    text: {},
    blank: {},
    rule: { dimColor: true },
    aside: { italic: true, dimColor: true },
    discussion: { bold: true, color: "magenta" },
    meta: { bold: true, color: "green" },
    comment: {},
    code: { color: "yellow" },
    table: {},
    ref: { dimColor: true },
  },
  prefixes: {
    indent: {},
    quoteBar: { color: "blue" },
    marker: { bold: true },
    codeRule: { dimColor: true },
    continuation: { dimColor: true },
  },
  marks: {
    em: { italic: true },
    strong: { bold: true },
    code: { color: "yellow" },
    del: { strikethrough: true },
    link: { underline: true, color: "cyan" },
    sup: { dimColor: true },
    sub: { dimColor: true },
    image: { italic: true },
    ref: { dimColor: true },
  },
  chrome: {
    status: { inverse: true },
    statusSection: { inverse: true, bold: true },
    paneHeader: { bold: true, dimColor: true },
    paneHeaderFocused: { bold: true, color: "magenta", inverse: true },
    paneCount: { dimColor: true },
    paneCollapsed: { bold: true, color: "magenta" },
    paneHint: { dimColor: true },
    separator: { dimColor: true },
    separatorFocused: { color: "magenta" },
    selectionBar: { dimColor: true },
    selectionBarFocused: { color: "cyan", bold: true },
    selectedMeta: { bold: true, color: "green", inverse: true },
    dim: { dimColor: true },
    linkChosen: { inverse: true },
  },
};

/** The theme in use (settings will choose among several). */
export const theme: Theme = DARK;

/** Styles combined, later ones winning. */
export function merge(...styles: (Style | undefined)[]): Style {
  return Object.assign({}, ...styles);
}

const SGR_COLORS: Record<Color, number> = {
  yellow: 33,
  cyan: 36,
  green: 32,
  magenta: 35,
  blue: 34,
  gray: 90,
};

/** The SGR sequence that starts a style ("" for none); end it with "\x1b[0m". */
export function sgr(style: Style): string {
  const codes: number[] = [];
  if (style.bold) codes.push(1);
  if (style.dimColor) codes.push(2);
  if (style.italic) codes.push(3);
  if (style.underline) codes.push(4);
  if (style.inverse) codes.push(7);
  if (style.strikethrough) codes.push(9);
  if (style.color) codes.push(SGR_COLORS[style.color]);
  return codes.length === 0 ? "" : `\x1b[${codes.join(";")}m`;
}
