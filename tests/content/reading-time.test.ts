// Reading time: words at 238 a minute, rounded, "N min"; a very long body is counted from an even
// sample of its paragraphs and must stay close to the exact count; the status line's "left".
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  articleWords,
  countWords,
  minutesText,
  readingMinutes,
  readingTime,
} from "../../src/content/reading-time.js";
import type { Article } from "../../src/content/schema.js";
import { readingLeft } from "../../src/layout/reading.js";

const seed = JSON.parse(
  readFileSync(new URL("../../content/azerbaijan-and-israel.json", import.meta.url), "utf8"),
) as Article;

describe("reading time", () => {
  it("counts words between white space of any kind", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("  one\ttwo\nthree\u00a0four  ")).toBe(4);
    expect(countWords("naïve café—déjà vu")).toBe(3);
  });

  it("rounds minutes at 238 words a minute, at least 1 for any text", () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(238 * 6)).toBe(6);
    expect(readingMinutes(238 * 6 + 118)).toBe(6);
    expect(readingMinutes(238 * 6 + 120)).toBe(7);
    expect(minutesText(1234)).toBe("1,234 min");
  });

  it("the seed: its body's words, exactly", () => {
    let words = 0;
    for (const s of seed.sections) {
      words += s.heading ? s.heading.split(/\s+/).filter(Boolean).length : 0;
      for (const p of s.paragraphs) words += p.split(/\s+/).filter(Boolean).length;
    }
    expect(articleWords(seed)).toBe(words);
    expect(readingTime(seed)).toBe(minutesText(Math.round(words / 238)));
  });

  it("a body of millions of characters is estimated within 1% from a sample", () => {
    const paragraphs = Array.from({ length: 40_000 }, (_, i) =>
      `${"word ".repeat(5 + (i % 37))}end`.replace(/word/g, i % 3 ? "a" : "longer"),
    );
    const article = { ...seed, sections: [{ heading: "All", paragraphs }] } as Article;
    const exact = 1 + paragraphs.reduce((n, p) => n + p.split(" ").length, 0);
    const got = articleWords(article);
    expect(Math.abs(got - exact) / exact).toBeLessThan(0.01);
  });

  it("what is left goes down from the whole to nothing through the article", () => {
    const total = readingMinutes(articleWords(seed));
    expect(readingLeft(seed, 0)).toEqual({ total, left: total });
    const last = 10_000; // past the end: the end matter
    expect(readingLeft(seed, last)).toEqual({ total, left: 0 });
    const middle = readingLeft(seed, 12).left;
    expect(middle).toBeGreaterThan(0);
    expect(middle).toBeLessThan(total);
  });
});
