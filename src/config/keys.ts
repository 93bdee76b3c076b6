// Key names as people write them in the config file (`j`, `down`, `ctrl+d`, `shift+tab`, `space`,
// `pgdn`) → the key table's own names (state/keymap.ts: "pageDown", "ctrl+d", "j"), or a reason
// the name is not a key Lectern can read, with a near miss to suggest.
import { suggest } from "../content/issues.js";

/** Named keys, lowercase, with their common spellings. */
const NAMED: Record<string, string> = {
  down: "down",
  up: "up",
  left: "left",
  right: "right",
  pgdn: "pageDown",
  pagedown: "pageDown",
  "page-down": "pageDown",
  pgup: "pageUp",
  pageup: "pageUp",
  "page-up": "pageUp",
  home: "home",
  end: "end",
  tab: "tab",
  "shift+tab": "shift+tab",
  backtab: "shift+tab",
  enter: "enter",
  return: "enter",
  esc: "escape",
  escape: "escape",
  space: "space",
  backspace: "backspace",
};

/** Control keys a terminal cannot tell from another key. */
const SAME_AS: Record<string, string> = { i: "Tab", m: "Enter", j: "Enter", h: "Backspace" };

export type ParsedKey = { key: string } | { problem: string };

// Made on first use: creating a segmenter loads ICU data (~15 ms of start-up).
let segmenter: Intl.Segmenter | undefined;
const graphemes = {
  segment(text: string): Intl.Segments {
    segmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" });
    return segmenter.segment(text);
  },
};

function isOneCharacter(text: string): boolean {
  let n = 0;
  for (const _ of graphemes.segment(text)) if (++n > 1) return false;
  return n === 1;
}

/** One key name from the config → the table's name for it, or why it cannot be one. */
export function parseKey(written: string): ParsedKey {
  // A single character is itself, case and all ("G" is Shift+g); a space must be written `space`.
  if (isOneCharacter(written)) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
    if (/^[\x00-\x20\x7f-\x9f]$/.test(written)) {
      return { problem: `${JSON.stringify(written)} is not a key name (write space, tab, enter…)` };
    }
    return { key: written };
  }
  const lower = written.toLowerCase().replace(/\s+/g, "");
  const named = NAMED[lower];
  if (named) return { key: named };
  const ctrl = /^(?:ctrl|control|c)[+-](.)$/.exec(lower);
  if (ctrl) {
    const letter = ctrl[1] as string;
    if (!/^[a-z]$/.test(letter)) {
      return { problem: `ctrl+${letter}: only ctrl with a letter (a to z) can be read` };
    }
    const same = SAME_AS[letter];
    if (same)
      return { problem: `ctrl+${letter} is ${same} to a terminal: write ${same.toLowerCase()}` };
    return { key: `ctrl+${letter}` };
  }
  const shift = /^shift[+-](.)$/.exec(written.replace(/\s+/g, ""));
  if (shift && /^[a-zA-Z]$/.test(shift[1] as string)) {
    return { key: (shift[1] as string).toUpperCase() };
  }
  if (/^(?:alt|meta|option|opt|cmd|super|hyper)[+-]/.test(lower)) {
    return { problem: `${JSON.stringify(written)}: Alt, Meta and Super keys are not read` };
  }
  const guess = suggest(lower, [...Object.keys(NAMED), "ctrl+d"]);
  return {
    problem: `unknown key ${JSON.stringify(written)}${guess ? ` (did you mean "${guess}"?)` : ""}`,
  };
}
