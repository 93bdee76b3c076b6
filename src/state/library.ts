// The list of articles as a state of its own, with its pure reducer: files arrive as they are
// read (facts or errors), keys move the highlight, sort, filter as you type (uFuzzy over title,
// author and source), and Enter asks the shell to open an article or shows a broken file's error.
// Broken files are listed last; files not read yet after the others. The highlight follows its
// article when the order changes.
import uFuzzy from "@leeoniya/ufuzzy";
import type { Facts } from "../library/facts.js";
import type { SortChoice } from "../storage/library-prefs.js";
import type { Anchor } from "../storage/positions.js";
import { type Command, DEFAULT_KEYMAP, type Keymap } from "./keymap.js";
import { type MouseEvent, WHEEL_LINES } from "./mouse.js";

export type SortKey = SortChoice;
export const SORTS: readonly SortKey[] = ["read", "title", "date", "comments"];
export const SORT_NAMES: Record<SortKey, string> = {
  read: "last read",
  title: "title",
  date: "date",
  comments: "comments",
};

/** A file of the list: its facts once read, or why it could not be read; neither until then. */
export type LibraryEntry = { file: string; facts?: Facts; errors?: readonly string[] };

export type LibraryState = {
  cols: number;
  rows: number;
  entries: readonly LibraryEntry[];
  /** Files read so far (the list fills in while this is below entries.length). */
  scanned: number;
  /** The entries shown (indexes into entries), in order. */
  order: readonly number[];
  /** The highlighted row (an index into order) and the first row on screen. */
  cursor: number;
  top: number;
  /** The entry the highlight stays on when the order changes, once the user has moved it. */
  follow?: number;
  sort: SortKey;
  filter: string;
  /** Whether keys type into the filter. */
  typing: boolean;
  /** The entry whose whole error is shown, and the first line of it on screen. */
  errorOf?: number;
  errorTop: number;
  help: boolean;
  helpTop: number;
  /** Where each article (by id) was left, most recently read last. */
  positions: ReadonlyMap<string, Anchor>;
  /** An entry being opened (the shell is loading it). */
  opening?: number;
  /** A one-off message for the status line, cleared by the next key. */
  notice?: string;
  quit: boolean;
  keymap: Keymap;
};

export type LibraryEffect =
  | { type: "open"; index: number }
  | { type: "saveSort"; sort: SortKey }
  | { type: "quit" };

export type LibraryAction =
  | { type: "key"; key: string }
  | { type: "command"; command: Command }
  | { type: "resize"; cols: number; rows: number }
  /** Files read (facts or errors); `scanned`: how many files have been checked so far. */
  | {
      type: "scanned";
      items: readonly { index: number; facts?: Facts; errors?: string[] }[];
      scanned?: number;
    }
  /** An article was closed at `anchor` (it moves to the front of "last read"). */
  | { type: "read"; id: string; anchor: Anchor }
  /** Opening an entry failed after all (the file changed since it was listed). */
  | { type: "openFailed"; index: number; errors: string[] }
  | { type: "opened" }
  /** The wheel or a click over the list (see state/mouse.ts). */
  | { type: "mouse"; event: MouseEvent };

export type LibraryResult = { state: LibraryState; effects: LibraryEffect[] };

/** Rows above and below the list: title, filter line, column headings; the status line. */
export const LIST_CHROME = 4;

/** Rows of the list on screen (the frame is one row shorter than the terminal: geometry.ts). */
export function listRows(state: Pick<LibraryState, "rows">): number {
  return Math.max(1, state.rows - 1 - LIST_CHROME);
}

