// State → the rows on screen, as styled segments, each row exactly as wide as the terminal.
// Pure: only the visible window of the article and of the comments is touched, so the cost of a
// frame does not grow with the article. The Ink components draw these rows and nothing else.
import { discussionHeading, groupDigits } from "../content/format.js";
import type { Article } from "../content/schema.js";
import { getLayout } from "../layout/article.js";
import type { Line } from "../layout/lines.js";
import { readingStatus } from "../layout/reading.js";
import { padTo, textWidth, truncate } from "../layout/wrap.js";
import { searchOf } from "../search/index.js";
import { helpLines } from "../state/help.js";
import type { Command, Context } from "../state/keymap.js";
import type { Link } from "../state/links.js";
import { geometryOf, paneOf, type ReaderState } from "../state/reducer.js";
import { inlineOf } from "../state/search.js";
import { formRows } from "./form-rows.js";
import { hyperlinksOn, osc8 } from "./hyperlink.js";
import { fitSegments, type Highlights, lineSegments, type Segment } from "./segments.js";
import { DARK, type Style, sgr, type Theme } from "./theme.js";

export type { Segment };
export type Row = Segment[];

/**
 * The theme of the frame being composed: composeFrame's argument, read by the helpers below
 * (composing is synchronous, so it is the one frame's theme throughout).
 */
let theme: Theme = DARK;

/** A laid-out line in a column `width` wide at `left`, padded to the area's width. */
/** Search matches on a line, the current one marked, or nothing when no search is in effect. */
function highlightsOf(
  article: Article,
  state: ReaderState,
  line: Line | undefined,
): Highlights | undefined {
  if (state.search.query === "" || !line?.source) return undefined;
  const offsets = searchOf(article, state.search.query).offsetsIn(line.source);
  if (offsets.length === 0) return undefined;
  const current = state.search.current;
  const here = current && inlineOf(article, current) === line.source ? current.start : undefined;
  return here === undefined ? { offsets } : { offsets, current: here };
}

function articleRow(
  line: Line | undefined,
  left: number,
  width: number,
  area: number,
  highlights?: Highlights,
): Row {
  const { row: fitted, used } = line
    ? fitSegments(lineSegments(line, undefined, theme, highlights, width), width)
    : { row: [], used: 0 };
  const right = Math.max(0, area - left - used);
  const row: Row = [];
  if (left > 0) row.push({ text: " ".repeat(left) });
  row.push(...fitted);
  if (right > 0) row.push({ text: " ".repeat(right) });
  return row;
}

function percent(state: ReaderState, article: Article): string {
  const g = geometryOf(state);
  const layout = getLayout(article, g.articleWidth);
  const total = layout.total;
  if (layout.done && total <= g.articleRows) return "All";
  if (state.top === 0) return "Top";
  const shown = Math.min(100, Math.round(((state.top + g.articleRows) / Math.max(1, total)) * 100));
  return layout.done ? `${shown}%` : `~${shown}%`;
}

/** "c comments": a command's first key in the keymap in use, and what it does here. */
function hint(
  state: ReaderState,
  command: Command,
  what: string,
  context: Context = "global",
): string {
  const key = state.keymap.keyFor(command, context);
  return key === undefined ? "" : `${key} ${what}`;
}

/** "↓↑ choose": a pair of commands' first keys, then what they do. */
function pair(
  state: ReaderState,
  down: Command,
  up: Command,
  what: string,
  context: Context,
): string {
  const a = state.keymap.keyFor(down, context);
  const b = state.keymap.keyFor(up, context);
  return a === undefined || b === undefined ? "" : `${a}${b} ${what}`;
}

