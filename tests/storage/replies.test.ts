// Replies and drafts on disk: what is stored comes back, a damaged file is set aside under a new
// name (never overwritten) with one line said, drafts are written within half a second and at
// once on flush, and `lectern replies` prints the comment shape, the email only when asked for.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { mergeReplies, type StoredReply } from "../../src/content/local-replies.js";
import { sanitizeArticle } from "../../src/content/sanitize.js";
import { type Article, articleSchema } from "../../src/content/schema.js";
import { runReplies } from "../../src/replies-command.js";
import {
  DRAFT_DELAY_MS,
  DraftSaver,
  loadDraft,
  takeDraftNotices,
  writeDrafts,
} from "../../src/storage/drafts.js";
import {
  deleteReply,
  loadReplies,
  repliesFile,
  storeReply,
  takeReplyNotices,
  withLocalReplies,
} from "../../src/storage/replies.js";

const root = mkdtempSync(join(tmpdir(), "lectern-replies-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dir: string;
let n = 0;
beforeEach(() => {
  dir = join(root, `case-${++n}`);
  mkdirSync(dir);
  takeReplyNotices();
  takeDraftNotices();
});

const seed: Article = sanitizeArticle(
  articleSchema.parse(
    JSON.parse(
      readFileSync(new URL("../../content/azerbaijan-and-israel.json", import.meta.url), "utf8"),
    ),
  ),
);

const reply = (id: string, extra: Partial<StoredReply> = {}): StoredReply => ({
  id,
  author: "Ann",
  email: "ann@example.org",
  postedAt: "2026-01-02T10:30",
  paragraphs: ["Hello."],
  ...extra,
});

describe("replies file", () => {
  it("stores, replaces and deletes; each change is on disk when the call returns", () => {
    expect(storeReply("a-b", reply("r1"), dir)).toBeUndefined();
    expect(storeReply("a-b", reply("r2", { parentId: "r1" }), dir)).toBeUndefined();
    expect(storeReply("a-b", reply("r1", { paragraphs: ["Edited."] }), dir)).toBeUndefined();
    const onDisk = JSON.parse(readFileSync(repliesFile("a-b", dir), "utf8"));
    expect(onDisk.replies.map((r: StoredReply) => [r.id, r.paragraphs[0]])).toEqual([
      ["r1", "Edited."],
      ["r2", "Hello."],
    ]);
    expect(deleteReply("a-b", "r1", dir)).toBe("it has replies of its own");
    expect(deleteReply("a-b", "r2", dir)).toBeUndefined();
    expect(loadReplies("a-b", dir).map((r) => r.id)).toEqual(["r1"]);
    // No temporaries or locks left behind.
    expect(readdirSync(dir)).toEqual(["a-b.json"]);
  });

  it.each([
    ["not JSON", "{ half"],
    ["the wrong shape", '{"replies": {"id": 1}}'],
    ["a reply without text", '{"replies": [{"id": "x", "author": "A", "postedAt": "2026-01-01"}]}'],
  ])("a file of %s is set aside under a new name, said once, and not overwritten", (_, bad) => {
    const file = repliesFile("a-b", dir);
    writeFileSync(file, bad);
    expect(withLocalReplies({ ...seed, id: "a-b" }, dir).comments).toHaveLength(2);
    const notices = takeReplyNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/replies file .* was moved to .*a-b\.json\.damaged-/);
    const aside = readdirSync(dir).filter((f) => f.includes(".damaged-"));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] as string), "utf8")).toBe(bad);
    // A new reply starts a new file; the damaged one stays as it was.
    expect(storeReply("a-b", reply("r1"), dir)).toBeUndefined();
    expect(readFileSync(join(dir, aside[0] as string), "utf8")).toBe(bad);
    expect(loadReplies("a-b", dir)).toHaveLength(1);
  });

  it("an article opens with its replies among its comments, marked local, without the email", () => {
    storeReply(seed.id, reply("r1", { parentId: "c1", author: "Ann\u001b[31m" }), dir);
    const article = withLocalReplies(seed, dir);
    const mine = article.comments?.at(-1) as Record<string, unknown>;
    expect(mine).toMatchObject({ id: "r1", parentId: "c1", local: true, author: "Ann␛[31m" });
    expect(mine.email).toBeUndefined();
  });

  it("merging skips a reply already in the article and keeps an orphan at the top level", () => {
    const merged = mergeReplies(seed, [reply("c1"), reply("r9", { parentId: "gone" })]);
    expect(merged.comments?.map((c) => [c.id, c.parentId])).toEqual([
      ["c1", undefined],
      ["c2", undefined],
      ["r9", undefined],
    ]);
  });
});