export function initialLibrary(
  files: readonly string[],
  cols: number,
  rows: number,
  options: {
    positions?: ReadonlyMap<string, Anchor>;
    sort?: SortKey;
    keymap?: Keymap;
    /** Files read already, and how many have been checked (the list is sorted once, with them). */
    items?: readonly { index: number; facts?: Facts; errors?: string[] }[];
    scanned?: number;
    /**
     * The first entries of the order, known already (library/first-screen.ts): the list is not
     * sorted, and only these are shown (a state for drawing the first frame, not for keys).
     */
    order?: readonly number[];
  } = {},
): LibraryState {
  const positions = options.positions ?? new Map();
  const read: ({ facts?: Facts; errors?: string[] } | undefined)[] = new Array(files.length);
  for (const item of options.items ?? []) read[item.index] = item;
  const entries = files.map((file, i): LibraryEntry => {
    const item = read[i];
    if (!item) return { file };
    return item.facts ? { file, facts: item.facts } : { file, errors: item.errors ?? [] };
  });
  const state: LibraryState = {
    cols,
    rows,
    entries,
    scanned: Math.min(files.length, options.scanned ?? 0),
    order: [],
    cursor: 0,
    top: 0,
    sort: options.sort ?? (positions.size > 0 ? "read" : "title"),
    filter: "",
    typing: false,
    errorTop: 0,
    help: false,
    helpTop: 0,
    positions,
    quit: false,
    keymap: options.keymap ?? DEFAULT_KEYMAP,
  };
  if (options.order) return scrolled({ ...state, order: options.order });
  return reorder(state, undefined);
}

// --- order: filter, then sort ----------------------------------------------------------------

/** The fuzzy matcher, made on first use (making it took ~12 ms of a list's first frame). */
let finder: uFuzzy | undefined;
export function fuzzy(): uFuzzy {
  finder ??= new uFuzzy({ intraIns: Infinity });
  return finder;
}

/** What the filter looks at, per entry: title, author and source (a broken file: its name). */
const haystacks = new WeakMap<readonly LibraryEntry[], string[]>();
export function haystackOf(entries: readonly LibraryEntry[]): string[] {
  let hay = haystacks.get(entries);
  if (!hay) {
    hay = entries.map((e) =>
      e.facts ? [e.facts.title, e.facts.author ?? "", e.facts.source ?? ""].join(" ") : e.file,
    );
    haystacks.set(entries, hay);
  }
  return hay;
}

/** The last filter's matches per set of entries: the next letter typed looks only among them. */
const lastMatch = new WeakMap<readonly LibraryEntry[], { filter: string; matched: number[] }>();

/**
 * Entries matching the filter, or undefined when it is empty (all of them). A filter that adds
 * letters to the last one matches a subset of its matches (each letter, space or term only adds
 * to what must match), so only those are tested; a quote can make a phrase exact, so a filter
 * with one is tested against every entry.
 */
function matching(entries: readonly LibraryEntry[], filter: string): number[] | undefined {
  if (filter.trim() === "") return undefined;
  const last = lastMatch.get(entries);
  const within =
    last && filter.startsWith(last.filter) && !filter.includes('"') ? last.matched : undefined;
  // No terms at all (punctuation only): nothing matches, and the next filter looks everywhere.
  const matched = fuzzy().filter(haystackOf(entries), filter, within);
  if (matched) lastMatch.set(entries, { filter, matched });
  else lastMatch.delete(entries);
  return matched ?? [];
}

/**
 * Every entry in the order chosen, sorted once per set of entries, order and reading positions:
 * a filter key then only picks its matches out of it (sorting 10,000 entries on every key took
 * most of the key's time).
 */
const sortedCache = new WeakMap<
  readonly LibraryEntry[],
  { sort: SortKey; positions: ReadonlyMap<string, Anchor>; order: number[] }
>();
function sortedAll(state: LibraryState): number[] {
  const known = sortedCache.get(state.entries);
  if (known && known.sort === state.sort && known.positions === state.positions) {
    return known.order;
  }
  const order = sortOrder(state);
  sortedCache.set(state.entries, { sort: state.sort, positions: state.positions, order });
  return order;
}

