// The help overlay's text, built once per keymap from its bindings.
import type { Line } from "../layout/lines.js";
import { textWidth } from "../layout/wrap.js";
import { CONTEXT_NAMES, CONTEXT_ORDER, DEFAULT_KEYMAP, helpRows, type Keymap } from "./keymap.js";

const cache = new WeakMap<Keymap, Line[]>();

/** The help overlay's text, built from the keymap in use. */
export function helpLines(keymap: Keymap = DEFAULT_KEYMAP): Line[] {
  const cached = cache.get(keymap);
  if (cached) return cached;
  const rows = helpRows(keymap);
  const keyWidth = Math.max(...rows.map((r) => textWidth(r.keys)));
  const lines: Line[] = [{ text: "Keys", kind: "title" }];
  for (const context of CONTEXT_ORDER) {
    lines.push({ text: "", kind: "blank" }, { text: CONTEXT_NAMES[context], kind: "heading" });
    for (const r of rows.filter((row) => row.context === context)) {
      lines.push({ text: `${r.keys.padEnd(keyWidth)}  ${r.help}`, kind: "text" });
    }
  }
  lines.push({ text: "", kind: "blank" }, { text: "Esc or ? closes this help.", kind: "aside" });
  cache.set(keymap, lines);
  return lines;
}
