// The list of articles → rows of styled segments (drawn by Frame.tsx like the reader's): a title
// line, the filter, column headings, one row per visible article and the status line. Columns:
// title, author, date, reading time, comments, progress; when room runs out the title is cut
// first, then the author and the date are left out; numbers are never cut. Only the visible rows
// are composed, so a frame costs the same for 10 or 10,000 articles.

import { groupDigits } from "../content/format.js";
import { minutesText, readingMinutes } from "../content/reading-time.js";
import { sanitizeLine } from "../content/sanitize.js";
import { textWidth, truncate, wrapText } from "../layout/wrap.js";
import type { Facts } from "../library/facts.js";
import { MIN_COLS, MIN_ROWS } from "../state/geometry.js";
import { helpLines } from "../state/help.js";
import type { Command, Context } from "../state/keymap.js";
import {
  fuzzy,
  haystackOf,
  type LibraryEntry,
  type LibraryState,
  listRows,
  progressOf,
  SORT_NAMES,
} from "../state/library.js";
import type { Row } from "./compose.js";
import { fitSegments, type Segment } from "./segments.js";
import { theme as defaultTheme, merge, type Style, type Theme } from "./theme.js";

const GAP = "  ";

/** Segments padded (or cut) to exactly `width` columns. */
function padRow(segments: Segment[], width: number, style?: Style): Row {
  const { row, used } = fitSegments(segments, width);
  if (used < width) row.push({ text: " ".repeat(width - used), ...(style && { style }) });
  return row;
}

const right = (text: string, width: number) =>
  " ".repeat(Math.max(0, width - textWidth(text))) + text;

function progressText(facts: Facts | undefined, state: LibraryState): string {
  if (!facts) return "";
  const p = progressOf(facts, state.positions);
  return p === undefined ? "unread" : p === "read" ? "read" : `${p}%`;
}

type Cells = {
  title: string;
  author: string;
  date: string;
  time: string;
  comments: string;
  progress: string;
};

function cellsOf(entry: LibraryEntry, state: LibraryState): Cells {
  const f = entry.facts;
  if (!f) {
    const name = sanitizeLine(entry.file);
    const why = entry.errors ? `✗ ${entry.errors[0] ?? name}` : `${name} (reading…)`;
    return { title: why, author: "", date: "", time: "", comments: "", progress: "" };
  }
  return {
    title: f.title,
    author: f.author ?? "",
    date: f.published?.slice(0, 10) ?? "",
    time: minutesText(readingMinutes(f.words)),
    comments: groupDigits(f.comments),
    progress: progressText(f, state),
  };
}

type Columns = {
  title: number;
  author: number;
  date: number;
  time: number;
  comments: number;
  progress: number;
  headings: boolean;
};

/** Column widths for the rows on screen: numbers whole, then the title, then author and date. */
function columns(cells: Cells[], cols: number): Columns {
  const widest = (key: keyof Cells, least: number) =>
    Math.max(least, ...cells.map((c) => textWidth(c[key])));
  const headings = cols >= 60;
  const time = widest("time", headings ? 4 : 1);
  const comments = widest("comments", headings ? 8 : 1);
  const progress = widest("progress", headings ? 8 : 1);
  // Marker (2), the title, then each further column with its gap; one column of margin.
  const fixed = 2 + 1 + time + comments + progress + 3 * GAP.length;
  let author = Math.min(20, widest("author", 6));
  let date = cells.some((c) => c.date !== "") ? 10 : 0;
  const titleRoom = () =>
    cols - fixed - (author ? author + GAP.length : 0) - (date ? date + GAP.length : 0);
  if (titleRoom() < 24) date = 0;
  if (titleRoom() < 24) author = 0;
  return { title: Math.max(1, titleRoom()), author, date, time, comments, progress, headings };
}

/** Per visible entry, where the filter matched its text (start, end, start, end…): one call. */
function matchRanges(state: LibraryState, indexes: number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const shown = indexes.filter((i) => state.entries[i]?.facts);
  if (state.filter.trim() === "" || shown.length === 0) return out;
  const info = fuzzy().info(shown, haystackOf(state.entries), state.filter);
  info.idx.forEach((index, k) => {
    out.set(index, info.ranges[k] ?? []);
  });
  return out;
}

