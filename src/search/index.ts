// One search over an article: the matches of a query, found on demand (memoised work, like
// layout: not state). Finding the next match from a place reads only as far as that match, and
// skips a place without a match by an indexOf over its folded text (corpus.ts) before making any
// Match. Counting them all goes on in slices of a few milliseconds that the reader runs between
// keys (`~` until exact); it keeps only numbers (the count before each place, and which places
// hold none), never the matches themselves. A query made by typing on (`pipelin` → `pipeline`)
// starts out knowing the places where the shorter one was not found: the longer cannot be there.
import type { Article } from "../content/schema.js";
import type { Inline } from "../rich/model.js";
import { groupAt, groupIfFolded, isFolded, placeIn } from "./corpus.js";
import { createFinder, type Finder, foldText, occurrences } from "./matcher.js";
import { type Area, comparePlaces, inlinesAt, majors, type Place, textsAt } from "./units.js";

export type Match = Place & { inline: Inline; start: number; end: number };

const AREAS: Area[] = ["article", "comment"];

const NONE: readonly Match[] = Object.freeze([]);

export class SearchIndex {
  readonly finder: Finder;
  private readonly byInline = new WeakMap<Inline, number[]>();
  /** Matches per place already read, per area and place. */
  private readonly byMajor: Record<Area, Map<number, readonly Match[]>> = {
    article: new Map(),
    comment: new Map(),
  };
  /** Per area, 1 for each place known to hold no match. */
  private readonly empty: Record<Area, Uint8Array>;
  /**
   * Per area, the number of matches before each place, filled as counting passes (made when
   * counting begins: typing a query never counts).
   */
  private counts?: Record<Area, Int32Array>;
  /** Counting: the next place to read, and matches counted before it. */
  private countArea = 0;
  private countMajor = 0;
  private counted = 0;
  /** Counting inside a group's folded text: the offset to read from next (-1: a new group). */
  private countFrom = -1;

  /**
   * `shorter`: an earlier search of this article whose query this one's contains (same case
   * rule); the places where it found nothing are skipped from the start.
   */
  constructor(
    readonly article: Article,
    readonly query: string,
    shorter?: SearchIndex,
  ) {
    this.finder = createFinder(query);
    const sizes = { article: majors(article, "article"), comment: majors(article, "comment") };
    this.empty =
      shorter && this.narrows(shorter)
        ? { article: shorter.empty.article.slice(), comment: shorter.empty.comment.slice() }
        : { article: new Uint8Array(sizes.article), comment: new Uint8Array(sizes.comment) };
  }

  /** Whether every match of this search lies where `other` found one. */
  private narrows(other: SearchIndex): boolean {
    const a = this.finder;
    const b = other.finder;
    return (
      other.article === this.article &&
      a.exact === b.exact &&
      b.needle !== "" &&
      a.needle.includes(b.needle)
    );
  }

  /** [start, end) pairs of the matches in one text. */
  offsetsIn(inline: Inline): number[] {
    let found = this.byInline.get(inline);
    if (!found) {
      found = this.finder.find(inline.text);
      this.byInline.set(inline, found);
    }
    return found;
  }

  /**
   * Whether a place holds a match at all. Reading a group's folded text finds the nearest match
   * in the direction of travel, so every place passed on the way is remembered as holding none.
   */
  private holds(area: Area, major: number, backward = false): boolean {
    const empty = this.empty[area];
    if (empty[major]) return false;
    const { exact, needle } = this.finder;
    if (needle === "") return false;
    const group = exact ? undefined : groupIfFolded(this.article, area, major);
    if (!group) {
      // The place alone: its texts as they are, or folded one by one.
      for (const text of textsAt(this.article, area, major)) {
        if ((exact ? text : foldText(text)).includes(needle)) return true;
      }
      empty[major] = 1;
      return false;
    }
    const { first, text, starts } = group;
    const i = major - first;
    const from = starts[i] as number;
    const to = starts[i + 1] as number;
    if (!backward) {
      const at = text.indexOf(needle, from);
      if (at >= 0 && at < to) return true;
      empty.fill(1, major, at < 0 ? first + starts.length - 1 : first + placeIn(group, at));
    } else {
      const at = to - needle.length < 0 ? -1 : text.lastIndexOf(needle, to - needle.length);
      if (at >= from) return true;
      empty.fill(1, at < 0 ? first : first + placeIn(group, at) + 1, major + 1);
    }
    return false;
  }

