// Reading positions across runs, in a real terminal: quit in the middle of an article, open it
// again (at the same size or another) and the same paragraph is at the top. The positions live in
// $XDG_DATA_HOME, here a fresh folder per test.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { built, inkDrawn, KEY, killAll, SEED_TITLE, SKIP_REASON, start } from "./harness.js";

const homes: string[] = [];
function dataHome(): string {
  const home = mkdtempSync(join(tmpdir(), "lectern-resume-"));
  homes.push(home);
  return home;
}
afterEach(() => killAll());
afterAll(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

const top = (screen: string[]) => (screen[0] ?? "").trim();

describe.skipIf(!built)(
  built ? "resuming where an article was left" : SKIP_REASON,
  { timeout: 30_000 },
  () => {
    it("reopens at the paragraph that was at the top, at the same size and at another", async () => {
      const home = dataHome();
      const env = { XDG_DATA_HOME: home };
      const first = start({ cols: 100, rows: 30, env });
      await first.waitFor(SEED_TITLE);
      await inkDrawn(first);
      first.press(KEY.right);
      await first.waitFor((s) => top(s) === "Tension with Tehran");
      first.press(KEY.right);
      await first.waitFor((s) => top(s) === "Calls for Western help");
      first.press("jj");
      const left = await first.waitFor((s) => top(s).startsWith("Such incidents"));
      first.press("q");
      expect((await first.exited).exitCode).toBe(0);
      expect(existsSync(join(home, "lectern-nodejs", "positions.json"))).toBe(true);

      // Same size: the very same screen (the first frame, painted before Ink loads, included).
      const again = start({ cols: 100, rows: 30, env });
      const reopened = await again.waitFor((s) => top(s).startsWith("Such incidents"));
      expect(reopened.slice(0, 20)).toEqual(left.slice(0, 20));
      again.press("q");
      expect((await again.exited).exitCode).toBe(0);

      // Narrower: the same paragraph is on top, wrapped anew.
      const narrow = start({ cols: 60, rows: 20, env });
      await narrow.waitFor((s) => top(s).startsWith("Such incidents"));
      narrow.press("g");
      await narrow.waitFor((s) => top(s).startsWith("Azerbaijan And Israel"));
      narrow.press("q");
      expect((await narrow.exited).exitCode).toBe(0);
    });

    it("starts at the top when the positions file is unreadable, and still saves on exit", async () => {
      const home = dataHome();
      const file = join(home, "lectern-nodejs", "positions.json");
      rmSync(join(home, "lectern-nodejs"), { recursive: true, force: true });
      const dir = join(home, "lectern-nodejs");
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, "{ this is not json");
      const s = start({ cols: 80, rows: 24, env: { XDG_DATA_HOME: home } });
      await s.waitFor(SEED_TITLE);
      await inkDrawn(s);
      s.press(KEY.right);
      await s.waitFor((screen) => top(screen) === "Tension with Tehran");
      s.press("q");
      expect((await s.exited).exitCode).toBe(0);
      const saved = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
      expect(Object.keys(saved)).toEqual(["azerbaijan-and-israel"]);
    });
  },
);
