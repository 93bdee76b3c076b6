// The search index against a plain reference built from what is drawn (every text of every
// place, matched by createFinder one text at a time): the folded groups say the same as folding
// text by text, and the count, the ordinals, next and previous agree with the reference on an
// article long enough for many groups, counted in slices of any size, and after narrowing from a
// shorter query.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module of the bench, without types
import { generateArticle, generateMarkdownArticle } from "../../scripts/bench/generate.mjs";
import { sanitizeArticle } from "../../src/content/sanitize.js";
import { type Article, articleSchema } from "../../src/content/schema.js";
import { prepareFormats } from "../../src/rich/parse.js";
import { GROUP_CHARS, groupAt, JOIN } from "../../src/search/corpus.js";
import { SearchIndex } from "../../src/search/index.js";
import { createFinder, foldText } from "../../src/search/matcher.js";
import { type Area, inlinesAt, majors, textsAt } from "../../src/search/units.js";

const parse = (data: unknown): Article => sanitizeArticle(articleSchema.parse(data));
const load = (p: string): Article =>
  parse(JSON.parse(readFileSync(new URL(p, import.meta.url), "utf8")));
const seed = load("../../content/azerbaijan-and-israel.json");
const long = parse(
  generateArticle({ id: "long", title: "Long", paragraphs: 4000, comments: 2500 }),
);
const markdown = parse(
  generateMarkdownArticle({ id: "md", title: "Marked", paragraphs: 1500, comments: 300 }),
);
/** Texts whose lower case is longer (İ) or depends on the letter's place in a word (Σ). */
const folding = parse({
  id: "folding",
  title: "İstanbul and ΟΔΟΣ",
  sections: [
    { paragraphs: ["İZMİR, İzmir and izmir", "ΣΑΣ ΣΟΦΟΣ σας", "plain words", "Straße ǅ ﬀ"] },
  ],
  comments: [{ id: "c1", author: "A", paragraphs: ["İİİ then i", "ΟΔΟΣ"] }],
});
/** Final sigmas at the ends of texts: the NUL after each must not change how a text folds. */
const sigma = parse({
  id: "sigma",
  title: "ΟΔΟΣ",
  sections: [{ paragraphs: ["ΣΑΣ", "ΟΔΟΣ ΣΟΦΟΣ", "Σ", "ΣΟΦΟΣ."] }],
  comments: [{ id: "c1", author: "A", paragraphs: ["ΣΑΣ"] }],
});

const AREAS: Area[] = ["article", "comment"];
type Hit = { area: Area; major: number; minor: number; start: number };

/** Every match in reading order, found text by text. */
function reference(article: Article, query: string): Hit[] {
  const finder = createFinder(query);
  const out: Hit[] = [];
  for (const area of AREAS) {
    for (let major = 0; major < majors(article, area); major++) {
      inlinesAt(article, area, major).forEach((inline, minor) => {
        const found = finder.find(inline.text);
        for (let k = 0; k < found.length; k += 2) {
          out.push({ area, major, minor, start: found[k] as number });
        }
      });
    }
  }
  return out;
}

