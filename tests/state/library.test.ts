// The list of articles as a pure reducer: what a person sees move when keys arrive, files are
// read, the terminal is resized, the filter is typed, the order changes; and its frame (the rows
// composed by ui/library-rows.ts), which is what these tests read.
import uFuzzy from "@leeoniya/ufuzzy";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Facts } from "../../src/library/facts.js";
import {
  haystackOf,
  initialLibrary,
  type LibraryAction,
  type LibraryState,
  progressOf,
  stepLibrary,
} from "../../src/state/library.js";
import { composeLibrary } from "../../src/ui/library-rows.js";

const facts = (i: number, more: Partial<Facts> = {}): Facts => ({
  id: `a${i}`,
  title: `Article number ${String(i).padStart(3, "0")}`,
  author: `Author ${i % 7}`,
  published: `2020-01-${String((i % 28) + 1).padStart(2, "0")}`,
  words: 238 * ((i % 9) + 1),
  comments: i * 3,
  bodyBlocks: 20,
  ...more,
});

function library(n: number, cols = 100, rows = 30, broken: number[] = []): LibraryState {
  const files = Array.from({ length: n }, (_, i) => `dir/${String(i).padStart(5, "0")}.json`);
  const state = initialLibrary(files, cols, rows);
  const items = files.map((file, index) =>
    broken.includes(index)
      ? { index, errors: [`${file}: sections[0].paragraphs[0]: must be a non-empty string`] }
      : { index, facts: facts(index) },
  );
  return stepLibrary(state, { type: "scanned", items }).state;
}

const frame = (state: LibraryState) =>
  composeLibrary(state).map((row) => row.map((s) => s.text).join(""));
const cursorRow = (state: LibraryState) => frame(state).find((line) => line.startsWith("❯ ")) ?? "";
function keys(state: LibraryState, ...names: string[]): LibraryState {
  return names.reduce((s, key) => stepLibrary(s, { type: "key", key }).state, state);
}

describe("the list's frame", () => {
  it("is exactly the terminal's width, one row shorter than it, header on top", () => {
    for (const [cols, rows] of [
      [80, 24],
      [120, 40],
      [160, 40],
      [45, 12],
    ] as const) {
      const lines = frame(library(50, cols, rows));
      expect(lines).toHaveLength(rows - 1);
      for (const line of lines) expect([...line].length, line).toBe(cols);
      expect(lines[0]).toContain("Lectern — 50 articles");
    }
  });

  it("shows title, author, date, reading time, comments and progress in columns", () => {
    const lines = frame(library(5));
    expect(lines[2]).toMatch(/title\s+author\s+date\s+time\s+comments\s+progress/);
    const row = lines.find((l) => l.includes("Article number 003")) ?? "";
    expect(row).toMatch(/Author 3\s+2020-01-04\s+4 min\s+9\s+unread/);
  });

  it("cuts the title, never the numbers, at 120 columns and narrower", () => {
    const long = "A title far too long to fit beside its columns ".repeat(4);
    for (const cols of [120, 80, 50]) {
      const base = initialLibrary(["x.json"], cols, 20);
      const state = stepLibrary(base, {
        type: "scanned",
        items: [{ index: 0, facts: facts(1, { title: long, comments: 14_000 }) }],
      }).state;
      const row = cursorRow(state);
      expect(row, `${cols} columns`).toMatch(/… .*14,000\s+unread $/);
    }
  });
});

