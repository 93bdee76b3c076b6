// Foreign discussion JSON opens as an article: real saved answers of Hacker News (Algolia),
// Reddit, Lobsters and Discourse (tests/fixtures/sources/) keep their titles, every comment under
// the right parent, and their texts; odd fields open with what makes sense and say what was left out.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  finishImports,
  type Loaded,
  loadArticleFile,
  loadImporters,
  parseArticle,
} from "../../src/content/load.js";
import type { Article } from "../../src/content/schema.js";

const dir = "tests/fixtures/sources/";
const raw = (file: string): unknown => JSON.parse(readFileSync(`${dir}${file}`, "utf8"));
const encode = (data: unknown) => new TextEncoder().encode(JSON.stringify(data));

function articleOf(loaded: Loaded): Article {
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  return loaded.article;
}

/** Parent ids as the source gives them, flattened from nested `children`/`replies`. */
type Edge = { id: string; parent?: string; text?: string };

beforeAll(async () => {
  await loadImporters();
});

describe("before the importers are loaded", () => {
  it("a foreign file waits for finishImports, which loads them and imports it", async () => {
    // A fresh module graph: the importers are not loaded in it yet.
    vi.resetModules();
    const fresh = await import("../../src/content/load.js");
    const pending = fresh.loadArticleFile(`${dir}lobsters-story.json`);
    expect(pending.ok).toBe(false);
    const [done] = await fresh.finishImports([pending]);
    expect(articleOf(done as Loaded).title).toBe("Ranking comments by sum of replies' scores");
  });

  it("finishImports leaves Lectern articles as they are", async () => {
    const entry = loadArticleFile("content/azerbaijan-and-israel.json");
    expect(await finishImports([entry])).toEqual([entry]);
  });
});

describe("Hacker News (Algolia items API)", () => {
  const item = raw("hn-item.json") as Record<string, unknown>;
  const edges: Edge[] = [];
  const walk = (nodes: unknown[], parent?: string) => {
    for (const node of nodes as { id: number; text: string | null; children: unknown[] }[]) {
      edges.push({ id: String(node.id), parent, text: node.text ?? undefined });
      walk(node.children, String(node.id));
    }
  };
  walk(item.children as unknown[]);

  it("keeps the title, the link as the body, and all 200+ comments under their parents", () => {
    const article = articleOf(loadArticleFile(`${dir}hn-item.json`));
    expect(article.id).toBe("hn-25015967");
    expect(article.title).toBe("Biden wins White House, vowing new direction for divided U.S.");
    expect(article.format).toBe("html");
    expect(article.author?.name).toBe("granzymes");
    expect(article.published).toBe("2020-11-07T16:25:47Z");
    expect(article.sections[0]?.paragraphs[0]).toContain("https://apnews.com/article/");
    expect(edges.length).toBeGreaterThan(100);
    const comments = article.comments ?? [];
    expect(comments.map((c) => [c.id, c.parentId])).toEqual(edges.map((e) => [e.id, e.parent]));
    const dang = comments.find((c) => c.id === "25017129");
    expect(dang?.author).toBe("dang");
    expect(dang?.paragraphs[0]).toMatch(/^<p>All: before reading further/);
  });

  it("deleted comments stay in place, so their replies keep their parents", () => {
    const loaded = loadArticleFile(`${dir}hn-item.json`);
    const deleted = edges.filter((e) => e.text === undefined);
    expect(deleted.length).toBeGreaterThan(0);
    for (const e of deleted) {
      const c = articleOf(loaded).comments?.find((x) => x.id === e.id);
      expect(c?.paragraphs).toEqual(["[deleted]"]);
      expect(c?.author).toBeUndefined();
    }
  });
});

