// The list's first screen remembered (library/first-screen.ts): a second open of the same files
// draws the same first frame as the whole list does, even without the facts cache; a change of
// positions, order or files means the whole list is drawn instead; a damaged or hostile file
// counts for nothing and its strings are sanitised.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import stripAnsi from "strip-ansi";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { findArticles } from "../../src/library/scan.js";
import { saveSort } from "../../src/storage/library-prefs.js";
import type { Anchor } from "../../src/storage/positions.js";
import { openLibrary } from "../../src/ui/library-start.js";
import { theme } from "../../src/ui/theme.js";

const root = mkdtempSync(join(tmpdir(), "lectern-first-screen-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const dir = join(root, "articles");
mkdirSync(dir);
for (let i = 0; i < 300; i++) {
  writeFileSync(
    join(dir, `a${String(i).padStart(3, "0")}.json`),
    JSON.stringify({
      id: `a${i}`,
      title: `Title ${String((i * 7919) % 300).padStart(3, "0")} of article ${i}`,
      author: { name: `Writer ${i % 5}` },
      sections: [{ paragraphs: ["word ".repeat(100 + i).trim()] }],
      comments: Array.from({ length: i === 5 ? 3 : 1 }, (_, c) => ({
        id: `c${c}`,
        paragraphs: ["hi"],
      })),
    }),
  );
}
for (let i = 0; i < 3; i++) writeFileSync(join(dir, `broken-${i}.json`), "{");
const files = findArticles([dir]).files;

let cache = "";
beforeEach(() => {
  cache = mkdtempSync(join(root, "cache-"));
  process.env.XDG_CACHE_HOME = cache;
  process.env.XDG_DATA_HOME = mkdtempSync(join(root, "data-"));
});
const cacheFile = () => join(cache, "lectern-nodejs", "library.json");
const firstFile = () => join(cache, "lectern-nodejs", "library-first.json");

/** Opens the list, reads every file and saves (as the app does when reading ends). */
async function readAll(positions: ReadonlyMap<string, Anchor> = new Map()) {
  const opened = await openLibrary(files, { positions, theme });
  for (let turns = 0; !opened.source.done; turns++) {
    if (turns > 10_000) throw new Error("the scan does not end");
    await opened.source.step(50);
  }
  opened.source.save();
}

async function firstFrame(positions: ReadonlyMap<string, Anchor> = new Map(), cols = 100) {
  return (await openLibrary(files, { positions, theme })).paint(cols, 30);
}
const text = (frame: string) => stripAnsi(frame);

describe("the first screen remembered", () => {
  it("draws the same first frame as the whole list, even without the facts cache", async () => {
    await readAll();
    const hinted = await firstFrame();
    rmSync(firstFile());
    const opened = await openLibrary(files, { positions: new Map(), theme });
    const whole = opened.paint(100, 30);
    expect(hinted).toBe(whole);
    expect(text(whole)).toContain("Lectern — 303 articles (3 could not be read)");
    expect(text(whole)).toContain("❯ Title 000 of article 0 ");
    // Saved again by that open; without the facts cache it is still the same screen.
    opened.source.save();
    rmSync(cacheFile());
    expect(await firstFrame()).toBe(whole);
  });

  it("is not used when the positions, the order chosen or the files differ", async () => {
    await readAll();
    expect(text(await firstFrame())).toContain("❯ Title 000 of article 0 ");
    // Article 1 read since: the list opens in "last read" order, article 1 first.
    const positions = new Map([["a1", { block: 1, fraction: 0 }]]);
    expect(text(await firstFrame(positions))).toContain("❯ Title 119 of article 1 ");
    // Sorted by comments since: article 5 (three comments) first.
    saveSort("comments");
    expect(text(await firstFrame())).toContain("❯ Title 295 of article 5 ");
    // Fewer files: their own count.
    const fewer = await openLibrary(files.slice(1), { positions: new Map(), theme });
    expect(text(fewer.paint(100, 30))).toContain("Lectern — 302 articles");
  });

  it("an article read in a session: the next open still draws from the first screen", async () => {
    await readAll();
    const live = new Map<string, Anchor>();
    const opened = await openLibrary(files, { positions: live, theme });
    live.set("a1", { block: 1, fraction: 0 }); // as the app does when an article is closed
    opened.source.save();
    rmSync(cacheFile()); // what is drawn can then only come from the first screen
    const next = text(await firstFrame(new Map([["a1", { block: 1, fraction: 0 }]])));
    expect(next).toContain("sorted by last read");
    expect(next).toContain("❯ Title 119 of article 1 ");
    // Drawn before any file was read (without the first screen, some would be).
    expect(next).toContain("Lectern — 303 articles (3 could not be read) · reading 0 of 303…");
  });

  it("a damaged file counts for nothing; a hostile one is sanitised", async () => {
    await readAll();
    const saved = readFileSync(firstFile(), "utf8");
    writeFileSync(firstFile(), saved.slice(0, 100));
    expect(text(await firstFrame())).toContain("❯ Title 000 of article 0 ");
    writeFileSync(firstFile(), saved.replace('"Title 000 of', '"Title \\u001b[2J of'));
    const shown = text(await firstFrame());
    expect(shown).toContain("❯ Title ␛[2J of article 0 ");
    expect(shown).not.toContain("\u001b[2J");
  });
});
