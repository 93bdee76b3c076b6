// The reply form as rows of styled segments, like every other frame of the reader: the seed
// page's words ("Leave a Reply", the note on the email address, Comment, Name*, Email*, Website,
// "Post Comment"), the comment replied to, the multi-line comment wrapped exactly as the editing
// model wraps it (state/form-text.ts) with the cursor drawn as a reversed cell, one row per
// single-line field with its failed check beside it. When the terminal is too short for all of
// it, the rows around the focused field are shown.
import { padTo, textWidth, truncate, wrapText } from "../layout/wrap.js";
import { type FieldName, type FormState, formGeometry, WORDS } from "../state/form.js";
import { cursorLine, type TextField, wrapField } from "../state/form-text.js";
import type { ReaderState } from "../state/reducer.js";
import type { Segment } from "./segments.js";
import type { Theme } from "./theme.js";

type Row = Segment[];

/** Columns before a single-line field's value: the longest label and a space. */
const LABEL = 9;
/** The comment area's rows when the terminal is short (the form then scrolls). */
const MIN_AREA = 3;

/** `text` with the cursor as a reversed cell at `cursor` (a space past the end). */
function withCursor(text: string, cursor: number, base: Segment["style"], theme: Theme): Row {
  const after = text.slice(cursor);
  const first = after.length > 0 ? ([...after][0] as string) : " ";
  const row: Row = [];
  if (cursor > 0) row.push({ text: text.slice(0, cursor), ...(base && { style: base }) });
  row.push({ text: first === "\n" ? " " : first, style: theme.chrome.formCursor });
  const rest = after.slice(first.length);
  if (rest !== "") row.push({ text: rest, ...(base && { style: base }) });
  return row;
}

/** A row's segments fitted into `width` columns, padded with spaces. */
function fitRow(row: Row, width: number): Row {
  const out: Row = [];
  let used = 0;
  for (const s of row) {
    if (used >= width) break;
    const w = textWidth(s.text);
    const text = used + w > width ? truncate(s.text, width - used) : s.text;
    out.push({ ...s, text });
    used += textWidth(text);
  }
  if (used < width) out.push({ text: " ".repeat(width - used) });
  return out;
}

/** A single-line value in `width` columns, scrolled so that the cursor shows. */
function lineValue(field: TextField, width: number, focused: boolean, theme: Theme): Row {
  if (!focused) return [{ text: truncate(field.text, width) }];
  let start = 0;
  while (start < field.cursor && textWidth(field.text.slice(start, field.cursor)) > width - 1) {
    start += [...field.text.slice(start)][0]?.length ?? 1;
  }
  const shown = field.text.slice(start);
  return withCursor(shown, field.cursor - start, undefined, theme);
}

type Built = { rows: Row[]; focusRows: [number, number] };