const order = (h: Hit) => [AREAS.indexOf(h.area), h.major, h.minor, h.start];
function compare(a: Hit, b: Hit): number {
  const x = order(a);
  const y = order(b);
  for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return 0;
}
/** The index of the first hit for which `past` holds (hits are in order; `past` flips once). */
function firstWhere(all: Hit[], past: (m: Hit) => boolean): number {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(all[mid] as Hit)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
const hit = (m: Hit | undefined) =>
  m && { area: m.area, major: m.major, minor: m.minor, start: m.start };

/** Places to search from: every few places of each area, at a few offsets. */
function places(article: Article): (Hit & { offset: number })[] {
  const out: (Hit & { offset: number })[] = [];
  for (const area of AREAS) {
    const n = majors(article, area);
    for (let major = 0; major < n; major += Math.max(1, Math.floor(n / 37))) {
      for (const offset of [0, 7, 40]) out.push({ area, major, minor: 0, start: offset, offset });
    }
  }
  return out;
}

function countAll(index: SearchIndex, budgetMs = 4): number {
  let slices = 1;
  while (!index.count(budgetMs)) slices++;
  return slices;
}

describe("the folded groups", () => {
  it("hold each place's texts as foldText folds them, a NUL after each", async () => {
    await prepareFormats(markdown);
    for (const article of [seed, long, markdown, folding, sigma]) {
      for (const area of AREAS) {
        for (let major = 0; major < majors(article, area); major++) {
          const group = groupAt(article, area, major);
          const i = major - group.first;
          const slice = group.text.slice(group.starts[i], group.starts[i + 1]);
          const texts = textsAt(article, area, major);
          expect(slice).toBe(texts.map((t) => foldText(t) + JOIN).join(""));
        }
      }
    }
    // The long article is folded in many groups, in both areas.
    expect(groupAt(long, "article", majors(long, "article") - 1).first).toBeGreaterThan(0);
    expect(groupAt(long, "comment", majors(long, "comment") - 1).first).toBeGreaterThan(0);
    expect(GROUP_CHARS).toBeLessThan(300_000);
  });

  it("read the same texts as are drawn (plain text read as it is)", async () => {
    await prepareFormats(markdown);
    for (const article of [seed, long, markdown, folding, sigma]) {
      for (const area of AREAS) {
        for (let major = 0; major < majors(article, area); major++) {
          const drawn = inlinesAt(article, area, major).map((inline) => inline.text);
          expect(textsAt(article, area, major)).toEqual(drawn);
        }
      }
    }
  });
});

describe("SearchIndex against the reference", () => {
  const cases: [string, Article, string][] = [
    ["a common word", long, "the"],
    ["one letter", long, "e"],
    ["a rare word", long, "zürich"],
    ["smart case", long, "Zürich"],
    ["a wide word", long, "東京"],
    ["nothing", long, "qqqzz"],
    ["Markdown", markdown, "and"],
    ["İ", folding, "i"],
    ["final sigma", folding, "σας"],
    ["capital İ", folding, "İzmir"],
    ["sigma at a text's end", sigma, "ος"],
    ["sigma inside a word", sigma, "σα"],
    ["the seed", seed, "azerbaijan"],
  ];

  it.each(cases)("%s: count and ordinals", async (_, article, query) => {
    await prepareFormats(markdown);
    const all = reference(article, query);
    for (const budget of [undefined, 0]) {
      const index = new SearchIndex(article, query);
      const slices = countAll(index, budget);
      expect(index.total).toBe(all.length);
      if (budget === 0 && all.length > 2_000) expect(slices).toBeGreaterThan(1);
      for (const [k, m] of all.entries()) {
        if (k % Math.max(1, Math.floor(all.length / 200)) === 0) {
          expect(index.ordinal(m)).toBe(k + 1);
        }
      }
    }
  });

  it.each(cases)("%s: next and previous from anywhere", async (_, original, query) => {
    await prepareFormats(markdown);
    // A copy: nothing of it folded yet, so places are read one by one until groups are folded.
    const article = { ...original };
    const all = reference(article, query);
    const index = new SearchIndex(article, query);
    for (const from of places(article)) {
      const at = { ...from, start: from.offset };
      const atOrAfter = firstWhere(all, (m) => compare(m, at) >= 0);
      const forward = all[atOrAfter];
      const after = all[firstWhere(all, (m) => compare(m, at) > 0)];
      const before = atOrAfter > 0 ? all[atOrAfter - 1] : undefined;
      expect(hit(index.next(from, true)?.match)).toEqual(hit(forward ?? all[0]));
      expect(index.next(from, true)?.wrapped ?? false).toBe(!forward && all.length > 0);
      expect(hit(index.next(from, false)?.match)).toEqual(hit(after ?? all[0]));
      expect(hit(index.previous(from)?.match)).toEqual(hit(before ?? all.at(-1)));
      expect(index.previous(from)?.wrapped ?? false).toBe(!before && all.length > 0);
    }
  });

  it("a query typed on from a shorter one finds and counts the same", () => {
    let shorter: SearchIndex | undefined;
    for (const query of ["z", "zü", "zür", "züri", "zürich", "zürichx"]) {
      const index = new SearchIndex(long, query, shorter);
      const fresh = new SearchIndex(long, query);
      for (const from of places(long)) {
        expect(hit(index.next(from, true)?.match)).toEqual(hit(fresh.next(from, true)?.match));
        expect(hit(index.previous(from)?.match)).toEqual(hit(fresh.previous(from)?.match));
      }
      countAll(index);
      countAll(fresh);
      expect(index.total).toBe(fresh.total);
      expect(index.total).toBe(reference(long, query).length);
      shorter = index;
    }
  });
});
