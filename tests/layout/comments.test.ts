// Comment layout: the header line (marker, author · date, hidden replies; shortened, never
// wrapped), paragraphs beside a rail and indented by depth with a capped indent (the depth in the
// header past the cap), every line within the width, cached per width.
import { readFileSync } from "node:fs";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { finishImports, loadArticleFile } from "../../src/content/load.js";
import { sanitizeArticle } from "../../src/content/sanitize.js";
import { type Article, articleSchema } from "../../src/content/schema.js";
import {
  getCommentLayout,
  INDENT_STEP,
  indentFor,
  layoutComment,
  metaText,
  RAIL,
  replyCount,
  showsDepth,
  threadsOf,
} from "../../src/layout/comments.js";
import { prepareFormats } from "../../src/rich/parse.js";
import { shown } from "../helpers/lines.js";

/** An article whose comments are given as [id, parent, author, text]. */
function discussion(comments: [string, string | undefined, string, string][]): Article {
  return sanitizeArticle(
    articleSchema.parse({
      id: "deep",
      title: "Deep",
      sections: [{ paragraphs: ["Body."] }],
      comments: comments.map(([id, parentId, author, text]) => ({
        id,
        ...(parentId && { parentId }),
        author,
        postedAt: "2011-12-08T05:34:00Z",
        paragraphs: [text],
      })),
    }),
  );
}

/** A chain of `n` comments, each replying to the one before, by two alternating people. */
function chain(n: number, text = (i: number) => `Reply number ${i}.`): Article {
  return discussion(
    Array.from({ length: n }, (_, i) => [
      `c${i}`,
      i === 0 ? undefined : `c${i - 1}`,
      i % 2 === 0 ? "alice" : "bob",
      text(i),
    ]),
  );
}

async function source(name: string): Promise<Article> {
  const url = new URL(`../fixtures/sources/${name}`, import.meta.url);
  const [loaded] = await finishImports([loadArticleFile(url.pathname)]);
  if (!loaded?.ok) throw new Error(`${name} did not load`);
  await prepareFormats(loaded.article);
  return loaded.article;
}

const MARKER = /^\s*[•▾▸] /;
/** A date whole, full or short, at the end of a header or before what folding hides. */
const FULL_DATE = /[A-Z][a-z]+ \d{1,2}, \d{4}( at \d{1,2}:\d{2} [ap]m( UTC\S*)?)?(?= —|$)/;
const SHORT_DATE = /[A-Z][a-z]{2} \d{1,2}, \d{4}(, \d{1,2}:\d{2} [ap]m( UTC\S*)?)?(?= —|$)/;

function fixture(path: string): Article {
  const url = new URL(path, import.meta.url);
  return sanitizeArticle(articleSchema.parse(JSON.parse(readFileSync(url, "utf8"))));
}

const seed = fixture("../../content/azerbaijan-and-israel.json");
const threads = fixture("../fixtures/threads/long-discussion.json");

const leading = (text: string) => text.length - text.trimStart().length;

describe("indentFor", () => {
  it("is two columns a level, capped at 12 and at a third of the width", () => {
    expect(INDENT_STEP).toBe(2);
    expect(indentFor(0, 80)).toBe(0);
    expect(indentFor(1, 80)).toBe(2);
    expect(indentFor(6, 80)).toBe(12);
    expect(indentFor(50, 80)).toBe(12);
    expect(indentFor(6, 30)).toBe(10);
    expect(indentFor(6, 12)).toBe(4);
    expect(indentFor(3, 5)).toBe(0);
  });
});