describe("moving in the list", () => {
  it("starts on the first article, whatever the files' names", () => {
    const state = library(30, 100, 30, [0, 1]);
    expect(cursorRow(state)).toContain("Article number 002");
  });

  it("lists broken files last, marked, and Enter on one shows its whole error", () => {
    const state = library(5, 100, 30, [0]);
    const lines = frame(state);
    const last = lines.filter((l) => /^(❯ | {2})\S/.test(l)).at(-1) ?? "";
    expect(last).toContain("✗ dir/00000.json");
    const opened = keys(state, "G", "enter");
    const shown = frame(opened).join("\n");
    expect(shown).toContain("dir/00000.json could not be read:");
    expect(shown).toContain("sections[0].paragraphs[0]: must be a non-empty string");
    expect(frame(keys(opened, "escape")).join("\n")).toContain("Article number 001");
  });

  it("g G Home End PgDn PgUp move, and the ends do not wrap around", () => {
    const state = library(100, 100, 30);
    expect(cursorRow(keys(state, "G"))).toContain("Article number 099");
    expect(cursorRow(keys(state, "end", "down", "down"))).toContain("Article number 099");
    expect(cursorRow(keys(state, "up", "k"))).toContain("Article number 000");
    expect(cursorRow(keys(state, "G", "g"))).toContain("Article number 000");
    expect(cursorRow(keys(state, "G", "home"))).toContain("Article number 000");
    const page = keys(state, "pageDown");
    expect(cursorRow(page)).toContain("Article number 025"); // 25 rows of list at 30 rows
    expect(cursorRow(keys(page, "pageUp"))).toContain("Article number 000");
    expect(cursorRow(keys(state, "j", "j", "j", "j"))).toContain("Article number 004");
  });

  it("after a resize the highlight stays on screen and the header on top", () => {
    let state = keys(library(100, 120, 40), "G");
    state = stepLibrary(state, { type: "resize", cols: 60, rows: 12 }).state;
    const lines = frame(state);
    expect(lines).toHaveLength(11);
    expect(lines[0]).toContain("Lectern — 100 articles");
    expect(cursorRow(state)).toContain("Article number 0");
    for (const line of lines) expect([...line].length).toBe(60);
    state = keys(state, "down", "down", "up");
    expect(cursorRow(state)).toContain("Article number 098");
  });

  it("keeps the highlight on its article while the rest is read", () => {
    const files = Array.from({ length: 10 }, (_, i) => `f${i}.json`);
    let state = initialLibrary(files, 100, 30);
    const scan = (from: number, to: number) => ({
      type: "scanned" as const,
      items: files.slice(from, to).map((_, k) => ({ index: from + k, facts: facts(9 - from - k) })),
    });
    state = stepLibrary(state, scan(0, 5)).state;
    expect(frame(state)[0]).toContain("reading 5 of 10…");
    state = keys(state, "j", "j");
    const chosen = cursorRow(state).slice(0, 30);
    state = stepLibrary(state, scan(5, 10)).state;
    expect(cursorRow(state).slice(0, 30)).toBe(chosen);
    expect(frame(state)[0]).not.toContain("reading");
  });
});

