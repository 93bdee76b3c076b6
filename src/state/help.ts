// The help overlay's text, built from the key table, once (it never changes while running).
import type { Line } from "../layout/lines.js";
import { textWidth } from "../layout/wrap.js";
import { CONTEXT_NAMES, CONTEXT_ORDER, helpRows } from "./keymap.js";

let cached: Line[] | undefined;

/** The help overlay's text, built from the key table. */
export function helpLines(): Line[] {
  if (cached) return cached;
  const rows = helpRows();
  const keyWidth = Math.max(...rows.map((r) => textWidth(r.keys)));
  const lines: Line[] = [{ text: "Keys", kind: "title" }];
  for (const context of CONTEXT_ORDER) {
    lines.push({ text: "", kind: "blank" }, { text: CONTEXT_NAMES[context], kind: "heading" });
    for (const r of rows.filter((row) => row.context === context)) {
      lines.push({ text: `${r.keys.padEnd(keyWidth)}  ${r.help}`, kind: "text" });
    }
  }
  lines.push({ text: "", kind: "blank" }, { text: "Esc or ? closes this help.", kind: "aside" });
  cached = lines;
  return lines;
}