/** Where each read article stands in "last read" order: higher is more recent. */
const ranks = new WeakMap<ReadonlyMap<string, Anchor>, Map<string, number>>();
function rankOf(positions: ReadonlyMap<string, Anchor>): Map<string, number> {
  let rank = ranks.get(positions);
  if (!rank) {
    rank = new Map();
    let i = 0;
    for (const id of positions.keys()) rank.set(id, i++);
    ranks.set(positions, rank);
  }
  return rank;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every entry's index in the order chosen: articles first, then files not read yet, then broken
 * ones; articles by the sort's key (most recent, newest, most comments first), then by title,
 * each by file name among equals. The keys are worked out once per entry before sorting (a
 * comparison that looked them up took most of 10,000 entries' sort).
 */
function sortOrder(state: LibraryState): number[] {
  const { entries, sort } = state;
  const n = entries.length;
  const group = new Uint8Array(n);
  const number = sort === "read" || sort === "comments" ? new Float64Array(n) : undefined;
  const date: string[] | undefined = sort === "date" ? new Array(n) : undefined;
  const title: string[] = new Array(n);
  const rank = sort === "read" ? rankOf(state.positions) : undefined;
  for (let i = 0; i < n; i++) {
    const e = entries[i] as LibraryEntry;
    const f = e.facts;
    group[i] = f ? 0 : e.errors ? 2 : 1;
    title[i] = f ? f.title.toLowerCase() : "";
    if (number) number[i] = !f ? 0 : rank ? (rank.get(f.id) ?? -1) : f.comments;
    if (date) date[i] = f?.published ?? "";
  }
  const order = Array.from({ length: n }, (_, i) => i);
  return order.sort(
    (a, b) =>
      (group[a] as number) - (group[b] as number) ||
      (number ? (number[b] as number) - (number[a] as number) : 0) ||
      (date ? byText(date[b] as string, date[a] as string) : 0) ||
      byText(title[a] as string, title[b] as string) ||
      byText((entries[a] as LibraryEntry).file, (entries[b] as LibraryEntry).file) ||
      a - b,
  );
}

/** Each entry's place in an order (of all entries), worked out once per order. */
const places = new WeakMap<readonly number[], Int32Array>();
function placesIn(all: readonly number[]): Int32Array {
  let at = places.get(all);
  if (!at) {
    at = new Int32Array(all.length);
    for (let p = 0; p < all.length; p++) at[all[p] as number] = p;
    places.set(all, at);
  }
  return at;
}

/** The order anew (after new files, a sort, a filter), keeping the highlight on its entry. */
function reorder(state: LibraryState, keep: number | undefined): LibraryState {
  const all = sortedAll(state);
  const matched = matching(state.entries, state.filter);
  let order: readonly number[] = all;
  if (matched && matched.length * 8 < all.length) {
    // A few matches: sorted by their places (cheaper than going through all 10,000).
    const at = placesIn(all);
    order = matched.slice().sort((a, b) => (at[a] as number) - (at[b] as number));
  } else if (matched) {
    const hit = new Uint8Array(state.entries.length);
    for (const i of matched) hit[i] = 1;
    order = all.filter((i) => hit[i] === 1);
  }
  let cursor = 0;
  if (keep !== undefined) {
    const at = order.indexOf(keep);
    cursor = at >= 0 ? at : Math.min(state.cursor, Math.max(0, order.length - 1));
  }
  return scrolled({ ...state, order, cursor });
}

/** The entry highlighted, if any. */
export function highlighted(state: LibraryState): number | undefined {
  return state.order[state.cursor];
}

/** Rows above the list's first entry: the title, the filter line and the column headings. */
const ROWS_ABOVE = 3;

/**
 * The wheel scrolls the list (three rows a step, the highlight kept on screen); a click on an
 * entry highlights it. Over the help or an error, and outside the entries, nothing happens.
 */
function mouseOnList(state: LibraryState, event: MouseEvent): LibraryState {
  if (state.help || state.errorOf !== undefined || state.order.length === 0) return state;
  const rows = listRows(state);
  if (event.kind === "wheel") {
    const maxTop = Math.max(0, state.order.length - rows);
    const top = Math.max(0, Math.min(maxTop, state.top + event.delta * WHEEL_LINES));
    const cursor = Math.max(top, Math.min(top + rows - 1, state.cursor));
    return { ...state, top, cursor, follow: state.order[cursor] };
  }
  const row = event.row - ROWS_ABOVE;
  if (row < 0 || row >= rows) return state;
  const cursor = state.top + row;
  if (cursor >= state.order.length) return state;
  return { ...state, cursor, follow: state.order[cursor] };
}

/** `top` moved just enough to keep the highlight on screen (and no blank rows at the end). */
function scrolled(state: LibraryState): LibraryState {
  const rows = listRows(state);
  const n = state.order.length;
  const cursor = Math.max(0, Math.min(state.cursor, n - 1));
  let top = Math.min(state.top, Math.max(0, n - rows));
  if (cursor < top) top = cursor;
  if (cursor >= top + rows) top = cursor - rows + 1;
  return { ...state, cursor, top: Math.max(0, top) };
}

// --- the reducer -----------------------------------------------------------------------------

const only = (state: LibraryState): LibraryResult => ({ state, effects: [] });

/** The context a key arrives in. */
export function listContext(state: LibraryState): "list" | "filter" {
  return state.typing ? "filter" : "list";
}

export function stepLibrary(state: LibraryState, action: LibraryAction): LibraryResult {
  switch (action.type) {
    case "resize":
      return only(scrolled({ ...state, cols: action.cols, rows: action.rows }));
    case "mouse":
      return only(mouseOnList(state, action.event));
    case "scanned": {
      const progress = Math.min(
        state.entries.length,
        action.scanned ?? state.scanned + action.items.length,
      );
      if (action.items.length === 0) {
        return only(progress === state.scanned ? state : { ...state, scanned: progress });
      }
      const entries = state.entries.slice();
      for (const item of action.items) {
        const entry = entries[item.index];
        if (!entry) continue;
        entries[item.index] = item.facts
          ? { file: entry.file, facts: item.facts }
          : { file: entry.file, errors: item.errors ?? [] };
      }
      return only(reorder({ ...state, entries, scanned: progress }, state.follow));
    }
    case "read": {
      const positions = new Map(state.positions);
      positions.delete(action.id);
      positions.set(action.id, action.anchor);
      return only(reorder({ ...state, positions, opening: undefined }, state.follow));
    }
    case "openFailed": {
      const entries = state.entries.slice();
      const entry = entries[action.index];
      if (entry) entries[action.index] = { file: entry.file, errors: action.errors };
      const next = reorder({ ...state, entries, opening: undefined }, action.index);
      return only({ ...next, errorOf: action.index, errorTop: 0 });
    }
    case "opened":
      return only({ ...state, opening: undefined });
    case "key": {
      const cleared = state.notice === undefined ? state : { ...state, notice: undefined };
      if (state.typing && state.errorOf === undefined && !state.help) {
        const typed = typedText(action.key);
        if (typed !== undefined) return only(setFilter(cleared, cleared.filter + typed));
      }
      const cmd = state.keymap.commandFor(action.key, listContext(state));
      return cmd ? command(cleared, cmd) : only(cleared);
    }
    case "command":
      return command(state, action.command);
  }
}

/** A key that types into the filter: a printable character, or Space. */
function typedText(key: string): string | undefined {
  if (key === "space") return " ";
  return [...key].length === 1 && key >= " " ? key : undefined;
}

/** A new filter: the best match highlighted; cleared, the article that was highlighted stays so. */
function setFilter(state: LibraryState, filter: string): LibraryState {
  const follow = filter === "" ? highlighted(state) : undefined;
  return reorder({ ...state, filter, cursor: 0, top: 0, follow }, follow);
}

function move(state: LibraryState, to: number): LibraryState {
  const cursor = Math.max(0, Math.min(to, state.order.length - 1));
  return scrolled({ ...state, cursor, follow: state.order[cursor] });
}

function command(state: LibraryState, cmd: Command): LibraryResult {
  if (cmd === "forceQuit") return { state: { ...state, quit: true }, effects: [{ type: "quit" }] };
  const page = listRows(state);
  // The error of a broken file, or the help, is a page of its own: scroll, or close it.
  if (state.errorOf !== undefined || state.help) {
    const key = state.help ? "helpTop" : "errorTop";
    const at = state[key];
    if (cmd === "lineDown") return only({ ...state, [key]: at + 1 });
    if (cmd === "lineUp") return only({ ...state, [key]: Math.max(0, at - 1) });
    if (cmd === "pageDown") return only({ ...state, [key]: at + page });
    if (cmd === "pageUp") return only({ ...state, [key]: Math.max(0, at - page) });
    if (cmd === "top") return only({ ...state, [key]: 0 });
    if (["back", "quit", "choose", "help"].includes(cmd)) {
      return only({ ...state, errorOf: undefined, help: false });
    }
    return only(state);
  }
  switch (cmd) {
    case "lineDown":
      return only(move(state, state.cursor + 1));
    case "lineUp":
      return only(move(state, state.cursor - 1));
    case "pageDown":
      return only(move({ ...state, top: state.top + page }, state.cursor + page));
    case "pageUp":
      return only(move({ ...state, top: Math.max(0, state.top - page) }, state.cursor - page));
    case "top":
      return only(move(state, 0));
    case "bottom":
      return only(move(state, state.order.length - 1));
    case "choose": {
      const index = highlighted(state);
      const typing = false;
      if (index === undefined) return only({ ...state, typing });
      const entry = state.entries[index] as LibraryEntry;
      if (entry.errors) {
        return only({ ...state, typing, errorOf: index, errorTop: 0, follow: index });
      }
      return {
        state: { ...state, typing, opening: index, follow: index },
        effects: [{ type: "open", index }],
      };
    }
    case "search":
      // The matcher and what it looks at are made now, not on the first letter typed.
      fuzzy();
      haystackOf(state.entries);
      return only({ ...state, typing: true });
    case "promptBackspace":
      return only(setFilter(state, [...state.filter].slice(0, -1).join("")));
    case "promptDeleteWord":
      return only(setFilter(state, state.filter.replace(/\S*\s*$/, "")));
    case "promptClear":
      return only(setFilter(state, ""));
    case "sort": {
      const sort = SORTS[(SORTS.indexOf(state.sort) + 1) % SORTS.length] as SortKey;
      const next = reorder({ ...state, sort }, state.follow);
      return {
        state: { ...next, notice: `sorted by ${SORT_NAMES[sort]}` },
        effects: [{ type: "saveSort", sort }],
      };
    }
    case "help":
      return only({ ...state, help: true, helpTop: 0 });
    case "back":
      // Esc: stop typing and clear the filter; with no filter, leave.
      if (state.typing || state.filter !== "") {
        return only({ ...setFilter(state, ""), typing: false });
      }
      return { state: { ...state, quit: true }, effects: [{ type: "quit" }] };
    case "quit":
      return { state: { ...state, quit: true }, effects: [{ type: "quit" }] };
    default:
      return only(state);
  }
}

// --- what a row shows ------------------------------------------------------------------------

/** The share of an article read: undefined (unread), a percentage, or "read". */
export function progressOf(
  facts: Facts,
  positions: ReadonlyMap<string, Anchor>,
): number | "read" | undefined {
  const at = positions.get(facts.id);
  if (!at) return undefined;
  const share = (at.block + Math.max(0, at.fraction)) / facts.bodyBlocks;
  if (share >= 0.95) return "read";
  return Math.max(0, Math.floor(share * 100));
}
