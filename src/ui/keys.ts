// What Ink reports for one read of the terminal → the key names of the table (keymap.ts): one
// key, or, when several were read together (typed during a busy frame, auto-repeat, a paste),
// each of them. Shared by every component that reads keys.
import type { Key } from "ink";
import { burstKeys, keyName } from "../state/keymap.js";
import { parseMouse } from "../state/mouse.js";

// biome-ignore lint/suspicious/noControlCharactersInRegex: a report may keep its ESC
const CURSOR_REPORT = /^\x1b?\[\d+;\d+R$/;

export function keysOf(input: string, key: Key): string[] {
  // A mouse report is not typing (the reader reads it with parseMouse).
  if (input.startsWith("[<") && parseMouse(input) !== undefined) return [];
  // Nor is a late cursor position report (the width measurement's, terminal/measure-widths.ts).
  if (CURSOR_REPORT.test(input)) return [];
  const name = keyName(input, key);
  if (name !== undefined) return [name];
  if (input.length > 1 && !key.meta) return burstKeys(input);
  return [];
}