describe("filtering and sorting", () => {
  it("filters as you type with a count, marks the match, and Esc clears", () => {
    let state = library(200);
    state = keys(state, "/", "0", "4", "2");
    const lines = frame(state);
    expect(lines[1]).toMatch(/\/ 042.*\b1 of 200 $/);
    expect(cursorRow(state)).toContain("Article number 042");
    const row = composeLibrary(state).find((r) => r[0]?.text.startsWith("❯ ")) ?? [];
    const marked = row.find((s) => s.text === "042");
    expect(marked?.style).toMatchObject({ bold: true, underline: true, inverse: true });
    expect(row[0]?.style?.underline).toBeFalsy();
    state = keys(state, "escape");
    expect(frame(state)[1]?.trim()).toBe("");
    expect(cursorRow(state)).toContain("Article number 042");
  });

  it("each letter typed shows exactly what the matcher finds among all entries, in order", () => {
    // The list looks for a longer filter only among the last one's matches: the same entries.
    // Sorted by comments (most first): not the entries' own order.
    const state = keys(library(300), "s", "s");
    expect(state.sort).toBe("comments");
    const hay = haystackOf(state.entries);
    const all = new uFuzzy({ intraIns: Infinity });
    const typed = fc.array(fc.constantFrom(..."aeinrtu umb0123 -'\".AN"), { maxLength: 12 });
    fc.assert(
      fc.property(typed, (letters) => {
        let at = keys(state, "/");
        for (const letter of letters) {
          at = keys(at, letter === " " ? "space" : letter);
          const found = new Set(
            at.filter.trim() === "" ? hay.map((_, i) => i) : (all.filter(hay, at.filter) ?? []),
          );
          // In the list's order, as without a filter.
          expect(at.order).toEqual(state.order.filter((i) => found.has(i)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("typed letters are the filter's, not commands (q, j, s, G)", () => {
    const state = keys(library(20), "/", "q", "j", "s", "G");
    expect(state.quit).toBe(false);
    expect(state.filter).toBe("qjsG");
    expect(frame(state)[1]).toContain("0 of 20");
    expect(frame(state).join("\n")).toContain("Nothing matches the filter.");
    expect(keys(state, "backspace", "backspace").filter).toBe("qj");
  });

  it("s cycles the order and says so; the choice is handed out to be remembered", () => {
    let state = library(10);
    const orders: string[] = [];
    for (let i = 0; i < 4; i++) {
      const result = stepLibrary(state, { type: "key", key: "s" });
      state = result.state;
      orders.push(state.sort);
      expect(result.effects).toEqual([{ type: "saveSort", sort: state.sort }]);
      expect(frame(state).at(-1)).toContain(`sorted by`);
    }
    expect(orders).toEqual(["date", "comments", "read", "title"]);
    state = keys(state, "s", "s"); // comments: most first
    expect(cursorRow(state)).toContain("Article number 009");
  });

  it("sorts by last read once something was read, and shows how far", () => {
    const positions = new Map([
      ["a3", { block: 10, fraction: 0 }],
      ["a7", { block: 19, fraction: 0.5 }],
    ]);
    const files = Array.from({ length: 10 }, (_, i) => `f${i}.json`);
    const base = initialLibrary(files, 100, 30, { positions });
    expect(base.sort).toBe("read");
    const items = files.map((_, index) => ({ index, facts: facts(index) }));
    const state = stepLibrary(base, { type: "scanned", items }).state;
    const lines = frame(state);
    expect(lines[3]).toMatch(/Article number 007.*read $/);
    expect(lines[4]).toMatch(/Article number 003.*50% $/);
    expect(lines[5]).toMatch(/unread $/);
    const after: LibraryAction = { type: "read", id: "a3", anchor: { block: 0, fraction: 0 } };
    expect(frame(stepLibrary(state, after).state)[3]).toMatch(/Article number 003.*0% $/);
  });

  it("progress: unread, a share of the body, read near the end", () => {
    const f = facts(1);
    expect(progressOf(f, new Map())).toBeUndefined();
    expect(progressOf(f, new Map([["a1", { block: 5, fraction: 0.5 }]]))).toBe(27);
    expect(progressOf(f, new Map([["a1", { block: 19, fraction: 0 }]]))).toBe("read");
  });
});

describe("at scale", () => {
  it("10,000 articles: a key, a filter key and a resize each take a few milliseconds", () => {
    const state = library(10_000, 160, 40);
    const time = (f: () => void) => {
      const t = performance.now();
      f();
      return performance.now() - t;
    };
    // Generous limits: the machine is shared; the bench measures the real latency.
    expect(time(() => keys(state, "G"))).toBeLessThan(100);
    let typing = keys(state, "/");
    for (const key of ["n", "u", "m", "b", "e", "r", " ", "4", "2"]) {
      const ms = time(() => {
        typing = keys(typing, key);
      });
      expect(ms, `filter key ${key}`).toBeLessThan(300);
    }
    expect(typing.order.length).toBeGreaterThan(0);
    expect(time(() => frame(typing))).toBeLessThan(100);
  });
});

describe("the mouse over the list", () => {
  it("a click on an entry highlights that entry, as drawn", () => {
    let s = library(50);
    const screen = frame(s);
    const row = screen.findIndex((line) => line.includes("Article number 007"));
    const entry = screen[row] ?? "";
    expect(row).toBeGreaterThan(2);
    s = stepLibrary(s, { type: "mouse", event: { kind: "click", col: 5, row } }).state;
    expect(cursorRow(s).replace(/^❯ /, "")).toBe(entry.replace(/^ {2}/, ""));
    // Outside the entries: the title and the column headings change nothing.
    expect(stepLibrary(s, { type: "mouse", event: { kind: "click", col: 5, row: 0 } }).state).toBe(
      s,
    );
  });

  it("the wheel scrolls the list three rows a step, the highlight kept on screen", () => {
    let s = library(200);
    const entryAt = (st: LibraryState, row: number) => (frame(st)[row] ?? "").slice(2);
    const first = entryAt(s, 3);
    s = stepLibrary(s, {
      type: "mouse",
      event: { kind: "wheel", delta: 1, col: 5, row: 10 },
    }).state;
    expect(s.top).toBe(3);
    expect(entryAt(s, 3)).not.toBe(first);
    expect(frame(s).some((line) => line.startsWith("❯ "))).toBe(true);
    s = stepLibrary(s, {
      type: "mouse",
      event: { kind: "wheel", delta: -1, col: 5, row: 10 },
    }).state;
    expect(entryAt(s, 3)).toBe(first);
  });
});
