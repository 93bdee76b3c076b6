// Finding and reading a library's files: subfolders, a loop of symbolic links, files that are not
// articles, 100 broken files among 5,000 good ones; and the facts cache that makes a second open
// read no article (keyed by path, size and modification time; damaged files count as empty).
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findArticles, LibraryScan, type Scanned } from "../../src/library/scan.js";
import { FactsCache } from "../../src/storage/library-cache.js";

const root = mkdtempSync(join(tmpdir(), "lectern-library-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function article(i: number, words = 50): string {
  return JSON.stringify({
    id: `article-${i}`,
    title: `Article ${i}`,
    author: { name: `Writer ${i % 13}` },
    published: "2024-05-01",
    sections: [{ paragraphs: [Array.from({ length: words }, (_, w) => `word${w}`).join(" ")] }],
    comments: [{ id: "c1", paragraphs: ["First!"] }],
  });
}

async function scanAll(scan: LibraryScan): Promise<Scanned[]> {
  const out: Scanned[] = [];
  for (let turns = 0; !scan.done; turns++) {
    if (turns > 100_000) throw new Error("the scan does not end");
    out.push(...(await scan.step(20)));
  }
  return out;
}

describe("a large folder with broken files, a link loop and other files", {
  timeout: 120_000,
}, () => {
  const dir = join(root, "big");
  mkdirSync(join(dir, "sub", "deeper"), { recursive: true });
  for (let i = 0; i < 5000; i++) {
    const where = i % 10 === 0 ? join(dir, "sub") : i % 25 === 1 ? join(dir, "sub", "deeper") : dir;
    writeFileSync(join(where, `a${String(i).padStart(4, "0")}.json`), article(i));
  }
  for (let i = 0; i < 100; i++) {
    const bad = [`{"id": "b${i}", "title": `, "", "[1, 2]", '{"id": "x", "title": 3}', "\xff\xfe"];
    writeFileSync(join(dir, `broken-${i}.json`), bad[i % bad.length] as string);
  }
  writeFileSync(join(dir, "notes.txt"), "not an article");
  writeFileSync(join(dir, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dir, "article.schema.json"), "{}");
  writeFileSync(join(dir, ".hidden.json"), article(9999));
  symlinkSync("..", join(dir, "sub", "deeper", "up")); // a loop: deeper/up → sub
  symlinkSync(dir, join(dir, "sub", "again")); // and another, to the top
  symlinkSync(join(dir, "nowhere.json"), join(dir, "dangling.json"));

  it("finds every .json article once, follows no loop, skips other files", () => {
    const started = Date.now();
    const found = findArticles([dir]);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(found.files).toHaveLength(5100);
    expect(new Set(found.files).size).toBe(5100);
    expect(found.files.some((f) => /\.(txt|png)$|schema|hidden|dangling/.test(f))).toBe(false);
    expect(found.problems.length).toBeGreaterThanOrEqual(1);
    for (const p of found.problems) expect(p).toMatch(/a folder already listed/);
  });

  it("reads them all: 5,000 articles and 100 errors naming their file, none thrown", async () => {
    const found = findArticles([dir]);
    const results = await scanAll(new LibraryScan(found.files));
    expect(results).toHaveLength(5100);
    const good = results.filter((r) => r.facts);
    const broken = results.filter((r) => r.errors);
    expect(good).toHaveLength(5000);
    expect(broken).toHaveLength(100);
    for (const r of broken) {
      expect(r.errors?.[0]).toMatch(new RegExp(`^${found.files[r.index]}`));
    }
    expect(good[0]?.facts).toMatchObject({ words: 50, comments: 1, author: expect.any(String) });
  });
});

describe("the facts cache", () => {
  const dir = join(root, "cached");
  mkdirSync(dir, { recursive: true });
  const file = join(root, "cache", "library.json");
  for (let i = 0; i < 20; i++) writeFileSync(join(dir, `a${i}.json`), article(i, 10 + i));
  writeFileSync(join(dir, "bad.json"), "{");

  it("a second open reads no article: the facts come from the cache", async () => {
    const files = findArticles([dir]).files;
    const first = new FactsCache(file);
    const one = await scanAll(new LibraryScan(files, first));
    first.save();
    expect(readFileSync(file, "utf8").split("\n")[0]).toBe("lectern facts cache 2");
    // Same size and time, another title: a cached file is not read again...
    const target = join(dir, "a3.json");
    const { atime, mtime } = statSync(target);
    writeFileSync(target, article(3, 13).replace('"Article 3"', '"Changed 3"'));
    utimesSync(target, atime, mtime);
    const two = await scanAll(new LibraryScan(files, new FactsCache(file)));
    expect(two.map((r) => r.facts?.title ?? r.errors?.[0]).join("\n")).toEqual(
      one.map((r) => r.facts?.title ?? r.errors?.[0]).join("\n"),
    );
    // ...until its modification time changes.
    utimesSync(target, atime, new Date(mtime.getTime() + 5000));
    const three = await scanAll(new LibraryScan(files, new FactsCache(file)));
    expect(three.map((r) => r.facts?.title)).toContain("Changed 3");
    expect(three.map((r) => r.facts?.title)).not.toContain("Article 3");
    expect(two.find((r) => r.errors)?.errors?.[0]).toMatch(/^.*bad\.json:1:2: /);
  });

  it("a second open shows what the cache knew at once; checking reports only what changed", async () => {
    const files = findArticles([dir]).files;
    const warm = new FactsCache(file);
    await scanAll(new LibraryScan(files, warm));
    warm.save();
    const target = join(dir, "a5.json");
    writeFileSync(target, article(5, 40).replace('"Article 5"', '"Renamed 5"'));
    const scan = new LibraryScan(files, new FactsCache(file));
    const shown = scan.remembered();
    expect(shown).toHaveLength(files.length);
    expect(shown.map((r) => r.facts?.title)).toContain("Article 5");
    const changed = await scanAll(scan);
    expect(changed.map((r) => r.facts?.title)).toEqual(["Renamed 5"]);
    expect(scan.scanned).toBe(files.length);
  });

  it("a damaged or foreign cache file counts as empty, and its strings are sanitised", async () => {
    writeFileSync(file, "{ not json");
    expect(new FactsCache(file).size).toBe(0);
    // The first format (one JSON object) is foreign now.
    writeFileSync(file, JSON.stringify({ version: 1, files: { "/x.json": [1, 2, {}] } }));
    expect(new FactsCache(file).size).toBe(0);
    const hostile = [
      "lectern facts cache 2",
      JSON.stringify(["/", 3]),
      JSON.stringify({
        names: ["x.json", "y.json", "z.json"],
        sizes: [1, 1, 1],
        mtimes: [2, 2, 2],
        ids: ["x", "y", ""],
        titles: ["evil \u001b[2J title", 42, ""],
        authors: ["", "", ""],
        sources: ["", "", ""],
        published: ["", "", ""],
        words: [1, 1, 0],
        comments: [0, 0, 0],
        blocks: [1, 1, 0],
        errors: [0, 0, ["z: \u009b1m broken"]],
      }),
    ].join("\n");
    writeFileSync(file, hostile);
    const cache = new FactsCache(file);
    expect(cache.size).toBe(2);
    const known = cache.get(cache.place("/x.json"), 1, 2);
    expect(known && "title" in known ? known.title : "").toBe("evil ␛[2J title");
    expect(cache.get(cache.place("/x.json"), 1, 3)).toBeUndefined();
    expect(cache.peek(cache.place("/y.json"))).toBeUndefined();
    expect(cache.peek(cache.place("/z.json"))).toEqual({ errors: ["z: \ufffd1m broken"] });
  });

  it("a damaged folder in the cache loses only that folder's files", async () => {
    const files = findArticles([dir]).files;
    const cache = new FactsCache(file);
    await scanAll(new LibraryScan(files, cache));
    cache.set(cache.place("/elsewhere/a.json"), 1, 2, { errors: [": gone"] });
    expect(cache.save()).toBe(true);
    const lines = readFileSync(file, "utf8").split("\n");
    const at = lines.findIndex((l) => l.includes("elsewhere"));
    expect(at).toBeGreaterThan(0);
    lines[at + 1] = '{"names": ["a.json"], "sizes": [1, 2, [';
    writeFileSync(file, lines.join("\n"));
    const again = new FactsCache(file);
    expect(again.peek(again.place("/elsewhere/a.json"))).toBeUndefined();
    const shown = new LibraryScan(files, again).remembered();
    expect(shown).toHaveLength(files.length);
  });
});