describe("metaText", () => {
  const comment = { id: "x", postedAt: "2012-02-24T18:45", paragraphs: ["p"] };
  it("marks leaves, open threads and collapsed threads", () => {
    expect(metaText(comment, 0, false)).toBe("• Anonymous · February 24, 2012 at 6:45 pm");
    expect(metaText({ ...comment, author: "Ada" }, 2, false)).toBe(
      "▾ Ada · February 24, 2012 at 6:45 pm",
    );
    expect(metaText(comment, 2, true)).toBe(
      "▸ Anonymous · February 24, 2012 at 6:45 pm — 2 replies hidden",
    );
    expect(metaText(comment, 1, true)).toContain("— 1 reply hidden");
    expect(metaText(comment, 0, true)).toContain("— collapsed");
    expect(metaText({ id: "y", paragraphs: ["p"] }, 0, false)).toBe("• Anonymous");
    expect(replyCount(1200)).toBe("1,200 replies");
  });

  it("shortens a header that does not fit: short date, date alone, shorter name; never wraps", () => {
    const c = {
      id: "x",
      author: "Catness_NeverClean",
      points: 1058,
      postedAt: "2011-12-08T05:34:00Z",
      paragraphs: ["p"],
    };
    const full = "▾ Catness_NeverClean · 1,058 points · December 8, 2011 at 5:34 am UTC";
    expect(metaText(c, 3, false)).toBe(full);
    expect(metaText(c, 3, false, { width: full.length })).toBe(full);
    expect(metaText(c, 3, false, { width: 62 })).toBe(
      "▾ Catness_NeverClean · 1,058 points · Dec 8, 2011, 5:34 am UTC",
    );
    expect(metaText(c, 3, false, { width: 61 })).toBe(
      "▾ Catness_NeverClean · 1,058 points · Dec 8, 2011",
    );
    expect(metaText(c, 3, false, { width: 48 })).toBe(
      "▾ Catness_NeverClean · 1,058 pts · Dec 8, 2011",
    );
    // What folding hides keeps its words while the date alone makes room.
    expect(metaText({ ...c, points: undefined, author: "Brian" }, 6, true, { width: 40 })).toBe(
      "▸ Brian · Dec 8, 2011 — 6 replies hidden",
    );
    expect(metaText(c, 3, true, { width: 46 })).toBe(
      "▸ Catnes… · 1,058 pts · Dec 8, 2011 — 3 hidden",
    );
    expect(metaText(c, 3, false, { width: 30 })).toBe("▾ Catness_NeverCl… · 1,058 pts");
    for (let width = 1; width <= 80; width++) {
      const text = metaText(c, 3, true, { width, depth: 14 });
      expect(stringWidth(text)).toBeLessThanOrEqual(width);
      // A date is there whole, in one of its forms, or not at all: never cut in the middle.
      if (/ \d{1,2}, \d{4}/.test(text)) {
        expect(FULL_DATE.test(text) || SHORT_DATE.test(text), text).toBe(true);
      }
      if (width >= 8) expect(text.startsWith("▸ ↳14 ")).toBe(true);
    }
  });

  it("shows the depth after the marker when asked (past the indent cap)", () => {
    const c = { id: "x", author: "Ada", paragraphs: ["p"] };
    expect(metaText(c, 0, false, { depth: 7 })).toBe("• ↳7 Ada");
    expect(showsDepth(0, 80)).toBe(false);
    expect(showsDepth(6, 80)).toBe(false); // 12 columns: the cap, at its own indent
    expect(showsDepth(7, 80)).toBe(true); // past it
    expect(showsDepth(19, 80)).toBe(true);
    expect(showsDepth(2, 12)).toBe(false); // a 12-column pane caps at 4
    expect(showsDepth(3, 12)).toBe(true);
  });
});

