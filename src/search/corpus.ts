// The folded (lower-cased) texts search reads, made once per article and kept, so that a query
// that ignores case is looked for with indexOf alone: no lower-casing per query, nothing made per
// match. Places (blocks, comments) are folded in groups of about GROUP_CHARS characters, each
// group one string, made from one join and one toLowerCase: few objects for the collector to
// trace or copy (a string per paragraph made and kept while a count runs meant long pauses).
// Texts are joined with a NUL, which no query holds (the prompt takes no control characters): a
// match never runs from one text into the next, so the matches found in a group are exactly
// those found text by text.
import type { Article } from "../content/schema.js";
import { foldText } from "./matcher.js";
import { type Area, sizesOf, textsAt } from "./units.js";

export const JOIN = "\u0000";

/**
 * Source characters per group: folded in a millisecond or two (the first key of a search may
 * wait for one). Text outside Latin-1 takes two bytes a character, which puts such a group over
 * the 128 KiB above which V8 allocates a string apart; a Latin-1 group is copied once or twice
 * by the young-generation collector (64 KiB: little), then no more.
 */
export const GROUP_CHARS = 64 * 1024;

/** The folded texts of places `first` … `first + starts.length - 2`, one after another. */
export type Group = {
  first: number;
  text: string;
  /** Where each place's texts start in `text` (each text ends with a NUL); then the end. */
  starts: Int32Array;
};

type Shelf = {
  /** Per place, the group it is in. */
  groupOf: Int32Array;
  /** Per group, its first place; then the number of places. */
  firsts: Int32Array;
  groups: (Group | undefined)[];
};

function shelfOf(article: Article, area: Area): Shelf {
  const sizes = sizesOf(article, area);
  const count = sizes.length;
  const groupOf = new Int32Array(count);
  const firsts: number[] = [];
  let size = GROUP_CHARS;
  for (let major = 0; major < count; major++) {
    if (size >= GROUP_CHARS) {
      firsts.push(major);
      size = 0;
    }
    size += sizes[major] as number;
    groupOf[major] = firsts.length - 1;
  }
  firsts.push(count);
  return { groupOf, firsts: Int32Array.from(firsts), groups: new Array(firsts.length - 1) };
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
  // Each text followed by its NUL (an empty last text puts the last one in).
  texts.push("");
  const joined = texts.join(JOIN);
  // Lower-cased all at once: a NUL is neither cased nor case-ignorable, so no text's lower case
  // (a final sigma) depends on its neighbours. Where a character's fold changes the length (İ),
  // text by text instead (foldText), and the places' offsets follow the folded lengths.
  const lower = joined.toLowerCase();
  const same = lower.length === joined.length && !joined.includes("\u0130");
  const parts = same ? texts : texts.map(foldText);
  const starts = new Int32Array(places + 1);
  let offset = 0;
  let t = 0;
  for (let i = 0; i < places; i++) {
    starts[i] = offset;
    for (; t < (ends[i] as number); t++) offset += (parts[t] as string).length + 1;
  }
  starts[places] = offset;
  return { first, text: same ? lower : parts.join(JOIN), starts };
}

const shelves = new WeakMap<Article, Partial<Record<Area, Shelf>>>();

/** The group holding place `major` of `area`, folded on first use. */
export function groupAt(article: Article, area: Area, major: number): Group {
  let byArea = shelves.get(article);
  if (!byArea) {
    byArea = {};
    shelves.set(article, byArea);
  }
  // Made per area on first use: the comments' (their threads) only once a search reaches them.
  byArea[area] ??= shelfOf(article, area);
  const { groupOf, firsts, groups } = byArea[area];
  const g = groupOf[major] as number;
  let group = groups[g];
  if (!group) {
    group = fold(article, area, firsts[g] as number, firsts[g + 1] as number);
    groups[g] = group;
  }
  return group;
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
