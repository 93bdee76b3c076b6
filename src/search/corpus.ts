// The folded (lower-cased) texts search reads, made once per article and kept, so that a query
// that ignores case is looked for with indexOf alone: no lower-casing per query, nothing made per
// match. Places (blocks, comments) are folded in groups of about GROUP_CHARS characters, each
// group kept as one string: few objects for the collector to trace or copy (a string per
// paragraph made and kept while a count runs meant long pauses).
// Texts are joined with a NUL, which no query holds (the prompt takes no control characters): a
// match never runs from one text into the next, so the matches found in a group are exactly
// those found text by text.
import type { Article } from "../content/schema.js";
import { foldText } from "./matcher.js";
import { type Area, majors, sizesOf, textsAt } from "./units.js";

export const JOIN = "\u0000";

/**
 * Source characters per group: enough that a group's string (of plain text; Markdown's loses its
 * markup) is over the 128 KiB above which V8 allocates a string in its large-object space, which
 * the young-generation collector never copies (groups of 16K or 32K characters, copied while a
 * count runs, made a slice of it last 20 ms and more). Folding one takes a millisecond or two.
 */
export const GROUP_CHARS = 128 * 1024;

/**
 * How many places of a group not yet folded are looked at one by one before the group is folded
 * whole: the first keys of a search read the few places near where it starts, and should not
 * wait for a whole group; a long read folds its way.
 */
export const LOOKS_BEFORE_FOLDING = 32;

/** The folded texts of places `first` … `first + starts.length - 2`, one after another. */
export type Group = {
  first: number;
  text: string;
  /** Where each place's texts start in `text` (each text ends with a NUL); then the end. */
  starts: Int32Array;
};

/**
 * The groups of an area, marked out as far as places have been asked for (a search near the top
 * does not read the sizes of every place below).
 */
type Shelf = {
  count: number;
  sizeOf: (major: number) => number;
  /** Per place marked out so far, the group it is in. */
  groupOf: Int32Array;
  /** Per group marked out, its first place. */
  firsts: number[];
  /** Places marked out, and the characters in the last group so far. */
  marked: number;
  size: number;
  groups: (Group | undefined)[];
  /** Per group not folded yet, the places looked at one by one. */
  looks: number[];
};

function shelfOf(article: Article, area: Area): Shelf {
  const count = majors(article, area);
  return {
    count,
    sizeOf: sizesOf(article, area),
    groupOf: new Int32Array(count),
    firsts: [],
    marked: 0,
    size: GROUP_CHARS,
    groups: [],
    looks: [],
  };
}

/** Mark out groups until the one holding `major` is closed (the next has begun, or none will). */
function markOut(shelf: Shelf, major: number): void {
  const { count, groupOf, firsts } = shelf;
  while (shelf.marked < count && (shelf.marked <= major || firsts.length - 1 === groupOf[major])) {
    const place = shelf.marked++;
    if (shelf.size >= GROUP_CHARS) {
      firsts.push(place);
      shelf.size = 0;
    }
    shelf.size += shelf.sizeOf(place);
    groupOf[place] = firsts.length - 1;
  }
}

function fold(article: Article, area: Area, first: number, end: number): Group {
  const places = end - first;
  const texts: string[] = [];
  /** Per place, the index in `texts` just past its own. */
  const ends = new Int32Array(places);
  for (let major = first; major < end; major++) {
    for (const text of textsAt(article, area, major)) texts.push(text);
    ends[major - first] = texts.length;
  }
  // Folded text by text, as the finder folds them (a fold that changes a text's length, İ, moves
  // the places' offsets with it); each text followed by its NUL (an empty last text puts the
  // last one in). Lower-casing short texts one by one is also quicker than one long string of
  // two-byte characters, and the short strings die young.
  const parts = texts.map(foldText);
  parts.push("");
  const starts = new Int32Array(places + 1);
  let offset = 0;
  let t = 0;
  for (let i = 0; i < places; i++) {
    starts[i] = offset;
    for (; t < (ends[i] as number); t++) offset += (parts[t] as string).length + 1;
  }
  starts[places] = offset;
  return { first, text: parts.join(JOIN), starts };
}

const shelves = new WeakMap<Article, Partial<Record<Area, Shelf>>>();

function shelfAt(article: Article, area: Area, major: number): Shelf {
  let byArea = shelves.get(article);
  if (!byArea) {
    byArea = {};
    shelves.set(article, byArea);
  }
  // Made per area on first use: the comments' (their threads) only once a search reaches them.
  byArea[area] ??= shelfOf(article, area);
  const shelf = byArea[area];
  markOut(shelf, major);
  return shelf;
}

/** The group holding place `major` of `area`, folded on first use. */
export function groupAt(article: Article, area: Area, major: number): Group {
  const shelf = shelfAt(article, area, major);
  const g = shelf.groupOf[major] as number;
  let group = shelf.groups[g];
  if (!group) {
    const end = shelf.firsts[g + 1] ?? shelf.count;
    group = fold(article, area, shelf.firsts[g] as number, end);
    shelf.groups[g] = group;
  }
  return group;
}

/** Whether the group holding place `major` is folded already. */
export function isFolded(article: Article, area: Area, major: number): boolean {
  const shelf = shelfAt(article, area, major);
  return shelf.groups[shelf.groupOf[major] as number] !== undefined;
}

/**
 * The group holding place `major`, if it is folded, or once enough of its places have been
 * looked at one by one (LOOKS_BEFORE_FOLDING); else undefined, and the caller reads the place.
 */
export function groupIfFolded(article: Article, area: Area, major: number): Group | undefined {
  const shelf = shelfAt(article, area, major);
  const g = shelf.groupOf[major] as number;
  if (shelf.groups[g]) return shelf.groups[g];
  const looks = (shelf.looks[g] ?? 0) + 1;
  shelf.looks[g] = looks;
  return looks > LOOKS_BEFORE_FOLDING ? groupAt(article, area, major) : undefined;
}

/** The place (index into `starts`) whose texts hold offset `at` of a group's text. */
export function placeIn(group: Group, at: number): number {
  const { starts } = group;
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
