// Search in a real terminal, on the seed: /Mossad and Enter highlight a match (reverse video in
// the raw output) and show a count; n moves to the next; /Rustamov finds the word in the second
// comment, opening the comments pane; Esc while typing puts the view back where it was. And on a
// long article still being laid out (the laying out waits while a query is typed and counted):
// the count becomes exact, and then the share read does.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module of the bench, without types
import { generateArticle } from "../../scripts/bench/generate.mjs";
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

  it("on a long article being laid out: /the Enter counts exactly, then the share becomes exact", async (context) => {
    const article = generateArticle({
      id: "long-search",
      title: "A Long Article To Search",
      paragraphs: 60_000,
      comments: 2_000,
    });
    const file = join(mkdtempSync(join(tmpdir(), "lectern-search-")), "long.json");
    writeFileSync(file, JSON.stringify(article));
    const s = open(context, { cols: 100, rows: 30, args: [file] });
    await s.waitFor((screen) => status(screen).includes("Top"), 15_000, "the first frame");
    // A line down and a search, at once: read together as the reader starts taking keys, a few
    // milliseconds into laying out the rest, so the count and the share are both estimates.
    s.press("\x1b[B/the\r");
    await s.waitFor(
      (screen) => /“the” \S+\/~[\d,]+ · ~\d+%/.test(status(screen)),
      10_000,
      "the count and the share, both under way",
    );
    await s.waitFor(
      (screen) => /“the” [\d,]+\/[\d,]+ · \S*%/.test(status(screen)),
      30_000,
      "the exact count",
    );
    const laidOut = await s.waitFor(
      (screen) => /“the” [\d,]+\/[\d,]+ · \d+%/.test(status(screen)),
      30_000,
      "the exact share",
    );
    expect(status(laidOut)).not.toContain("~");
    expectClean(s);
  });
});

if (!built) it.skip(SKIP_REASON, () => {});
