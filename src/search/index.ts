// One search over an article: the matches of a query, found on demand and remembered (memoised
// work, like layout: not state). Finding the next match from a place reads only as far as that
// match; counting them all proceeds in chunks the reader runs between keys (`~` until exact).
import type { Article } from "../content/schema.js";
import type { Inline } from "../rich/model.js";
import { createFinder, type Finder } from "./matcher.js";
import { type Area, comparePlaces, inlinesAt, majors, type Place } from "./units.js";

export type Match = Place & { inline: Inline; start: number; end: number };

const AREAS: Area[] = ["article", "comment"];

export class SearchIndex {
  readonly finder: Finder;
  private readonly byInline = new WeakMap<Inline, number[]>();
  /** Matches per place already read: `${area}:${major}` → matches in it. */
  private readonly byMajor = new Map<string, Match[]>();
  /** Counting: the next place to read, and matches counted before it. */
  private countArea = 0;
  private countMajor = 0;
  private counted = 0;
  /** Per area, the number of matches before each major (filled as counting passes). */
  private readonly before = new Map<string, number>();

  constructor(
    readonly article: Article,
    readonly query: string,
  ) {
    this.finder = createFinder(query);
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

  /** The matches in a block of the article or a comment, in order. */
  matchesAt(area: Area, major: number): Match[] {
    const key = `${area}:${major}`;
    let found = this.byMajor.get(key);
    if (!found) {
      found = [];
      const inlines = inlinesAt(this.article, area, major);
      for (let minor = 0; minor < inlines.length; minor++) {
        const inline = inlines[minor] as Inline;
        const offsets = this.offsetsIn(inline);
        for (let k = 0; k < offsets.length; k += 2) {
          found.push({
            area,
            major,
            minor,
            inline,
            start: offsets[k] as number,
            end: offsets[k + 1] as number,
          });
        }
      }
      this.byMajor.set(key, found);
    }
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
        for (let major = first; major < count; major++) {
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
        for (let major = first; major >= 0; major--) {
          const found = this.matchesAt(area, major);
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

  /** Count on for about `chars` characters of text; true when the count is complete. */
  count(chars = 25_000): boolean {
    let read = 0;
    while (!this.countDone && read < chars) {
      const area = AREAS[this.countArea] as Area;
      if (this.countMajor >= majors(this.article, area)) {
        this.countArea++;
        this.countMajor = 0;
        continue;
      }
      this.before.set(`${area}:${this.countMajor}`, this.counted);
      const found = this.matchesAt(area, this.countMajor);
      for (const inline of inlinesAt(this.article, area, this.countMajor))
        read += inline.text.length + 1;
      this.counted += found.length;
      this.countMajor++;
    }
    return this.countDone;
  }

  /** The 1-based number of a match among all, once counting has passed it. */
  ordinal(match: Place & { start: number }): number | undefined {
    const base = this.before.get(`${match.area}:${match.major}`);
    if (base === undefined) return undefined;
    const here = this.matchesAt(match.area, match.major);
    const i = here.findIndex((m) => m.minor === match.minor && m.start === match.start);
    return i < 0 ? undefined : base + i + 1;
  }
}

const indexes = new WeakMap<Article, SearchIndex>();

/** The search of `query` in an article (the last one asked for is kept). */
export function searchOf(article: Article, query: string): SearchIndex {
  let index = indexes.get(article);
  if (!index || index.query !== query) {
    index = new SearchIndex(article, query);
    indexes.set(article, index);
  }
  return index;
}
