// The editing model of the reply form's text fields: a value and a cursor (an offset into it,
// always between graphemes), and the edits a key makes: insert, delete back, delete a word, move
// by grapheme, by line start and end, and (in the multi-line comment) up and down by the lines as
// they are wrapped on screen. Pure; the wrapping here is the one the form's rows draw
// (ui/form-rows.ts), so the cursor moves up and down exactly as the eye expects.
import { graphemes, textWidth } from "../layout/measure.js";

export type TextField = { readonly text: string; readonly cursor: number };

export const EMPTY_FIELD: TextField = { text: "", cursor: 0 };

/** A visual line of a wrapped value: text[start, end), "\n" excluded. */
export type VisualLine = { start: number; end: number };

export function fieldOf(text: string, cursor = text.length): TextField {
  return { text, cursor: Math.max(0, Math.min(cursor, text.length)) };
}

/** Offsets of the grapheme boundaries of `text` (0 and text.length included). */
function boundaries(text: string): number[] {
  const out = [0];
  let at = 0;
  for (const g of graphemes(text)) {
    at += g.length;
    out.push(at);
  }
  return out;
}

/** The logical line (between "\n"s) around `offset`: [start, end). */
function lineAround(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const nl = text.indexOf("\n", offset);
  return { start, end: nl < 0 ? text.length : nl };
}

export function insert(field: TextField, typed: string): TextField {
  const { text, cursor } = field;
  return {
    text: text.slice(0, cursor) + typed + text.slice(cursor),
    cursor: cursor + typed.length,
  };
}

/** The grapheme before the cursor removed (a line break counts as one). */
export function backspace(field: TextField): TextField {
  const { text, cursor } = field;
  if (cursor === 0) return field;
  const from = left(field).cursor;
  return { text: text.slice(0, from) + text.slice(cursor), cursor: from };
}

export function left(field: TextField): TextField {
  const { text, cursor } = field;
  if (cursor === 0) return field;
  if (text[cursor - 1] === "\n") return { text, cursor: cursor - 1 };
  const line = lineAround(text, cursor);
  const marks = boundaries(text.slice(line.start, cursor));
  return { text, cursor: line.start + (marks[marks.length - 2] ?? 0) };
}

export function right(field: TextField): TextField {
  const { text, cursor } = field;
  if (cursor >= text.length) return field;
  if (text[cursor] === "\n") return { text, cursor: cursor + 1 };
  const line = lineAround(text, cursor);
  const marks = boundaries(text.slice(cursor, line.end));
  return { text, cursor: cursor + (marks[1] ?? line.end - cursor) };
}

export function home(field: TextField): TextField {
  return { text: field.text, cursor: lineAround(field.text, field.cursor).start };
}

export function end(field: TextField): TextField {
  return { text: field.text, cursor: lineAround(field.text, field.cursor).end };
}

/** The word before the cursor removed (and the spaces after it), as Ctrl+W does in a shell. */
export function deleteWord(field: TextField): TextField {
  const { text, cursor } = field;
  let from = cursor;
  while (from > 0 && text[from - 1] === " ") from--;
  while (from > 0 && text[from - 1] !== " " && text[from - 1] !== "\n") from--;
  if (from === cursor && cursor > 0) from = cursor - 1; // a line break on its own
  return { text: text.slice(0, from) + text.slice(cursor), cursor: from };
}

/** Everything from the start of the cursor's line to the cursor removed (Ctrl+U). */
export function deleteToLineStart(field: TextField): TextField {
  const start = lineAround(field.text, field.cursor).start;
  return { text: field.text.slice(0, start) + field.text.slice(field.cursor), cursor: start };
}

/**
 * The value as lines of at most `width` columns: "\n" breaks a line; a longer line breaks after
 * its last space that fits, else between graphemes. The lines cover the text without gaps (a
 * space at a break stays at the end of its line), so every offset has a place on screen.
 */
export function wrapField(text: string, width: number): VisualLine[] {
  const columns = Math.max(1, width);
  const out: VisualLine[] = [];
  let base = 0;
  while (true) {
    const nl = text.indexOf("\n", base);
    const stop = nl < 0 ? text.length : nl;
    let start = base;
    let used = 0;
    let lastSpace = -1; // offset just after the last space of the line under way
    let at = base;
    for (const g of graphemes(text.slice(base, stop))) {
      const w = g === " " ? 1 : textWidth(g);
      if (used + w > columns && at > start && g !== " ") {
        const cut = lastSpace > start ? lastSpace : at;
        out.push({ start, end: cut });
        start = cut;
        used = textWidth(text.slice(cut, at));
        lastSpace = -1;
      }
      used += w;
      at += g.length;
      if (g === " ") lastSpace = at;
    }
    out.push({ start, end: stop });
    if (nl < 0) break;
    base = nl + 1;
  }
  return out;
}

/** The visual line the cursor is on: at a soft break, the line that starts there. */
export function cursorLine(lines: readonly VisualLine[], cursor: number): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as VisualLine;
    const next = lines[i + 1];
    if (cursor < line.start) continue;
    if (cursor < line.end) return i;
    if (cursor === line.end && !(next && next.start === cursor)) return i;
  }
  return Math.max(0, lines.length - 1);
}

/** Up (-1) or down (+1) a visual line, keeping the column as near as the line allows. */
export function vertical(field: TextField, width: number, by: -1 | 1): TextField {
  const lines = wrapField(field.text, width);
  const i = cursorLine(lines, field.cursor);
  const target = lines[i + by];
  if (!target) return by < 0 ? { ...field, cursor: 0 } : { ...field, cursor: field.text.length };
  const here = lines[i] as VisualLine;
  const column = textWidth(field.text.slice(here.start, field.cursor));
  let at = target.start;
  let used = 0;
  for (const g of graphemes(field.text.slice(target.start, target.end))) {
    const w = textWidth(g);
    if (used + w > column) break;
    used += w;
    at += g.length;
  }
  // The end of a soft-wrapped line is the next line's start: stay on this one.
  const next = lines[i + by + 1];
  if (at === target.end && next && next.start === at && at > target.start) {
    const marks = boundaries(field.text.slice(target.start, target.end));
    at = target.start + (marks[marks.length - 2] ?? 0);
  }
  return { ...field, cursor: at };
}