function build(state: ReaderState, form: FormState, height: number, theme: Theme): Built {
  const { width } = formGeometry(state);
  const rows: Row[] = [];
  const k = theme.kinds;
  const c = theme.chrome;
  const focusRows: Record<FieldName, [number, number]> = {
    comment: [0, 0],
    name: [0, 0],
    email: [0, 0],
    website: [0, 0],
    post: [0, 0],
  };
  rows.push([{ text: WORDS.title, style: k.heading }]);
  if (form.replyTo) {
    const what = form.editing ? "Editing your reply to" : "Reply to";
    rows.push([{ text: `${what} ${form.replyTo.author}`, style: k.meta }]);
    rows.push([
      { text: "│ ", style: theme.prefixes.quoteBar },
      { text: truncate(form.replyTo.firstLine, Math.max(1, width - 2)), style: k.aside },
    ]);
  } else if (form.editing) {
    rows.push([{ text: "Editing your reply", style: k.meta }]);
  }
  for (const line of wrapText(WORDS.note, width)) rows.push([{ text: line, style: k.source }]);
  rows.push([]);

  const label = (name: FieldName, text: string): Segment => ({
    text,
    style: form.focus === name ? c.formLabelFocused : c.formLabel,
  });
  const error = (name: Exclude<FieldName, "post">): Segment[] => {
    const e = form.errors[name];
    return e === undefined ? [] : [{ text: e, style: c.formError }];
  };

  // The fixed rows below the comment area: the three fields (and a row per check that does not
  // fit beside its field), a blank line and the button; above it, its label.
  const valueWidth = Math.max(8, Math.min(width - LABEL, 48));
  const fieldRows: Row[][] = [];
  for (const name of ["name", "email", "website"] as const) {
    const focused = form.focus === name;
    const value = fitRow(lineValue(form[name], valueWidth, focused, theme), valueWidth).map((s) =>
      s.style === c.formCursor ? s : { ...s, style: { ...s.style, underline: true } },
    );
    const head: Row = [label(name, padTo(WORDS[name], LABEL)), ...value];
    const err = error(name);
    const beside = width - LABEL - valueWidth - 2;
    if (err.length === 0) fieldRows.push([head]);
    else if (textWidth(err[0]?.text ?? "") <= beside)
      fieldRows.push([[...head, { text: "  " }, ...err]]);
    else fieldRows.push([head, [{ text: " ".repeat(LABEL) }, ...err]]);
  }
  const fixedBelow = fieldRows.reduce((n, r) => n + r.length, 0) + 3;
  const area = Math.max(MIN_AREA, height - rows.length - 1 - fixedBelow);

  // The comment: its label (and check), then the wrapped text beside a bar.
  rows.push([
    label("comment", WORDS.comment),
    ...(form.errors.comment ? [{ text: "  " }, ...error("comment")] : []),
  ]);
  const areaWidth = formGeometry(state).area;
  const lines = wrapField(form.comment.text, areaWidth);
  const at = cursorLine(lines, form.comment.cursor);
  const top = Math.max(0, Math.min(at - area + 1, lines.length - area));
  const focused = form.focus === "comment";
  const bar: Segment = { text: "┃ ", style: focused ? c.formLabelFocused : c.dim };
  const areaStart = rows.length;
  for (let i = top; i < top + area; i++) {
    const line = lines[i];
    if (!line) {
      rows.push([bar]);
      continue;
    }
    const text = form.comment.text.slice(line.start, line.end);
    rows.push(
      focused && i === at
        ? [bar, ...withCursor(text, form.comment.cursor - line.start, undefined, theme)]
        : [bar, { text }],
    );
  }
  focusRows.comment = [areaStart - 1, rows.length];
  const names = ["name", "email", "website"] as const;
  names.forEach((name, i) => {
    const start = rows.length;
    rows.push(...(fieldRows[i] as Row[]));
    focusRows[name] = [start, rows.length];
  });
  rows.push([]);
  focusRows.post = [rows.length, rows.length + 1];
  rows.push([
    {
      text: `[ ${WORDS.post} ]`,
      style: form.focus === "post" ? c.formButtonFocused : c.formButton,
    },
  ]);
  return { rows, focusRows: focusRows[form.focus] };
}

/**
 * The form's rows: `height` rows, each as wide as the terminal, the form in the article's column.
 * The window keeps the focused field (for the comment, its label and text) in view.
 */
export function formRows(state: ReaderState, height: number, theme: Theme): Row[] {
  const form = state.reply.form;
  if (!form) return [];
  const { left, width } = formGeometry(state);
  const { rows, focusRows } = build(state, form, height, theme);
  let first = 0;
  if (rows.length > height) {
    const [a, b] = focusRows;
    first = b > height ? Math.min(a, b - height) : 0;
    first = Math.max(0, Math.min(first, rows.length - height));
  }
  const out: Row[] = [];
  const margin = left > 0 ? [{ text: " ".repeat(left) }] : [];
  const right = Math.max(0, state.cols - left - width);
  for (let r = 0; r < height; r++) {
    const row = rows[first + r] ?? [];
    out.push([
      ...margin,
      ...fitRow(row, width),
      ...(right > 0 ? [{ text: " ".repeat(right) }] : []),
    ]);
  }
  return out;
}
