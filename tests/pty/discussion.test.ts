// The discussion at scale, end to end in a real pseudo-terminal (issue 11): a 1,000-comment
// thread 13 deep at 80×24, 120×35 and 160×40 — every reply's depth readable past the indent cap,
// moving by thread, sibling, parent and first reply, zoom, headers that never wrap — and the
// pane's small defects: keys typed together, the empty discussion, the heading shown twice, the
// pane held to the article's column, paging keys in the pane.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module of the bench, without types
import { generateArticle } from "../../scripts/bench/generate.mjs";
import {
  built,
  drawn,
  expectClean,
  KEY,
  killAll,
  open,
  ROOT,
  SEED_TITLE,
  type Session,
  SKIP_REASON,
  statusRowOf,
} from "./harness.js";

const TIMEOUT = 40_000;
const REDDIT = join(ROOT, "tests", "fixtures", "sources", "reddit-thread.json");
const SEED = join(ROOT, "content", "azerbaijan-and-israel.json");
let DEEP = "";
let EMPTY = "";

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), "lectern-discussion-"));
  DEEP = join(dir, "deep.json");
  const deep = generateArticle({
    id: "deep-thousand",
    title: "A thousand comments, thirteen deep",
    paragraphs: 40,
    comments: 1000,
    maxDepth: 14,
  });
  writeFileSync(DEEP, JSON.stringify(deep));
  EMPTY = join(dir, "empty.json");
  writeFileSync(
    EMPTY,
    JSON.stringify({ id: "quiet", title: "A Quiet Article", sections: [{ paragraphs: ["Hi."] }] }),
  );
});
afterAll(killAll);

async function ready(s: Session): Promise<string[]> {
  return s.waitFor((screen) => statusRowOf(screen) === s.rows - 2, 15_000, "the status line");
}

/** The pane's counter "N/M" in its header. */
function counter(screen: string[]): { at: number; of: number } | undefined {
  for (const line of screen) {
    const m = / (\d[\d,]*)\/(\d[\d,]*) *$/.exec(line);
    if (m && /thoughts? on/.test(line)) {
      return { at: Number(m[1]?.replace(/,/g, "")), of: Number(m[2]?.replace(/,/g, "")) };
    }
  }
  return undefined;
}

/** The selected comment's header (the row where the selection bar meets a marker). */
function selectedHeader(screen: string[]): string {
  return screen.find((line) => /▌ *[•▾▸] /.test(line)) ?? "";
}

/** The depth a header shows: ↳N past the indent cap, else its indent (two columns a level). */
function depthOf(header: string, barColumn: number): number {
  const tag = /[•▾▸] ↳(\d+) /.exec(header);
  if (tag) return Number(tag[1]);
  const marker = header.search(/[•▾▸] /);
  return (marker - barColumn - 1) / 2;
}

const suite = built ? describe.concurrent : describe.skip;