describe("drafts file", () => {
  it("keeps drafts per article and target, and the identity to offer", () => {
    const file = join(dir, "drafts.json");
    const draft = { comment: "a", name: "Ann", email: "", website: "" };
    expect(writeDrafts([{ articleId: "x", target: "re:c1", draft }], undefined, file)).toBe(true);
    expect(loadDraft("x", "re:c1", file).draft).toEqual(draft);
    expect(loadDraft("x", "", file).draft).toBeUndefined();
    writeDrafts(
      [{ articleId: "x", target: "re:c1", draft: null }],
      { name: "Ann", email: "a@b.c", website: "" },
      file,
    );
    expect(loadDraft("x", "re:c1", file)).toEqual({
      identity: { name: "Ann", email: "a@b.c", website: "" },
    });
  });

  it("a damaged drafts file is set aside, said once, and the form still opens", () => {
    const file = join(dir, "drafts.json");
    writeFileSync(file, "[1, 2");
    const loaded = loadDraft("x", "", file);
    expect(loaded.draft).toBeUndefined();
    expect(loaded.notice).toMatch(/drafts file .* moved to .*drafts\.json\.damaged-/);
    expect(takeDraftNotices()).toHaveLength(1);
    const aside = readdirSync(dir).filter((f) => f.includes(".damaged-"));
    expect(readFileSync(join(dir, aside[0] as string), "utf8")).toBe("[1, 2");
  });

  it("the saver writes within the delay, the last change winning, and at once on flush", async () => {
    const file = join(dir, "drafts.json");
    const saver = new DraftSaver(() => file);
    const started = Date.now();
    for (const comment of ["h", "he", "hel"]) {
      saver.schedule({
        articleId: "x",
        target: "",
        draft: { comment, name: "", email: "", website: "" },
      });
    }
    expect(loadDraft("x", "", file).draft).toBeUndefined();
    while (loadDraft("x", "", file).draft?.comment !== "hel") {
      expect(Date.now() - started).toBeLessThan(DRAFT_DELAY_MS + 400);
      await new Promise((resolve) => setImmediate(resolve));
    }
    saver.schedule({
      articleId: "x",
      target: "",
      draft: { comment: "hello", name: "", email: "", website: "" },
    });
    saver.flush();
    expect(loadDraft("x", "", file).draft?.comment).toBe("hello");
  });
});

describe("lectern replies", () => {
  const run = async (path: string | undefined, email = false) => {
    let out = "";
    const err: string[] = [];
    const previous = process.env.XDG_DATA_HOME;
    process.env.XDG_DATA_HOME = dir;
    try {
      const code = await runReplies(
        path,
        { email },
        { out: (t) => (out += t), err: (l) => err.push(l) },
      );
      return { code, data: out === "" ? undefined : JSON.parse(out), err };
    } finally {
      process.env.XDG_DATA_HOME = previous;
    }
  };
  const seedFile = new URL("../../content/azerbaijan-and-israel.json", import.meta.url).pathname;

  it("prints an article's replies in the comment shape, the email only with --email", async () => {
    const folder = join(dir, "lectern-nodejs", "replies");
    storeReply(seed.id, reply("r1", { parentId: "c2", website: "https://ann.example" }), folder);
    const plain = await run(seedFile);
    expect(plain.code).toBe(0);
    expect(plain.data).toEqual([
      {
        id: "r1",
        parentId: "c2",
        author: "Ann",
        postedAt: "2026-01-02T10:30",
        paragraphs: ["Hello."],
      },
    ]);
    // Ready to merge: the article with them passes the schema.
    const merged = { ...JSON.parse(readFileSync(seedFile, "utf8")) };
    merged.comments = [...merged.comments, ...plain.data];
    expect(articleSchema.safeParse(merged).success).toBe(true);
    const all = await run(undefined, true);
    expect(all.data).toEqual({
      [seed.id]: [
        expect.objectContaining({ email: "ann@example.org", website: "https://ann.example" }),
      ],
    });
  });

  it("a missing path is an error, exit 1", async () => {
    const { code, err } = await run(join(dir, "nowhere.json"));
    expect(code).toBe(1);
    expect(err[0]).toMatch(/^lectern: /);
  });
});
