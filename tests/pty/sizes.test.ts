// Terminal sizes from 1×1 to 400×120, resizes that keep the width, and a storm of resizes: the
// reader never crashes, never draws a line wider than the terminal, says "terminal too small"
// when there is no room, and always ends on the frame a fresh start would draw.
import { afterAll, describe, expect, it } from "vitest";
import {
  built,
  drawn,
  expectClean,
  inkDrawn,
  killAll,
  open,
  type Session,
  SKIP_REASON,
  statusRowOf,
} from "./harness.js";

const TIMEOUT = 30_000;

afterAll(killAll);

const tooSmall = (cols: number, rows: number) => cols < 20 || rows < 6;

/** The reader's frame: the status line on the last row but one (the frame is one row short). */
const readerFrame = (rows: number) => (screen: string[]) => statusRowOf(screen) === rows - 2;

/** Whether the first row says the terminal is too small, as far as the width allows. */
function saysTooSmall(line: string, cols: number): boolean {
  if (cols >= "terminal too small".length) return line.trim() === "terminal too small";
  // Narrower: a shorter word that still says it ("small", "too small") …
  if (cols >= "small".length) return /(^|\s)small$/.test(line.trim());
  // … and below five columns, as much of "small" as fits.
  return line.trim() !== "" && /^(s(m(a(l(l)?)?)?)?)?…?$/.test(line.trim());
}

async function quitCleanly(s: Session): Promise<void> {
  s.press("q");
  const exit = await s.exited;
  expect(exit.exitCode, s.output().slice(-500)).toBe(0);
  expect(s.output()).not.toContain("lectern:");
  expect(s.altScreen()).toBe(false);
  expect(s.cursorVisible()).toBe(true);
}

/** A small seeded generator, so that a failing storm can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const suite = built ? describe.concurrent : describe.skip;

suite(`sizes${built ? "" : ` — ${SKIP_REASON}`}`, { timeout: TIMEOUT }, () => {
  for (const [cols, rows] of [
    [1, 1],
    [2, 2],
    [10, 5],
    [20, 10],
    [40, 12],
    [400, 120],
  ] as const) {
    const small = tooSmall(cols, rows);
    it(`${cols}×${rows}: ${small ? "says the terminal is too small" : "shows the reader"}, survives a key, q exits 0`, async (context) => {
      const s = open(context, { cols, rows });
      const first = small
        ? await s.waitFor((screen) => (screen[0] ?? "") !== "", 10_000, "a message")
        : await s.waitFor(readerFrame(rows), 10_000, "the reader's frame");
      expect(first).toHaveLength(rows);
      expect(Math.max(...first.map((line) => line.length))).toBeLessThanOrEqual(cols);
      expect(s.wrappedRows()).toEqual([]);
      if (small) {
        expect(
          saysTooSmall(first[0] ?? "", cols),
          `row 0 is ${JSON.stringify(first[0])}:\n${drawn(first)}`,
        ).toBe(true);
        expect(first.slice(1).join("").trim()).toBe("");
      } else {
        expect(first[0]).toMatch(/^ *Azerbaijan And/);
        expect(first[rows - 1]).toBe("");
      }
      // One key now, the next only once this one is surely read (keys read together are lost).
      await inkDrawn(s);
      s.press("j");
      if (small) {
        // Nothing to see at this size: growing the terminal shows the reader is still there.
        s.resize(40, 12);
        await s.waitFor(readerFrame(12), 10_000, "the reader after growing to 40×12");
      } else {
        // The title's first line scrolls off the top.
        await s.waitFor((screen) => screen[0] !== first[0] && readerFrame(rows)(screen));
      }
      await quitCleanly(s);
      expectClean(s);
    });
  }

  it("a resize that keeps the width (80×24 → 80×30) redraws every row", async (context) => {
    const resized = open(context, { cols: 80, rows: 24 });
    const fresh = open(context, { cols: 80, rows: 30 });
    await resized.waitFor(readerFrame(24));
    const expected = await fresh.waitFor(readerFrame(30));
    // (Resized while Ink still loads, the old status line can even stay behind: same bug.)
    await inkDrawn(resized);
    resized.resize(80, 30);
    await resized.waitFor(readerFrame(30), 10_000, "the frame at 80×30");
    await resized
      .waitFor((screen) => drawn(screen) === drawn(expected), 5_000, "the frame of a fresh start")
      .catch(() => {
        // Fail with a readable comparison.
        expect(drawn(resized.screen())).toBe(drawn(expected));
      });
    expectClean(resized);
  });

  for (const [label, keys] of [
    ["at the top", []],
    [
      "after l l",
      [
        ["l", "Tension with Tehran"],
        ["l", "Calls for Western help"],
      ],
    ],
  ] as const) {
    const heading = keys.at(-1)?.[1];
    it(`a storm of 100 resizes ${label} ends on the frame of a fresh start at 90×28`, async (context) => {
      const seed = label.length * 7919;
      const next = random(seed);
      const s = open(context, { cols: 100, rows: 30 });
      const fresh = open(context, { cols: 90, rows: 28 });
      await Promise.all([s.waitFor(readerFrame(30)), fresh.waitFor(readerFrame(28))]);
      await Promise.all([inkDrawn(s), inkDrawn(fresh)]);
      // One key at a time, each waited for (keys read together are lost: see reader.test.ts).
      for (const [key, top] of keys) {
        const atTop = (screen: string[]) => (screen[0] ?? "").trim() === top;
        s.press(key);
        fresh.press(key);
        await Promise.all([s.waitFor(atTop), fresh.waitFor(atTop)]);
      }
      const sizes: string[] = [];
      for (let i = 0; i < 99; i++) {
        const cols = 1 + Math.floor(next() * 200);
        const rows = 1 + Math.floor(next() * 60);
        sizes.push(`${cols}×${rows}`);
        s.resize(cols, rows);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      s.resize(90, 28);
      const expected = await fresh.waitFor(readerFrame(28));
      if (heading) expect((expected[0] ?? "").trim()).toBe(heading);
      else expect((expected[0] ?? "").trim()).toMatch(/^Azerbaijan And Israel/);
      await s.waitFor(readerFrame(28), 10_000, "the status line at 90×28");
      await s
        .waitFor((screen) => drawn(screen) === drawn(expected), 5_000, "the frame of a fresh start")
        .catch(() => {
          expect(drawn(s.screen()), `after resizes (seed ${seed}): ${sizes.join(" ")}`).toBe(
            drawn(expected),
          );
        });
      expect(s.wrappedRows()).toEqual([]);
      await quitCleanly(s);
      expectClean(s);
    });
  }
});