  /** The counts before each place of an area (see `counts`). */
  private countsOf(area: Area): Int32Array {
    this.counts ??= {
      article: new Int32Array(majors(this.article, "article")),
      comment: new Int32Array(majors(this.article, "comment")),
    };
    return this.counts[area];
  }

  /** Counts on through one place (exact case: its texts as they are). */
  private countPlace(area: Area, major: number): void {
    this.countsOf(area)[major] = this.counted;
    if (this.empty[area][major]) return;
    let n = 0;
    for (const text of textsAt(this.article, area, major))
      n += occurrences(text, this.finder.needle);
    if (n === 0) this.empty[area][major] = 1;
    this.counted += n;
  }

  /**
   * Counts on through the group holding place countMajor (case ignored: its folded text), until
   * the group ends or the deadline passes; then it goes on from countFrom, the next offset to read.
   */
  private countGroup(area: Area, deadline: number): void {
    const group = groupAt(this.article, area, this.countMajor);
    const { first, text, starts } = group;
    const before = this.countsOf(area);
    const empty = this.empty[area];
    const needle = this.finder.needle;
    const places = starts.length - 1;
    let i = this.countMajor - first;
    let n = this.counted;
    if (this.countFrom < 0) {
      before[first + i] = n;
      this.countFrom = starts[i] as number;
    }
    let found = 0;
    for (
      let at = text.indexOf(needle, this.countFrom);
      at >= 0;
      at = text.indexOf(needle, at + needle.length)
    ) {
      while ((starts[i + 1] as number) <= at) {
        if (before[first + i] === n) empty[first + i] = 1;
        i++;
        before[first + i] = n;
      }
      n++;
      // A common word matches thousands of times in a group: the clock is read now and then.
      if ((++found & 1023) === 0 && performance.now() >= deadline) {
        this.countMajor = first + i;
        this.counted = n;
        this.countFrom = at + needle.length;
        return;
      }
    }
    for (;;) {
      if (before[first + i] === n) empty[first + i] = 1;
      if (i + 1 >= places) break;
      i++;
      before[first + i] = n;
    }
    this.counted = n;
    this.countMajor = first + places;
    this.countFrom = -1;
  }

  /**
   * The matches in a block of the article or a comment, in order (`backward`: asked while going
   * back, which tells the places before this one that hold none).
   */
  matchesAt(area: Area, major: number, backward = false): readonly Match[] {
    const byMajor = this.byMajor[area];
    let found = byMajor.get(major);
    if (found) return found;
    if (!this.holds(area, major, backward)) return NONE;
    const made: Match[] = [];
    const inlines = inlinesAt(this.article, area, major);
    for (let minor = 0; minor < inlines.length; minor++) {
      const inline = inlines[minor] as Inline;
      const offsets = this.offsetsIn(inline);
      for (let k = 0; k < offsets.length; k += 2) {
        made.push({
          area,
          major,
          minor,
          inline,
          start: offsets[k] as number,
          end: offsets[k + 1] as number,
        });
      }
    }
    found = made;
    byMajor.set(major, found);
    return found;
  }