function hints(article: Article, state: ReaderState): string {
  const parts: string[] = [];
  if (state.reply.form) {
    parts.push(
      hint(state, "switchFocus", "next field"),
      hint(state, "formPost", "post", "form"),
      hint(state, "formEditor", "editor", "form"),
      hint(state, "back", "close"),
    );
  } else if (state.overlay === "help") {
    parts.push(
      pair(state, "lineDown", "lineUp", "scroll", "article"),
      hint(state, "back", "close"),
    );
  } else if (state.overlay === "toc") {
    parts.push(pair(state, "lineDown", "lineUp", "choose", "toc"));
    parts.push(hint(state, "choose", "jump", "toc"), hint(state, "back", "close"));
  } else if (state.search.prompt) {
    parts.push(hint(state, "promptAccept", "keep", "search"), hint(state, "back", "cancel"));
  } else if (state.overlay === "links") {
    parts.push(pair(state, "lineDown", "lineUp", "choose", "links"));
    parts.push(hint(state, "choose", "open", "links"), hint(state, "back", "close"));
  } else if (state.focus === "pane") {
    parts.push(hint(state, "toggleThread", "fold", "pane"), hint(state, "switchFocus", "article"));
    parts.push(hint(state, "help", "help"), hint(state, "quit", "quit"));
  } else {
    const hasComments = (article.comments?.length ?? 0) > 0;
    if (hasComments) {
      parts.push(hint(state, "togglePane", state.paneOpen ? "close comments" : "comments"));
    } else parts.push(hint(state, "toc", "contents"));
    parts.push(hint(state, "help", "help"), hint(state, "quit", "quit"));
  }
  return parts.filter(Boolean).join(" · ");
}

/** "3/17", "3/~17" while counting goes on, or "no match". */
function matchCount(article: Article, state: ReaderState): string {
  const { query, current } = state.search;
  if (query === "") return "";
  const index = searchOf(article, query);
  // While typing, matches are not counted yet: say only whether there is one.
  if (state.search.prompt && !index.countDone) return current ? "match" : "no match";
  if (index.countDone && index.total === 0) return "no match";
  const tilde = index.countDone ? "" : "~";
  const ordinal = current ? index.ordinal(current) : undefined;
  return `${ordinal ?? (current ? "~" : "–")}/${tilde}${groupDigits(index.total)}`;
}

/** The search prompt: "/query" with a bar where the cursor is. */
function promptText(state: ReaderState, width: number): string {
  const prompt = state.search.prompt;
  if (!prompt) return "";
  const text = `/${prompt.text.slice(0, prompt.cursor)}▏${prompt.text.slice(prompt.cursor)}`;
  // A query longer than the room keeps its end (where typing happens) in view.
  let shown = text;
  while (shown.length > 1 && textWidth(shown) > width) shown = shown.slice(1);
  return shown;
}

function statusRow(article: Article, state: ReaderState): Row {
  const g = geometryOf(state);
  const layout = getLayout(article, g.articleWidth);
  const s = layout.sectionAt(state.top);
  const prompting = state.search.prompt !== undefined;
  const section =
    state.reply.confirm?.question ??
    state.notice ??
    (state.reply.form ? "Leave a Reply" : undefined) ??
    (state.overlay === "help"
      ? "Help"
      : state.overlay === "toc"
        ? "Contents"
        : state.overlay === "links"
          ? "Links"
          : s >= 0
            ? (layout.outline.sections[s]?.title ?? article.title)
            : article.title);
  const count = matchCount(article, state);
  const help = hints(article, state);
  const search =
    count === "" ? "" : prompting ? `${count} · ` : `“${state.search.query}” ${count} · `;
  const right =
    state.overlay === "none" && !state.reply.form
      ? ` ${search}${prompting ? "" : `${percent(state, article)} · ${readingStatus(article, layout, state.top)}`}${help} `
      : ` ${help} `;
  // The prompt or a notice (an address being opened) keeps the room it needs; hints give way.
  const leftText = prompting ? ` ${promptText(state, Math.max(1, g.cols - 24))}` : ` ${section}`;
  const rightFit = truncate(
    right,
    prompting || state.notice || state.reply.confirm
      ? Math.max(0, g.cols - textWidth(leftText) - 1)
      : g.cols,
  );
  const leftWidth = g.cols - textWidth(rightFit);
  const left = leftWidth > 2 ? padTo(leftText, leftWidth) : " ".repeat(Math.max(0, leftWidth));
  return [
    { text: left, style: prompting ? theme.chrome.prompt : theme.chrome.statusSection },
    { text: rightFit, style: theme.chrome.status },
  ];
}