/** The title's segments with the letters that matched the filter marked. */
function titleSegments(
  ranges: number[] | undefined,
  title: string,
  base: Style | undefined,
  theme: Theme,
): Segment[] {
  if (!ranges) return [{ text: title, style: base }];
  const out: Segment[] = [];
  let at = 0;
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    const start = Math.min(ranges[i] as number, title.length);
    const end = Math.min(ranges[i + 1] as number, title.length);
    if (start >= end) continue;
    if (start > at) out.push({ text: title.slice(at, start), style: base });
    // Bold and underlined: visible on the highlighted (reversed) row too, where a reversed
    // search match (theme.chrome.match) would vanish.
    const style = merge(base, theme.marks.strong, theme.marks.link);
    out.push({ text: title.slice(start, end), style });
    at = end;
  }
  if (at < title.length) out.push({ text: title.slice(at), style: base });
  return out;
}

function articleRow(
  state: LibraryState,
  pos: number,
  c: Columns,
  cells: Cells,
  ranges: Map<number, number[]>,
  theme: Theme,
): Row {
  const index = state.order[pos] as number;
  const entry = state.entries[index] as LibraryEntry;
  const chosen = pos === state.cursor;
  const base: Style | undefined = chosen
    ? theme.chrome.linkChosen
    : entry.errors
      ? theme.chrome.dim
      : entry.facts
        ? undefined
        : theme.chrome.dim;
  const row: Row = [{ text: chosen ? "❯ " : "  ", style: base }];
  row.push(...padRow(titleSegments(ranges.get(index), cells.title, base, theme), c.title, base));
  const cell = (text: string, width: number, alignRight = false) => {
    if (width === 0) return;
    row.push({ text: GAP, style: base });
    const shown = alignRight ? right(text, width) : truncate(text, width).padEnd(width);
    row.push({
      text: textWidth(shown) < width ? shown + " ".repeat(width - textWidth(shown)) : shown,
      style: base,
    });
  };
  cell(cells.author, c.author);
  cell(cells.date, c.date);
  cell(cells.time, c.time, true);
  cell(cells.comments, c.comments, true);
  cell(cells.progress, c.progress, true);
  row.push({ text: " ", style: base });
  return joined(row);
}

/** Neighbouring segments of the same style as one (fewer elements for Ink to draw). */
function joined(row: Row): Row {
  const out: Row = [];
  for (const segment of row) {
    const last = out[out.length - 1];
    if (last && last.style === segment.style && !last.href && !segment.href) {
      out[out.length - 1] = { ...last, text: last.text + segment.text };
    } else out.push(segment);
  }
  return out;
}

function headingRow(c: Columns, cols: number, theme: Theme): Row {
  if (!c.headings) return [{ text: " ".repeat(cols) }];
  let text = `  ${"title".padEnd(c.title)}`;
  if (c.author) text += GAP + "author".padEnd(c.author);
  if (c.date) text += GAP + "date".padEnd(c.date);
  text += GAP + right("time", c.time) + GAP + right("comments", c.comments);
  text += GAP + right("progress", c.progress);
  return padRow([{ text, style: theme.chrome.dim }], cols, theme.chrome.dim);
}

/** Files that could not be read, counted once per set of entries (not on every frame). */
const brokenCounts = new WeakMap<readonly LibraryEntry[], number>();
function brokenCount(entries: readonly LibraryEntry[]): number {
  let n = brokenCounts.get(entries);
  if (n === undefined) {
    n = 0;
    for (const e of entries) if (e.errors) n++;
    brokenCounts.set(entries, n);
  }
  return n;
}

function titleRow(state: LibraryState, cols: number, theme: Theme): Row {
  const n = state.entries.length;
  const broken = brokenCount(state.entries);
  let text = ` Lectern — ${groupDigits(n)} ${n === 1 ? "article" : "articles"}`;
  if (broken > 0) text += ` (${groupDigits(broken)} could not be read)`;
  if (state.scanned < n) text += ` · reading ${groupDigits(state.scanned)} of ${groupDigits(n)}…`;
  return padRow([{ text, style: theme.kinds.title }], cols);
}

function filterRow(state: LibraryState, cols: number, theme: Theme): Row {
  if (!state.typing && state.filter === "") return [{ text: " ".repeat(cols) }];
  const count = ` ${groupDigits(state.order.length)} of ${groupDigits(state.entries.length)} `;
  const prompt = ` / ${state.filter}${state.typing ? "▏" : ""}`;
  const room = Math.max(0, cols - textWidth(count));
  return [
    ...padRow([{ text: prompt, style: theme.chrome.prompt }], room, theme.chrome.prompt),
    { text: truncate(count, cols - room), style: theme.chrome.dim },
  ];
}

function hint(state: LibraryState, command: Command, what: string, context: Context): string {
  const key = state.keymap.keyFor(command, context);
  return key === undefined ? "" : `${key} ${what}`;
}

