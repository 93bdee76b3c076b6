// Threads: comments in posting order → reading order (replies under their parent, siblings in
// posting order), with depth, subtree sizes and parents; deep chains need no stack.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sanitizeArticle } from "../../src/content/sanitize.js";
import { type Article, articleSchema, type Comment } from "../../src/content/schema.js";
import { buildThreads } from "../../src/content/threads.js";

function fixture(path: string): Article {
  const url = new URL(path, import.meta.url);
  return sanitizeArticle(articleSchema.parse(JSON.parse(readFileSync(url, "utf8"))));
}

const c = (id: string, parentId?: string): Comment => ({
  id,
  ...(parentId !== undefined && { parentId }),
  paragraphs: [id],
});

function ids(comments: Comment[]): string[] {
  const t = buildThreads(comments);
  return Array.from(t.order, (i) => (comments[i] as Comment).id);
}

describe("buildThreads", () => {
  it("handles no comments", () => {
    const t = buildThreads([]);
    expect(t.order.length).toBe(0);
    expect(t.depth.length).toBe(0);
  });

  it("puts replies under their parent and keeps siblings in posting order", () => {
    const comments = [c("a"), c("b"), c("a1", "a"), c("b1", "b"), c("a2", "a"), c("a1x", "a1")];
    expect(ids(comments)).toEqual(["a", "a1", "a1x", "a2", "b", "b1"]);
    const t = buildThreads(comments);
    expect(Array.from(t.depth)).toEqual([0, 1, 2, 1, 0, 1]);
    expect(Array.from(t.replies)).toEqual([3, 1, 0, 0, 1, 0]);
    expect(Array.from(t.parent)).toEqual([-1, 0, 1, 0, -1, 4]);
  });

  it("treats a reply to an unknown id as top-level", () => {
    const t = buildThreads([c("a"), c("b", "missing")]);
    expect(Array.from(t.depth)).toEqual([0, 0]);
    expect(Array.from(t.parent)).toEqual([-1, -1]);
  });

  it("orders the long-discussion fixture", () => {
    const article = fixture("../fixtures/threads/long-discussion.json");
    const comments = article.comments ?? [];
    expect(comments.length).toBe(26);
    const t = buildThreads(comments);
    const order = Array.from(t.order, (i) => (comments[i] as Comment).id);
    expect(order).toEqual(
      [
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
        26,
      ].map((n) => `c${n}`),
    );
    expect(Array.from(t.depth)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 1, 0, 0, 1, 2, 1, 0, 0, 1, 2, 1, 0, 0, 1, 2, 1,
    ]);
    expect(Math.max(...t.depth)).toBe(6);
    // c1 holds the chain c2..c7; c8 holds c9, c10, c11; c23 holds c24, c25, c26.
    expect(t.replies[0]).toBe(6);
    expect(t.replies[7]).toBe(3);
    expect(t.replies[22]).toBe(3);
    expect(t.replies[11]).toBe(0);
    // Every parent comes before its child and is one level shallower; replies count the subtree.
    for (let pos = 0; pos < t.order.length; pos++) {
      const p = t.parent[pos] as number;
      const comment = comments[t.order[pos] as number] as Comment;
      if (p < 0) {
        expect(t.depth[pos]).toBe(0);
        expect(comment.parentId).toBeUndefined();
      } else {
        expect(p).toBeLessThan(pos);
        expect(t.depth[pos]).toBe((t.depth[p] as number) + 1);
        expect((comments[t.order[p] as number] as Comment).id).toBe(comment.parentId);
        expect(pos).toBeLessThanOrEqual(p + (t.replies[p] as number));
      }
      // The subtree is exactly the following positions that are deeper.
      let end = pos + 1;
      while (end < t.order.length && (t.depth[end] as number) > (t.depth[pos] as number)) end++;
      expect(t.replies[pos]).toBe(end - pos - 1);
    }
  });

  it("builds a 10,000-deep reply chain without overflowing the stack", () => {
    const n = 10_000;
    const comments: Comment[] = [c("0")];
    for (let i = 1; i < n; i++) comments.push(c(String(i), String(i - 1)));
    const t = buildThreads(comments);
    expect(t.order.length).toBe(n);
    expect(t.depth[n - 1]).toBe(n - 1);
    expect(t.replies[0]).toBe(n - 1);
    expect(t.parent[n - 1]).toBe(n - 2);
    expect(t.order[n - 1]).toBe(n - 1);
  });
});