describe("Reddit thread JSON", () => {
  const listings = raw("reddit-thread.json") as { data: { children: unknown[] } }[];
  type Thing = { kind: string; data: Record<string, unknown> };
  const edges: Edge[] = [];
  const more = new Map<string, number>();
  const walk = (things: Thing[], parent?: string) => {
    for (const t of things) {
      if (t.kind === "more") {
        const count = (t.data.count as number) || (t.data.children as unknown[]).length;
        if (parent) more.set(parent, (more.get(parent) ?? 0) + count);
        continue;
      }
      edges.push({ id: t.data.id as string, parent, text: t.data.body as string });
      const replies = t.data.replies as { data: { children: Thing[] } } | "";
      if (replies) walk(replies.data.children, t.data.id as string);
    }
  };
  walk(listings[1]?.data.children as Thing[]);

  it("keeps the post, every comment under its parent, scores, and more stubs as counts", () => {
    const article = articleOf(loadArticleFile(`${dir}reddit-thread.json`));
    expect(article.id).toBe("reddit-1cebxh");
    expect(article.title).toMatch(/^my wife passed away eight months ago/);
    expect(article.format).toBe("markdown");
    expect(article.source).toEqual({
      name: "r/self",
      url: "https://www.reddit.com/r/self/comments/1cebxh/my_wife_passed_away_eight_months_ago_yesterday_i/",
    });
    expect(article.commentsTotal).toBe(1655);
    const comments = article.comments ?? [];
    expect(comments.length).toBe(edges.length);
    expect(comments.map((c) => [c.id, c.parentId])).toEqual(edges.map((e) => [e.id, e.parent]));
    // Deep replies: some thread goes ten levels down.
    const depth = new Map<string, number>();
    for (const c of comments) depth.set(c.id, c.parentId ? (depth.get(c.parentId) ?? 0) + 1 : 0);
    expect(Math.max(...depth.values())).toBeGreaterThanOrEqual(9);
    expect(more.size).toBeGreaterThan(5);
    for (const [id, count] of more) {
      expect(comments.find((c) => c.id === id)?.moreReplies).toBe(count);
    }
    expect(comments.every((c) => Number.isInteger(c.points))).toBe(true);
  });

  it("[deleted] and [removed] comments stay in place with their replies", () => {
    const comments = articleOf(loadArticleFile(`${dir}reddit-thread.json`)).comments ?? [];
    const gone = comments.filter(
      (c) => c.paragraphs[0] === "[deleted]" || c.paragraphs[0] === "[removed]",
    );
    expect(gone.length).toBeGreaterThan(0);
    const withReplies = gone.filter((g) => comments.some((c) => c.parentId === g.id));
    expect(withReplies.length).toBeGreaterThan(0);
  });

  it("decodes the &amp; &lt; &gt; Reddit writes into Markdown", () => {
    const sample = edges.find((e) => e.text?.includes("&gt;"));
    expect(sample).toBeDefined();
    const comment = articleOf(loadArticleFile(`${dir}reddit-thread.json`)).comments?.find(
      (c) => c.id === sample?.id,
    );
    expect(comment?.paragraphs[0]).toContain(">");
    expect(comment?.paragraphs[0]).not.toContain("&gt;");
  });
});

describe("Lobsters story JSON", () => {
  it("keeps the story and the thread of ten comments", () => {
    const loaded = loadArticleFile(`${dir}lobsters-story.json`);
    const article = articleOf(loaded);
    expect(article.id).toBe("lobsters-tdfoqh");
    expect(article.title).toBe("Ranking comments by sum of replies' scores");
    expect(article.author?.name).toBe("gioele");
    expect(article.published).toBe("2022-07-22T12:06:59.000-05:00");
    expect(article.sections[0]?.paragraphs[0]).toMatch(/^<p>There are often cases/);
    expect(article.comments?.map((c) => [c.id, c.parentId ?? null])).toEqual([
      ["ncdsfc", null],
      ["m3wyu5", null],
      ["pcvbcd", "m3wyu5"],
      ["9vyyu5", null],
      ["owddle", "9vyyu5"],
      ["lqqn3a", "owddle"],
      ["7b0jgw", null],
      ["ei3nck", null],
      ["4l8mzk", null],
      ["qy0l9k", "4l8mzk"],
    ]);
    expect(article.comments?.[0]).toMatchObject({ author: "dpercy", points: 17 });
    expect(loaded.ok && loaded.notices).toBeFalsy();
  });

  it("without parent_comment, depth or indent_level places the replies", () => {
    const story = raw("lobsters-story.json") as { comments: Record<string, unknown>[] };
    for (const c of story.comments) {
      c.indent_level = (c.depth as number) + 1;
      delete c.parent_comment;
      delete c.depth;
    }
    const article = articleOf(parseArticle(encode(story), "old-lobsters.json"));
    expect(article.comments?.map((c) => c.parentId ?? null)).toEqual([
      null,
      null,
      "m3wyu5",
      null,
      "9vyyu5",
      "owddle",
      null,
      null,
      null,
      "4l8mzk",
    ]);
  });
});

describe("Discourse topic JSON", () => {
  it("takes the first post as the article and the rest as its discussion", () => {
    const article = articleOf(loadArticleFile(`${dir}discourse-topic.json`));
    expect(article.id).toBe("discourse-57");
    expect(article.title).toBe("THIS SITE IS A SANDBOX -- it is reset every day");
    expect(article.author?.name).toBe("Sam Saffron");
    expect(article.published).toBe("2013-02-04T15:26:26.278-05:00");
    expect(article.sections[0]?.paragraphs[0]).toMatch(/^<p>Welcome!<\/p>/);
    expect(article.comments?.map((c) => [c.id, c.author, c.parentId ?? null])).toEqual([
      ["2", "samsaffron", null],
      ["3", "stienman", null],
      ["14", "splattne", null],
    ]);
    expect(article.commentsTotal).toBeUndefined();
  });

  it("when `stream` lists more posts than the file holds, the total says so", () => {
    const topic = raw("discourse-topic.json") as { post_stream: { stream: number[] } };
    topic.post_stream.stream = Array.from({ length: 149 }, (_, i) => 1000 + i);
    const article = articleOf(parseArticle(encode(topic), "t.json"));
    expect(article.comments).toHaveLength(3);
    expect(article.commentsTotal).toBe(148);
  });
});
