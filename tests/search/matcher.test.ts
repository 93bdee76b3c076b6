// The matcher: literal text, smart case, offsets in the original text even where lower-casing
// changes a string's length, and the index over an article: matches across a wrap, a style or a
// link, in folded comments, next/previous with wrapping, and a count that agrees with a naive one.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sanitizeArticle } from "../../src/content/sanitize.js";
import { type Article, articleSchema } from "../../src/content/schema.js";
import { prepareFormats } from "../../src/rich/parse.js";
import { SearchIndex } from "../../src/search/index.js";
import { createFinder } from "../../src/search/matcher.js";

const load = (p: string): Article =>
  sanitizeArticle(
    articleSchema.parse(JSON.parse(readFileSync(new URL(p, import.meta.url), "utf8"))),
  );
const seed = load("../../content/azerbaijan-and-israel.json");
const threads = load("../fixtures/threads/long-discussion.json");

const pairs = (text: string, query: string) => {
  const found = createFinder(query).find(text);
  const out: string[] = [];
  for (let i = 0; i < found.length; i += 2) out.push(text.slice(found[i], found[i + 1]));
  return out;
};

describe("createFinder", () => {
  it("ignores case unless the query holds a capital letter", () => {
    expect(pairs("Mossad, MOSSAD and mossad", "mossad")).toEqual(["Mossad", "MOSSAD", "mossad"]);
    expect(pairs("Mossad, MOSSAD and mossad", "Mossad")).toEqual(["Mossad"]);
  });

  it("matches literally: no patterns", () => {
    expect(pairs("a.b a+b (a)", "a.b")).toEqual(["a.b"]);
    expect(pairs("a.b a+b (a)", "(a)")).toEqual(["(a)"]);
  });

  it("maps offsets back where lower-casing changes the length (İ)", () => {
    const text = "İstanbul and İzmir, then istanbul";
    expect("İ".toLowerCase().length).toBe(2);
    expect(pairs(text, "istanbul")).toEqual(["İstanbul", "istanbul"]);
    expect(pairs(text, "izmir")).toEqual(["İzmir"]);
    expect(pairs(text, "and")).toEqual(["and"]);
    // A fold that lengthens (ŉ → ʼn) moves every later offset: they still land on the original.
    expect("ŉ".toLowerCase()).toBe("ŉ");
    const long = "ǅx ﬀ Straße ΣΑΣ x";
    expect(pairs(long, "x")).toEqual(["x", "x"]);
    expect(pairs(long, "σας")).toEqual(["ΣΑΣ"]);
  });

  it("finds nothing for an empty query", () => {
    expect(createFinder("").find("anything")).toEqual([]);
  });
});

describe("SearchIndex", () => {
  it("covers the title, headings, body, bio, note and comments, in reading order", () => {
    const index = new SearchIndex(seed, "azerbaijan");
    while (!index.count(4)) {}
    const naive =
      [
        seed.title,
        ...seed.sections.flatMap((s) => [s.heading ?? "", ...s.paragraphs]),
        seed.author?.bio ?? "",
        seed.source?.note ?? "",
        `2 thoughts on “${seed.title}”`,
        ...(seed.comments ?? []).flatMap((c) => c.paragraphs),
      ]
        .join("\n")
        .toLowerCase()
        .split("azerbaijan").length - 1;
    expect(index.total).toBe(naive);
    expect(index.total).toBeGreaterThan(20);
  });

  it("goes forward and back from a place, wrapping at the ends", () => {
    const index = new SearchIndex(seed, "Rustamov");
    const start = { area: "article" as const, major: 0, minor: 0, offset: 0 };
    const first = index.next(start, true);
    expect(first?.match.area).toBe("comment");
    expect(first?.wrapped).toBe(false);
    const again = index.next(
      { ...(first?.match as NonNullable<typeof first>["match"]), offset: first?.match.start ?? 0 },
      false,
    );
    expect(again?.wrapped).toBe(true);
    expect(again?.match.start).toBe(first?.match.start);
    const back = index.previous(start);
    expect(back?.wrapped).toBe(true);
    expect(back?.match.area).toBe("comment");
  });

  it("finds text inside folded replies and Markdown styles and links", async () => {
    const md: Article = {
      ...threads,
      id: "md",
      format: "markdown",
      sections: [{ paragraphs: ["A **bold claim** with [a linked phrase](https://x.org/) here."] }],
    };
    await prepareFormats(md);
    const index = new SearchIndex(md, "claim with a linked");
    const hit = index.next({ area: "article", major: 0, minor: 0, offset: 0 }, true);
    expect(hit?.match.inline.text.slice(hit.match.start, hit.match.end)).toBe(
      "claim with a linked",
    );
    const deep = new SearchIndex(
      threads,
      (threads.comments?.at(-1)?.paragraphs[0] ?? "").slice(0, 12),
    );
    expect(deep.next({ area: "article", major: 0, minor: 0, offset: 0 }, true)?.match.area).toBe(
      "comment",
    );
  });
});
