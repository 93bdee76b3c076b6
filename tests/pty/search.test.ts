// Search in a real terminal, on the seed: /Mossad and Enter highlight a match (reverse video in
// the raw output) and show a count; n moves to the next; /Rustamov finds the word in the second
// comment, opening the comments pane; Esc while typing puts the view back where it was.
import { afterAll, describe, expect, it } from "vitest";
import {
  built,
  expectClean,
  killAll,
  open,
  SEED_TITLE,
  SKIP_REASON,
  statusRowOf,
} from "./harness.js";

afterAll(killAll);

const suite = built ? describe : describe.skip;
/** The status line: the last row the reader draws (the frame is one row short of the screen). */
const status = (screen: string[]) => screen[28] ?? "";

suite("search", { timeout: 60_000 }, () => {
  it("/Mossad Enter highlights and counts; n moves; /Rustamov opens the pane; Esc restores", async (context) => {
    const s = open(context, { cols: 100, rows: 30 });
    await s.waitFor((screen) => statusRowOf(screen) === 28, 10_000, "the status line");
    s.press("/Mossad");
    await s.waitFor((screen) => status(screen).includes("/Mossad▏"), 10_000, "the prompt");
    s.press("\r");
    const kept = await s.waitFor(
      (screen) => /“Mossad” 1\/3/.test(status(screen)),
      10_000,
      "the count",
    );
    expect(kept.join("\n")).toContain("Mossad");
    // The current match is drawn in reverse video.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequence is the point
    expect(s.output()).toMatch(/\x1b\[[0-9;]*7[0-9;]*m(\x1b\[[0-9;]*m)*Mossad/);
    s.press("n");
    await s.waitFor((screen) => /“Mossad” 2\/3/.test(status(screen)), 10_000, "the second match");

    s.press("/Rustamov\r");
    const pane = await s.waitFor(
      (screen) =>
        /“Rustamov” 1\/1/.test(status(screen)) &&
        screen.some((l) => l.includes("Rustamov, a great leader")),
      10_000,
      "the match in the second comment",
    );
    expect(pane.some((l) => l.includes("▾ 2 thoughts on"))).toBe(true);

    // Esc ends the search; a new one cancelled with Esc goes back to exactly this view.
    s.press("\x1b");
    await s.waitFor((screen) => !status(screen).includes("Rustamov"), 10_000, "the search to end");
    s.press("\t"); // back to the article
    s.press("g");
    const before = await s.waitFor(
      (screen) => (screen[0] ?? "").trim() === SEED_TITLE,
      10_000,
      "the top",
    );
    s.press("/nardaran");
    await s.waitFor(
      (screen) => (screen[0] ?? "").trim() !== SEED_TITLE,
      10_000,
      "the view to move",
    );
    s.press("\x1b");
    const after = await s.waitFor(
      (screen) => (screen[0] ?? "").trim() === SEED_TITLE,
      10_000,
      "the view back",
    );
    expect(after.slice(0, 20)).toEqual(before.slice(0, 20));
    expectClean(s);
  });
});

if (!built) it.skip(SKIP_REASON, () => {});