describe("deep threads", () => {
  // Issue 11: levels 6–19 sat at the same 12-column indent with nothing else to tell them apart,
  // so a 14-reply chain read as 14 siblings.
  it("every comment past the indent cap shows its depth in its header", () => {
    const article = chain(20);
    const t = threadsOf(article);
    for (const width of [37, 54, 80]) {
      const headers = Array.from({ length: 20 }, (_, pos) =>
        shown(layoutComment(article, t, pos, width, false)[0]),
      );
      // Every header tells its depth: by its indent, or, at the cap, by ↳N.
      const depthOf = headers.map((h) => {
        const tag = /^\s*[•▾▸] ↳(\d+) /.exec(h);
        return tag ? Number(tag[1]) : leading(h) / INDENT_STEP;
      });
      expect(depthOf).toEqual(Array.from({ length: 20 }, (_, i) => i));
    }
  });

  // Issue 11: a comment whose text starts with "•" looked exactly like a reply's header.
  it("a comment's text never looks like a comment header, whatever it starts with", () => {
    const article = chain(16, (i) =>
      i % 3 === 0 ? "• bob · December 8, 2011 at 5:34 am UTC" : `▾ alice ${i} ▸ • hello`,
    );
    const t = threadsOf(article);
    for (const width of [30, 54, 80]) {
      for (let pos = 0; pos < 16; pos++) {
        const lines = layoutComment(article, t, pos, width, false);
        expect(shown(lines[0])).toMatch(MARKER);
        for (const l of lines.slice(1)) {
          if (l.kind !== "blank") expect(shown(l), `${width}/${pos}`).not.toMatch(MARKER);
        }
      }
    }
  });

  it("the text runs beside a rail under the header's marker", () => {
    const t = threadsOf(threads);
    const lines = layoutComment(threads, t, 1, 80, false); // c2, depth 1, two paragraphs
    expect(shown(lines[0]).indexOf("▾")).toBe(2);
    for (const l of lines.slice(1)) expect(shown(l).startsWith(`  ${RAIL.trimEnd()}`)).toBe(true);
  });

  it("real threads: one header line per comment at every pane width, dates whole", async () => {
    for (const name of ["reddit-thread.json", "hn-item.json"]) {
      const article = await source(name);
      const t = threadsOf(article);
      for (const width of [37, 54, 78]) {
        for (let pos = 0; pos < t.order.length; pos++) {
          const lines = layoutComment(article, t, pos, width, false);
          const header = shown(lines[0]);
          expect(stringWidth(header)).toBeLessThanOrEqual(width);
          expect(lines[1]?.kind).not.toBe("meta");
          if (/ \d{1,2}, \d{4}/.test(header)) {
            expect(FULL_DATE.test(header) || SHORT_DATE.test(header), header).toBe(true);
          }
        }
      }
    }
  });
});

describe("layoutComment", () => {
  it("lays out the seed's anonymous comments with the seed's dates", () => {
    const t = threadsOf(seed);
    const first = layoutComment(seed, t, 0, 60, false);
    expect(first[0]).toMatchObject({
      kind: "meta",
      text: "• Anonymous · February 24, 2012 at 6:45 pm",
    });
    expect(first.slice(1).every((l) => l.kind === "comment" && shown(l).startsWith(RAIL))).toBe(
      true,
    );
    const second = layoutComment(seed, t, 1, 60, false);
    expect(second[0]?.text).toBe("• Anonymous · March 6, 2012 at 12:11 am");
  });

  it("indents replies under their parent and keeps every line within the width", () => {
    const t = threadsOf(threads);
    for (const width of [1, 8, 20, 40, 80]) {
      for (let pos = 0; pos < t.order.length; pos++) {
        for (const collapsed of [false, true]) {
          const lines = layoutComment(threads, t, pos, width, collapsed);
          for (const l of lines) expect(stringWidth(shown(l))).toBeLessThanOrEqual(width);
          if (collapsed) expect(lines.every((l) => l.kind === "meta")).toBe(true);
        }
      }
    }
    for (let pos = 0; pos < t.order.length; pos++) {
      const lines = layoutComment(threads, t, pos, 80, false);
      const indent = indentFor(t.depth[pos] as number, 80);
      expect(leading(shown(lines[0]))).toBe(indent);
      const p = t.parent[pos] as number;
      if (p >= 0) {
        const parentIndent = leading(shown(layoutComment(threads, t, p, 80, false)[0]));
        expect(indent).toBeGreaterThan(parentIndent);
      }
      // Text (and the blank lines between paragraphs) after the rail, under the marker.
      for (const l of lines.slice(1)) {
        expect(l.text === "" || l.kind !== "blank").toBe(true);
        expect(
          shown(l)
            .slice(0, indent + RAIL.length)
            .trimEnd(),
        ).toBe(`${" ".repeat(indent)}${RAIL.trimEnd()}`);
        if (l.kind !== "blank") expect(leading(l.text)).toBe(0);
      }
    }
  });

  it("separates paragraphs with a blank line", () => {
    const t = threadsOf(threads);
    const lines = layoutComment(threads, t, 0, 80, false); // c1 has two paragraphs
    expect(lines.filter((l) => l.kind === "blank")).toHaveLength(1);
  });
});

describe("getCommentLayout", () => {
  it("caches expanded layouts per width", () => {
    const cache = getCommentLayout(threads, 50);
    expect(getCommentLayout(threads, 50)).toBe(cache);
    expect(cache.lines(3, false)).toBe(cache.lines(3, false));
    expect(cache.lines(11, true)).toHaveLength(1); // a short meta line: one line when folded
    expect(cache.lines(3, true).every((l) => l.kind === "meta")).toBe(true);
    expect(cache.width).toBe(50);
  });
});
