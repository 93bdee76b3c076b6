// A million characters without a space, in the reader: the first frame comes quickly, and q and
// SIGTERM are answered at once while the rest is laid out (layout works in bounded pieces).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { built, killAll, open, ROOT, SKIP_REASON } from "./harness.js";

afterAll(killAll);

const suite = built ? describe : describe.skip;

function hugeArticle(char: string): string {
  const seed = JSON.parse(
    readFileSync(join(ROOT, "content", "azerbaijan-and-israel.json"), "utf8"),
  );
  seed.sections[0].paragraphs.splice(1, 0, char.repeat(1_000_000));
  const file = join(mkdtempSync(join(tmpdir(), "lectern-huge-")), "huge.json");
  writeFileSync(file, JSON.stringify(seed));
  return file;
}

suite("a million characters without a space", { timeout: 60_000 }, () => {
  for (const [name, char] of [
    ["Chinese", "一"],
    ["ESC bytes", "\u001b"],
  ] as const) {
    it(`${name}: the first frame within seconds, q at once, the terminal restored`, async (context) => {
      const file = hugeArticle(char);
      const s = open(context, { cols: 80, rows: 24, args: [file] });
      const shown = char === "\u001b" ? "␛␛␛␛␛␛␛␛" : "一一一一一一一一";
      const t = performance.now();
      await s.waitFor(shown, 15_000, "the huge paragraph on screen");
      const firstFrame = performance.now() - t;
      s.press("G"); // to the end: layout must reach it
      s.press("q");
      const exit = await s.exited;
      expect(exit.exitCode).toBe(0);
      expect(s.altScreen()).toBe(false);
      expect(firstFrame).toBeLessThan(10_000);
    });
  }

  it("SIGTERM while laying out a huge paragraph: status 143 at once, terminal restored", async (context) => {
    const file = hugeArticle("一");
    const s = open(context, { cols: 80, rows: 24, args: [file] });
    await s.waitFor("一一一一", 15_000, "the first frame");
    s.press("G");
    s.kill("SIGTERM");
    const exit = await s.exited;
    expect(exit.exitCode).toBe(143);
    expect(s.altScreen()).toBe(false);
    expect(s.cursorVisible()).toBe(true);
  });
});

if (!built) it.skip(SKIP_REASON, () => {});