  /**
   * The first match after (or at, when `inclusive`) a place and offset, going forward; wraps
   * around at the end. `wrapped` says whether it did. Undefined when there is none at all.
   */
  next(
    from: Place & { offset: number },
    inclusive: boolean,
  ): { match: Match; wrapped: boolean } | undefined {
    const after = (m: Match) => {
      const c = comparePlaces(m, from);
      return c > 0 || (c === 0 && (inclusive ? m.start >= from.offset : m.start > from.offset));
    };
    for (let pass = 0; pass < 2; pass++) {
      for (let a = AREAS.indexOf(from.area) * (1 - pass); a < AREAS.length; a++) {
        const area = AREAS[a] as Area;
        const count = majors(this.article, area);
        const first = pass === 0 && area === from.area ? from.major : 0;
        const empty = this.empty[area];
        for (let major = first; major < count; major++) {
          // Places known to hold nothing are passed over at the speed of a memory scan.
          major = empty.indexOf(0, major);
          if (major < 0) break;
          for (const m of this.matchesAt(area, major))
            if (pass === 1 || after(m)) return { match: m, wrapped: pass === 1 };
        }
      }
    }
    return undefined;
  }

  /** The last match before a place and offset, going backward; wraps around at the start. */
  previous(from: Place & { offset: number }): { match: Match; wrapped: boolean } | undefined {
    const before = (m: Match) => {
      const c = comparePlaces(m, from);
      return c < 0 || (c === 0 && m.start < from.offset);
    };
    for (let pass = 0; pass < 2; pass++) {
      const startArea = pass === 0 ? AREAS.indexOf(from.area) : AREAS.length - 1;
      for (let a = startArea; a >= 0; a--) {
        const area = AREAS[a] as Area;
        const count = majors(this.article, area);
        const first =
          pass === 0 && area === from.area ? Math.min(from.major, count - 1) : count - 1;
        const empty = this.empty[area];
        for (let major = first; major >= 0; major--) {
          major = empty.lastIndexOf(0, major);
          if (major < 0) break;
          const found = this.matchesAt(area, major, true);
          for (let k = found.length - 1; k >= 0; k--) {
            const m = found[k] as Match;
            if (pass === 1 || before(m)) return { match: m, wrapped: pass === 1 };
          }
        }
      }
    }
    return undefined;
  }

  get countDone(): boolean {
    return this.countArea >= AREAS.length;
  }

  /** Matches counted so far (all of them once countDone). */
  get total(): number {
    return this.counted;
  }

  /**
   * Count on for about `budgetMs` milliseconds (the reader's slice, ui/slices.ts); true when the
   * count is complete.
   */
  count(budgetMs: number): boolean {
    const start = performance.now();
    const deadline = start + budgetMs;
    const { exact, needle } = this.finder;
    let places = 0;
    while (this.countArea < AREAS.length) {
      const area = AREAS[this.countArea] as Area;
      if (this.countMajor >= majors(this.article, area) || needle === "") {
        this.countArea++;
        this.countMajor = 0;
        continue;
      }
      if (exact) {
        this.countPlace(area, this.countMajor++);
        // The clock is read every few places: a place is at most a block or a comment.
        if ((++places & 7) === 0 && performance.now() >= deadline) break;
      } else {
        // A group not folded yet takes a few milliseconds to fold: not begun late in a slice.
        const folded = isFolded(this.article, area, this.countMajor);
        if (!folded && performance.now() - start > budgetMs / 2 && places > 0) break;
        this.countGroup(area, deadline);
        places++;
        if (performance.now() >= deadline) break;
      }
    }
    return this.countDone;
  }

  /** The 1-based number of a match among all, once counting has passed it. */
  ordinal(match: Place & { start: number }): number | undefined {
    const a = AREAS.indexOf(match.area);
    if (a > this.countArea || (a === this.countArea && match.major >= this.countMajor)) {
      return undefined;
    }
    const base = this.countsOf(match.area)[match.major] as number;
    const here = this.matchesAt(match.area, match.major);
    const i = here.findIndex((m) => m.minor === match.minor && m.start === match.start);
    return i < 0 ? undefined : base + i + 1;
  }
}

const indexes = new WeakMap<Article, SearchIndex>();

/**
 * The search of `query` in an article (the last one asked for is kept, and a longer query typed
 * after it starts from what it knows).
 */
export function searchOf(article: Article, query: string): SearchIndex {
  let index = indexes.get(article);
  if (!index || index.query !== query) {
    index = new SearchIndex(article, query, index);
    indexes.set(article, index);
  }
  return index;
}
