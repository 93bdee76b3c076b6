// The list of articles in a real terminal: a folder of 60 articles and a broken file, resized
// while it is shown, keys typed in bursts, the comment count at 120 columns, several paths on the
// command line, and a clean exit. Each test has its own cache and data folders.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { built, expectClean, KEY, open, ROOT, SKIP_REASON, THREADS } from "./harness.js";

const root = mkdtempSync(join(tmpdir(), "lectern-pty-library-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const folder = join(root, "articles");
mkdirSync(folder);
for (let i = 0; i < 60; i++) {
  writeFileSync(
    join(folder, `n${String(i).padStart(2, "0")}.json`),
    JSON.stringify({
      id: `n${i}`,
      title: `Number ${String(i).padStart(2, "0")}: a title long enough to be cut at eighty columns, and at 120 too: so many words follow that no terminal shows them all`,
      author: { name: "Writer" },
      sections: [{ paragraphs: ["word ".repeat(500 + i * 10).trim()] }],
      comments: Array.from({ length: i === 7 ? 14 : 1 }, (_, c) => ({
        id: `c${c}`,
        paragraphs: ["hello"],
      })),
    }),
  );
}
writeFileSync(join(folder, "0-broken.json"), '{"id": "x", "title": 3}');

const env = () => ({ XDG_CACHE_HOME: mkdtempSync(join(root, "cache-")) });
const chosen = (screen: string[]) => screen.find((l) => l.startsWith("❯ ")) ?? "";

describe.skipIf(!built)(built ? "the list in a terminal" : SKIP_REASON, { timeout: 60_000 }, () => {
  it("survives resizes: re-cut, header on top, highlight on screen; ↓ after it does not crash", async (context) => {
    const s = open(context, { args: [folder], cols: 100, rows: 30, env: env() });
    await s.waitFor((screen) => screen[0]?.includes("Lectern — 61 articles") === true);
    await s.waitFor((screen) => chosen(screen).includes("Number 00"));
    s.press("Gk"); // the last row is the broken file
    await s.waitFor((screen) => chosen(screen).includes("Number 59"));
    s.resize(60, 14);
    const small = await s.waitFor(
      (screen) =>
        screen[0]?.startsWith(" Lectern") === true && chosen(screen).includes("Number 59"),
      10_000,
      "the list re-cut at 60×14",
    );
    for (const line of small) expect(line.length).toBeLessThanOrEqual(60);
    s.press(`${KEY.down}${KEY.down}`);
    s.press(KEY.up); // ↓ to the broken file, ↓ stays (no wrapping round), ↑ back
    await s.waitFor((screen) => chosen(screen).includes("Number 59"));
    s.press(KEY.up);
    await s.waitFor((screen) => chosen(screen).includes("Number 58"));
    s.resize(160, 40);
    await s.waitFor(
      (screen) =>
        screen[0]?.startsWith(" Lectern") === true && chosen(screen).includes("Number 58"),
    );
    s.press("q");
    expect((await s.exited).exitCode).toBe(0);
    expect(s.altScreen()).toBe(false);
    expectClean(s);
  });

  it("keys typed together all count; g G PgDn; the broken file is last and Enter shows its error", async (context) => {
    const s = open(context, { args: [folder], cols: 80, rows: 24, env: env() });
    await s.waitFor((screen) => chosen(screen).includes("Number 00"));
    s.press("jjjj");
    await s.waitFor((screen) => chosen(screen).includes("Number 04"));
    s.press(KEY.down.repeat(4));
    await s.waitFor((screen) => chosen(screen).includes("Number 08"));
    s.press(KEY.pageDown);
    await s.waitFor((screen) => chosen(screen).includes("Number 27"));
    s.press("g");
    await s.waitFor((screen) => chosen(screen).includes("Number 00"));
    s.press("G");
    await s.waitFor((screen) => chosen(screen).includes("✗ "));
    s.press("\r");
    await s.waitFor("0-broken.json could not be read:");
    await s.waitFor(/title: must be a/);
    s.press(KEY.escape);
    await s.waitFor((screen) => chosen(screen).includes("✗ "));
    s.press("q");
    expect((await s.exited).exitCode).toBe(0);
    expectClean(s);
  });

  it("at 120 columns the title is cut, the comment count is whole", async (context) => {
    const s = open(context, { args: [folder], cols: 120, rows: 30, env: env() });
    const screen = await s.waitFor((rows) => rows.some((l) => l.includes("Number 07")));
    const row = screen.find((l) => l.includes("Number 07")) ?? "";
    expect(row).toMatch(/…\s.*\b14\s+unread$/);
    s.press("q");
    expect((await s.exited).exitCode).toBe(0);
  });

  it("several paths open one list; an article opens, and reopens where it was left", async (context) => {
    const seed = join(ROOT, "content", "azerbaijan-and-israel.json");
    const s = open(context, { args: [seed, THREADS], cols: 100, rows: 30, env: env() });
    await s.waitFor("Lectern — 2 articles");
    s.press("j\r");
    await s.waitFor((screen) => screen[0]?.trim().startsWith("Azerbaijan And Israel") === true);
    s.press("ll");
    await s.waitFor((screen) => screen[0]?.trim() === "Calls for Western help");
    s.press("q");
    await s.waitFor((screen) => /Azerbaijan.*\d+%$/.test(chosen(screen)));
    s.press("\r");
    await s.waitFor((screen) => screen[0]?.trim() === "Calls for Western help");
    s.press("q");
    await s.waitFor("Lectern — 2 articles");
    s.press("q");
    expect((await s.exited).exitCode).toBe(0);
    expectClean(s);
  });
});
