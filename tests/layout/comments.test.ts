// Comment layout: the meta line (marker, author · date, hidden replies), paragraphs indented by
// depth with a capped indent, every line within the width, cached per width.
import { readFileSync } from "node:fs";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { sanitizeArticle } from "../../src/content/sanitize.js";
import { type Article, articleSchema } from "../../src/content/schema.js";
import {
  getCommentLayout,
  INDENT_STEP,
  indentFor,
  layoutComment,
  metaText,
  replyCount,
  threadsOf,
} from "../../src/layout/comments.js";
import { shown } from "../helpers/lines.js";

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
});

describe("layoutComment", () => {
  it("lays out the seed's anonymous comments with the seed's dates", () => {
    const t = threadsOf(seed);
    const first = layoutComment(seed, t, 0, 60, false);
    expect(first[0]).toMatchObject({
      kind: "meta",
      text: "• Anonymous · February 24, 2012 at 6:45 pm",
    });
    expect(first.slice(1).every((l) => l.kind === "comment" && shown(l).startsWith("  "))).toBe(
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
      for (const l of lines.slice(1)) {
        if (l.kind === "blank") expect(l.text).toBe("");
        else expect(leading(shown(l))).toBe(indent + 2);
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