function statusRow(state: LibraryState, cols: number, theme: Theme): Row {
  const parts: string[] = [];
  if (state.help || state.errorOf !== undefined) {
    parts.push(hint(state, "back", "close", "global"));
  } else if (state.typing) {
    parts.push(hint(state, "choose", "open", "filter"), hint(state, "back", "clear", "global"));
  } else {
    parts.push(
      hint(state, "search", "filter", "global"),
      hint(state, "sort", "sort", "list"),
      hint(state, "choose", "open", "list"),
      hint(state, "help", "help", "global"),
      hint(state, "quit", "quit", "global"),
    );
  }
  const opening = state.opening === undefined ? undefined : state.entries[state.opening]?.file;
  const left =
    state.notice ??
    (opening !== undefined
      ? `opening ${sanitizeLine(opening)}…`
      : state.help
        ? "Help"
        : state.errorOf !== undefined
          ? "Could not be read"
          : `sorted by ${SORT_NAMES[state.sort]}`);
  const hints = ` ${parts.filter(Boolean).join(" · ")} `;
  const rightFit = truncate(hints, Math.max(0, cols - Math.min(textWidth(left) + 2, 30)));
  const leftWidth = cols - textWidth(rightFit);
  return [
    ...padRow(
      [{ text: ` ${left}`, style: theme.chrome.statusSection }],
      leftWidth,
      theme.chrome.statusSection,
    ),
    { text: rightFit, style: theme.chrome.status },
  ];
}

/** A page of text (a broken file's error, the help) from line `top`, `rows` rows. */
function pageRows(
  lines: { text: string; style?: Style }[],
  top: number,
  rows: number,
  cols: number,
): Row[] {
  const from = Math.max(0, Math.min(top, lines.length - rows));
  const out: Row[] = [];
  for (let r = 0; r < rows; r++) {
    const line = lines[from + r];
    out.push(padRow(line ? [{ text: ` ${line.text}`, style: line.style }] : [], cols));
  }
  return out;
}

function errorLines(entry: LibraryEntry, cols: number, theme: Theme) {
  const lines: { text: string; style?: Style }[] = [
    { text: `${sanitizeLine(entry.file)} could not be read:`, style: theme.kinds.heading },
    { text: "" },
  ];
  for (const error of entry.errors ?? []) {
    for (const line of wrapText(error, Math.max(1, cols - 2))) lines.push({ text: line });
  }
  return lines;
}

/** Every row of the list's frame: one fewer than the terminal's rows (see geometry.ts). */
export function composeLibrary(state: LibraryState, theme: Theme = defaultTheme): Row[] {
  const cols = Math.max(1, state.cols);
  const frameRows = Math.max(1, state.rows - 1);
  if (cols < MIN_COLS || state.rows < MIN_ROWS) {
    const message = cols >= 18 ? "terminal too small" : cols >= 9 ? "too small" : "small";
    return Array.from({ length: frameRows }, (_, r) =>
      padRow([{ text: r === 0 ? message : "", style: theme.chrome.dim }], cols),
    );
  }
  const rows: Row[] = [titleRow(state, cols, theme)];
  const body = frameRows - 2;
  const errorEntry = state.errorOf === undefined ? undefined : state.entries[state.errorOf];
  if (errorEntry) {
    rows.push(...pageRows(errorLines(errorEntry, cols, theme), state.errorTop, body, cols));
  } else if (state.help) {
    const lines = helpLines(state.keymap).map((l) => ({
      text: l.text,
      style: theme.kinds[l.kind],
    }));
    rows.push(...pageRows(lines, state.helpTop, body, cols));
  } else {
    rows.push(filterRow(state, cols, theme));
    const count = listRows(state);
    const shown: { pos: number; cells: Cells }[] = [];
    for (let pos = state.top; pos < Math.min(state.order.length, state.top + count); pos++) {
      shown.push({
        pos,
        cells: cellsOf(state.entries[state.order[pos] as number] as LibraryEntry, state),
      });
    }
    const c = columns(
      shown.map((s) => s.cells),
      cols,
    );
    rows.push(headingRow(c, cols, theme));
    const ranges = matchRanges(
      state,
      shown.map((x) => state.order[x.pos] as number),
    );
    for (const { pos, cells } of shown) rows.push(articleRow(state, pos, c, cells, ranges, theme));
    if (state.order.length === 0) {
      const why = state.filter === "" ? "No articles yet." : "Nothing matches the filter.";
      rows.push(padRow([{ text: `  ${why}`, style: theme.chrome.dim }], cols));
    }
    while (rows.length < frameRows - 1) rows.push([{ text: " ".repeat(cols) }]);
  }
  rows.push(statusRow(state, cols, theme));
  return rows.slice(0, frameRows);
}
