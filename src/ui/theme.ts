// The themes: every style on screen and in coloured print output is looked up in one Theme value
// (by line kind, prefix role, inline mark, or a role of the reader's own chrome: status line,
// pane header, selection), chosen once at start-up from the settings and the colour rules
// (config/color.ts) and passed to what composes frames and printed lines. Nothing else names a
// colour. `dark` is the original look; `light` reads on a white background; `mono` has no colour
// at all (bold, underline, reverse and dim only) and is what NO_COLOR gets.
import type { LineKind, PrefixRole } from "../layout/lines.js";
import type { Mark } from "../rich/model.js";

export type Color = "cyan" | "yellow" | "green" | "magenta" | "blue" | "red" | "gray";

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
  | "linkChosen"
  | "match"
  | "matchCurrent"
  | "prompt"
  | "formLabel"
  | "formLabelFocused"
  | "formError"
  | "formCursor"
  | "formButton"
  | "formButtonFocused";

export type Theme = {
  kinds: Record<LineKind, Style>;
  prefixes: Record<PrefixRole, Style>;
  marks: Record<Mark, Style>;
  chrome: Record<ChromeRole, Style>;
};

export const THEME_NAMES = ["dark", "light", "mono"] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

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
    rail: { dimColor: true },
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
    match: { inverse: true },
    matchCurrent: { inverse: true, bold: true, color: "yellow" },
    prompt: { bold: true },
    // The reply form (ui/form-rows.ts).
    formLabel: { bold: true },
    formLabelFocused: { bold: true, color: "cyan" },
    formError: { bold: true, color: "red" },
    formCursor: { inverse: true },
    formButton: { bold: true },
    formButtonFocused: { bold: true, inverse: true },
  },
};

type Patch = { [Group in keyof Theme]?: Partial<Theme[Group]> };

/**
 * A theme made from `base` (every role it has, passed through `each`) with some roles replaced.
 * Derived themes so stay complete when a role is added to the base.
 */
function derive(base: Theme, patch: Patch, each: (style: Style) => Style = (s) => s): Theme {
  const group = <K extends keyof Theme>(name: K): Theme[K] => {
    const out: Record<string, Style> = {};
    for (const [role, style] of Object.entries(base[name])) out[role] = each(style as Style);
    return { ...out, ...patch[name] } as Theme[K];
  };
  return {
    kinds: group("kinds"),
    prefixes: group("prefixes"),
    marks: group("marks"),
    chrome: group("chrome"),
  };
}

/** A style without its colour (bold, dim, italic, underline, reverse kept). */
export function withoutColor(style: Style): Style {
  if (style.color === undefined) return style;
  const { color: _, ...rest } = style;
  return rest;
}

/**
 * For a white background: no yellow or cyan (too pale to read there); darker colours in their
 * place. The chrome keeps the dark theme's reverse video and dim, which read on both.
 */
export const LIGHT: Theme = derive(DARK, {
  kinds: {
    title: { bold: true, color: "blue" },
    heading: { bold: true, color: "magenta" },
    code: { color: "red" },
    meta: { bold: true, color: "green" },
  },
  prefixes: { quoteBar: { color: "gray" } },
  marks: { code: { color: "red" }, link: { underline: true, color: "blue" } },
  chrome: {
    paneHeaderFocused: { bold: true, color: "blue", inverse: true },
    paneCollapsed: { bold: true, color: "blue" },
    separatorFocused: { color: "blue" },
    selectionBarFocused: { color: "blue", bold: true },
    formLabelFocused: { bold: true, color: "blue" },
  },
});

/**
 * No colour: every role of the dark theme without its colour, and where colour was all that set
 * a role apart, an attribute instead (headings underlined, the focused separator and quote bars
 * bold or dim).
 */
export const MONO: Theme = derive(
  DARK,
  {
    kinds: { heading: { bold: true, underline: true } },
    prefixes: { quoteBar: { dimColor: true } },
    chrome: { separatorFocused: { bold: true }, formLabelFocused: { bold: true, underline: true } },
  },
  withoutColor,
);

export const THEMES: Record<ThemeName, Theme> = { dark: DARK, light: LIGHT, mono: MONO };

/** The theme to draw with: the one named, or `mono` whenever colour is off (NO_COLOR…). */
export function chooseTheme(name: ThemeName, color: boolean): Theme {
  return color ? THEMES[name] : MONO;
}

/** The default theme, for callers not given one (tests, the README's screen). */
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
  red: 31,
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