suite(`the discussion at scale${built ? "" : ` — ${SKIP_REASON}`}`, { timeout: TIMEOUT }, () => {
  it("80×24: down the deep thread by first replies, every depth readable; p, ], J and z", async (context) => {
    const s = open(context, { cols: 80, rows: 24, args: [DEEP] });
    await ready(s);
    s.press(KEY.tab);
    await s.waitFor((screen) => counter(screen)?.at === 1, 10_000, "the pane focused on 1");
    // → on an open thread goes to its first reply: down the first thread, 13 deep.
    for (let depth = 1; depth <= 13; depth++) {
      s.press("l");
      const screen = await s.waitFor(
        (sc) => counter(sc)?.at === depth + 1,
        10_000,
        `comment ${depth + 1}`,
      );
      const header = selectedHeader(screen);
      expect(depthOf(header, 0), `${header}\n${drawn(screen)}`).toBe(depth);
      if (depth >= 7) expect(header).toContain(`↳${depth} `);
    }
    // p: the parent, one level up.
    s.press("p");
    const up = await s.waitFor((sc) => counter(sc)?.at === 13, 10_000, "the parent");
    expect(selectedHeader(up)).toContain("↳12 ");
    // [: the top of this thread; ]: the next top-level comment, and J its next sibling too.
    s.press("[");
    await s.waitFor((sc) => counter(sc)?.at === 1, 10_000, "the thread's top");
    s.press("]");
    const next = await s.waitFor((sc) => (counter(sc)?.at ?? 1) > 1, 10_000, "the next thread");
    const second = counter(next)?.at ?? 0;
    expect(depthOf(selectedHeader(next), 0)).toBe(0);
    s.press("K");
    await s.waitFor((sc) => counter(sc)?.at === 1, 10_000, "the previous sibling (the first)");
    s.press("J");
    await s.waitFor((sc) => counter(sc)?.at === second, 10_000, "the next sibling");
    // z: the discussion on the whole screen, and back.
    s.press("z");
    const zoomed = await s.waitFor(
      (sc) => /thoughts on/.test(sc[0] ?? ""),
      10_000,
      "the pane's header on the top row",
    );
    expect(zoomed.join("\n")).not.toContain("A thousand comments, thirteen deep\n");
    expect(statusRowOf(zoomed)).toBe(22);
    s.press("z");
    await s.waitFor((sc) => (sc[0] ?? "").includes("A thousand comments"), 10_000, "unzoomed");
    expectClean(s);
  });

  it("120×35: the pane goes beside, and no header of a real thread wraps", async (context) => {
    const s = open(context, { cols: 120, rows: 35, args: [REDDIT] });
    await ready(s);
    s.press(KEY.tab);
    let screen = await s.waitFor((sc) => counter(sc)?.at === 1, 10_000, "the pane");
    expect(screen[0]).toContain("│ ▾ ");
    for (let page = 0; page < 6; page++) {
      const pane = screen.slice(1, 33).map((line) => line.split("│ ")[1] ?? "");
      expect(pane.join("").length).toBeGreaterThan(0);
      pane.forEach((row, i) => {
        if (!/^.?\s*[•▾▸] /.test(row)) return;
        // A header is one row: what follows is the comment's text (rail), a gap, or a header.
        const after = pane[i + 1];
        if (after !== undefined) expect(after, drawn(screen)).toMatch(/^.?\s*([┆•▾▸]|$)/);
        expect(row.trimEnd().length).toBeLessThanOrEqual(120 - 64);
      });
      const before = counter(screen)?.at;
      s.press(" ");
      screen = await s.waitFor((sc) => counter(sc)?.at !== before, 10_000, "a page further");
    }
    expectClean(s);
  });

  it("160×40: the collapsed line and the zoomed pane keep to the article's column", async (context) => {
    const s = open(context, { cols: 160, rows: 40, args: [SEED] });
    const first = await ready(s);
    const left = (first[0] ?? "").indexOf(SEED_TITLE);
    expect(left).toBe(40);
    const line = first.find((row) => row.includes("▸ 2 thoughts on")) ?? "";
    expect(line.indexOf("▸")).toBe(left);
    s.press("z");
    const zoomed = await s.waitFor(/▾ 2 thoughts on/);
    expect((zoomed[0] ?? "").indexOf("▾")).toBe(left);
    const comment = zoomed.find((row) => row.includes("• Anonymous · February 24")) ?? "";
    expect(comment.indexOf("▌")).toBe(left - 1);
    // No row of the zoomed pane runs past the article's right edge.
    for (const row of zoomed.slice(0, 38)) expect(row.trimEnd().length).toBeLessThanOrEqual(121);
    expectClean(s);
  });

  it("100×30: the pane below is held to the article's 80 columns", async (context) => {
    const s = open(context, { cols: 100, rows: 30, args: [SEED] });
    await ready(s);
    s.press("c");
    const opened = await s.waitFor(/▾ 2 thoughts on/);
    const header = opened.findIndex((row) => row.includes("▾ 2 thoughts on"));
    for (const row of opened.slice(header, 28)) {
      expect(row.trimEnd().length, drawn(opened)).toBeLessThanOrEqual(90);
    }
    expect(opened[header]?.indexOf("▾")).toBe(10);
    expectClean(s);
  });

  it("the discussion heading shows once at the article's end", async (context) => {
    const s = open(context, { cols: 100, rows: 30, args: [SEED] });
    await ready(s);
    s.press("G");
    const end = await s.waitFor(/Read more at/);
    expect(end.filter((row) => row.includes("thoughts on “")).length, drawn(end)).toBe(1);
    s.press("c");
    const opened = await s.waitFor(/▾ 2 thoughts on/);
    expect(opened.filter((row) => row.includes("thoughts on “")).length, drawn(opened)).toBe(1);
    expectClean(s);
  });

  it("an article without comments: c says No thoughts yet and opens nothing", async (context) => {
    const s = open(context, { cols: 80, rows: 24, args: [EMPTY] });
    const first = await ready(s);
    const line = first.find((row) => row.includes("No thoughts yet on")) ?? "";
    expect(line).not.toContain("c to open");
    s.press("c");
    const after = await s.waitFor((sc) => (sc[statusRowOf(sc)] ?? "").includes("No thoughts yet"));
    expect(after.filter((row) => row.trim() !== "").length).toBe(
      first.filter((row) => row.trim() !== "").length,
    );
    expect(after.join("\n")).not.toContain("▾");
    expectClean(s);
  });

  it("keys typed together all count: t j Enter in one burst lands on entry 2", async (context) => {
    const s = open(context, { cols: 100, rows: 30, args: [SEED] });
    await ready(s);
    s.press(`tj${KEY.enter}`);
    const after = await s.waitFor((sc) => (sc[0] ?? "").trim() === "Calls for Western help");
    expect(after.join("\n")).not.toContain("❯");
    expect(after.join("\n")).not.toContain("Contents");
    expectClean(s);
  });

  it("in the pane, Space, d and Ctrl+D page and Enter folds", async (context) => {
    const s = open(context, { cols: 80, rows: 24, args: [DEEP] });
    await ready(s);
    s.press(KEY.tab);
    await s.waitFor((sc) => counter(sc)?.at === 1, 10_000, "the pane");
    s.press(" ");
    const paged = await s.waitFor((sc) => (counter(sc)?.at ?? 1) > 1, 10_000, "a page down");
    expect(paged.join("\n")).not.toContain("hidden");
    const at = counter(paged)?.at ?? 0;
    s.press("d");
    const half = await s.waitFor((sc) => (counter(sc)?.at ?? 0) > at, 10_000, "half a page");
    const next = counter(half)?.at ?? 0;
    s.press("\x04"); // Ctrl+D
    await s.waitFor((sc) => (counter(sc)?.at ?? 0) > next, 10_000, "Ctrl+D: half a page");
    s.press("g");
    await s.waitFor((sc) => counter(sc)?.at === 1, 10_000, "the first comment");
    s.press(KEY.enter);
    await s.waitFor(/▸ .* hidden/, 10_000, "the first thread folded");
    expectClean(s);
  });
});