/** The link list's rows: "N. text — address", the highlighted one reversed. */
function linkRows(state: ReaderState, width: number, rows: number): Line[] {
  const out: Line[] = [
    { text: `Links (${state.links.length})`, kind: "heading" },
    { text: "", kind: "blank" },
  ];
  const room = Math.max(1, rows - out.length);
  const first = Math.max(
    0,
    Math.min(state.linkIndex - Math.floor(room / 2), state.links.length - room),
  );
  const numberWidth = String(state.links.length).length;
  for (let i = first; i < Math.min(state.links.length, first + room); i++) {
    const link = state.links[i] as Link;
    const what = link.text === link.href ? link.href : `${link.text} — ${link.href}`;
    const label = `${i === state.linkIndex ? "❯" : " "} ${String(i + 1).padStart(numberWidth)}. ${what}`;
    out.push({ text: truncate(label, width), kind: i === state.linkIndex ? "subheading" : "text" });
  }
  return out;
}

function paneHeader(article: Article, state: ReaderState, width: number): Row {
  const count = article.comments?.length ?? 0;
  const heading = discussionHeading(count, article.title, article.commentsTotal);
  const focused = state.focus === "pane";
  if (state.paneOpen && count > 0) {
    const pane = paneOf(article, state);
    const i = pane.list.indexOf(state.selected) + 1;
    const where = ` ${i}/${pane.list.length} `;
    // Focus shows in the header's style, never in its marker: ▾ open, ▸ folded, as in the pane.
    const label = padTo(`▾ ${heading}`, Math.max(0, width - textWidth(where)));
    return [
      { text: label, style: focused ? theme.chrome.paneHeaderFocused : theme.chrome.paneHeader },
      { text: truncate(where, width - textWidth(label)), style: theme.chrome.paneCount },
    ];
  }
  if (state.paneOpen)
    return [{ text: padTo(`▾ ${heading}`, width), style: theme.chrome.paneHeader }];
  // Nothing to open: the heading ("No thoughts yet on …") alone, promising no key.
  if (count === 0)
    return [{ text: padTo(truncate(heading, width), width), style: theme.chrome.paneHint }];
  const suffix = " — c to open";
  const label = truncate(`▸ ${heading}`, Math.max(1, width - textWidth(suffix)));
  return [
    { text: label, style: theme.chrome.paneCollapsed },
    { text: padTo(suffix, width - textWidth(label)), style: theme.chrome.paneHint },
  ];
}

/** The pane's body rows: comment lines with a bar beside the selected comment. */
function paneRows(article: Article, state: ReaderState, width: number, rows: number): Row[] {
  const pane = paneOf(article, state);
  const out: Row[] = [];
  const focused = state.focus === "pane";
  for (const { line, pos } of pane.window(state.paneScroll, rows)) {
    const selected = pos === state.selected;
    const bar: Segment = selected
      ? { text: "▌", style: focused ? theme.chrome.selectionBarFocused : theme.chrome.selectionBar }
      : { text: " " };
    const base: Style | undefined =
      selected && line.kind === "meta" && focused ? theme.chrome.selectedMeta : undefined;
    const { row, used } = fitSegments(
      lineSegments(line, base, theme, highlightsOf(article, state, line), width),
      width,
    );
    out.push([bar, ...row, { text: " ".repeat(Math.max(0, width - used)) }]);
  }
  while (out.length < rows) out.push([{ text: " ".repeat(width + 1) }]);
  return out;
}

function tooSmallRows(state: ReaderState, rows: number): Row[] {
  const message = state.cols >= 18 ? "terminal too small" : state.cols >= 9 ? "too small" : "small";
  const out: Row[] = [];
  for (let r = 0; r < rows; r++) {
    out.push([{ text: padTo(r === 0 ? message : "", state.cols), style: theme.chrome.dim }]);
  }
  return out;
}

/**
 * Every row of the frame. When the contents overlay is open its rows are left out (`covered`):
 * the component draws the select list there. Styles come from `given` (the theme chosen at
 * start-up: ui/theme-context.ts).
 */
export function composeFrame(opened: Article, state: ReaderState, given: Theme = DARK): Row[] {
  theme = given;
  // Replies posted, edited or deleted since the article opened are in the article shown.
  const article = state.reply.shown ?? opened;
  const g = geometryOf(state);
  if (g.tooSmall) return tooSmallRows(state, g.frameRows);
  if (state.reply.form) {
    return [...formRows(state, g.frameRows - 1, theme), statusRow(article, state)];
  }
  const layout = getLayout(article, g.articleWidth);
  layout.ensureLines(state.top + g.articleRows);
  const rows: Row[] = [];
  const help =
    state.overlay === "help"
      ? helpLines(state.keymap)
      : state.overlay === "links"
        ? linkRows(state, g.articleWidth, g.articleRows)
        : undefined;
  const helpTop = help ? Math.min(state.helpTop, Math.max(0, help.length - g.articleRows)) : 0;
  const side = g.pane === "side";
  const sidePane = side ? paneRows(article, state, g.paneWidth, g.paneRows) : [];
  const contentRows = g.frameRows - 1;
  // Zoomed, the discussion has the rows, unless the help or the links are open over it.
  const zoomed = g.pane === "zoom" && !help;
  const articleRows = side ? contentRows : zoomed ? 0 : g.articleRows;
  for (let r = 0; r < articleRows; r++) {
    const line = help ? help[helpTop + r] : layout.lines[state.top + r];
    const row = articleRow(
      line,
      g.articleLeft,
      g.articleWidth,
      g.articleArea,
      help ? undefined : highlightsOf(article, state, line),
    );
    if (side) {
      row.push({
        text: "│ ",
        style: state.focus === "pane" ? theme.chrome.separatorFocused : theme.chrome.separator,
      });
      if (r === 0) row.push(...paneHeader(article, state, g.paneWidth + 1));
      else row.push(...(sidePane[r - 1] ?? [{ text: " ".repeat(g.paneWidth + 1) }]));
    }
    rows.push(row);
  }
  if (!side) {
    // Below the article (or zoomed, alone), the pane keeps to the article's column: its header
    // where the article's text starts, the selection bar in the margin column left of that.
    const margin = (n: number): Segment[] => (n > 0 ? [{ text: " ".repeat(n) }] : []);
    const headerWidth = Math.min(g.articleWidth, g.cols - g.articleLeft);
    rows.push([
      ...margin(g.articleLeft),
      ...paneHeader(article, state, headerWidth),
      ...margin(g.cols - g.articleLeft - headerWidth),
    ]);
    if (g.pane === "bottom" || zoomed) {
      const right = g.cols - g.paneLeft - 1 - g.paneWidth;
      for (const row of paneRows(article, state, g.paneWidth, g.paneRows)) {
        rows.push([...margin(g.paneLeft), ...row, ...margin(right)]);
      }
    }
  }
  rows.push(statusRow(article, state));
  return rows;
}

/**
 * The rows as terminal output, from the top-left corner, leaving the cursor there. Used to put
 * the first frame on screen before Ink has loaded; Ink then draws the same frame over it.
 */
export function paintRows(rows: Row[]): string {
  const out: string[] = [];
  // Erase first, then write: with auto-wrap off, an erase after a full-width row would wipe
  // its last column (the cursor stays on it).
  for (const row of rows) out.push(`\x1b[K${rowText(row)}`);
  return `\x1b[H${out.join("\r\n")}\x1b[H`;
}

/**
 * One row as terminal text: each segment in its SGR style (reset after it; none when `styled` is
 * false), a link's text inside an OSC 8 hyperlink when the terminal takes them. The first frame
 * and Ink's frames both use it.
 */
export function rowText(row: Row, styled = true): string {
  let line = "";
  for (const segment of row) {
    const start = styled && segment.style ? sgr(segment.style) : "";
    const text = segment.href && hyperlinksOn() ? osc8(segment.href, segment.text) : segment.text;
    line += start === "" ? text : `${start}${text}\x1b[0m`;
  }
  return line;
}
