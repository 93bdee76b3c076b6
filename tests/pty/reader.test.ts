// The reader end to end, in a real pseudo-terminal at 80×24, 100×30 and 160×40: what a person
// sees after each key. Every screen a test waits for is also checked for garbage (raw control
// characters, remains of escape sequences) and for rows wider than the terminal.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  built,
  drawn,
  expectClean,
  KEY,
  killAll,
  open,
  PTY_FIXTURES,
  replay,
  SEED_TITLE,
  type Session,
  SKIP_REASON,
  statusRowOf,
  THREADS,
  until,
} from "./harness.js";

const SIZES = [
  [80, 24],
  [100, 30],
  [160, 40],
] as const;
const TIMEOUT = 30_000;
const FIRST_DATE = "February 24, 2012 at 6:45 pm";

afterAll(killAll);

/**
 * The reader's first screen: the status line on its row (the frame is one row short) and whole
 * (a frame can arrive in pieces, the status line last).
 */
async function ready(s: Session): Promise<string[]> {
  return s.waitFor(
    (screen) =>
      statusRowOf(screen) === s.rows - 2 && (screen[s.rows - 2] ?? "").trimEnd().endsWith("q quit"),
    10_000,
    "the whole status line",
  );
}

/** Rows of article above the collapsed comments line (`▸ 2 thoughts on …`). */
function articleRows(screen: string[]): number {
  const row = screen.findIndex((line) => /^ *▸ \d+ thoughts? on /.test(line));
  expect(row, `no collapsed comments line in\n${drawn(screen)}`).toBeGreaterThan(0);
  return row;
}

function sameRows(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

const top = (screen: string[]) => (screen[0] ?? "").trim();

async function quitWith(s: Session, key: string): Promise<void> {
  s.press(key);
  const exit = await s.exited;
  expect(exit.exitCode).toBe(0);
  expect(s.altScreen(), "still on the alternate screen").toBe(false);
  expect(s.cursorVisible(), "cursor still hidden").toBe(true);
}

const suite = built ? describe.concurrent : describe.skip;

for (const [cols, rows] of SIZES) {
  suite(`reader at ${cols}×${rows}${built ? "" : ` — ${SKIP_REASON}`}`, {
    timeout: TIMEOUT,
  }, () => {
    const size = { cols, rows };

    it("shows the title on the first screen, and Ink's first frame is the frame painted before it", async (context) => {
      const s = open(context, size);
      const first = await ready(s);
      expect(top(first)).toBe(SEED_TITLE);
      expect(first[statusRowOf(first)]).toContain("Top");
      expect(first[rows - 1]).toBe("");
      expect(s.altScreen()).toBe(true);
      expect(s.cursorVisible()).toBe(false);
      // Ink wraps each frame in a synchronized update (ESC[?2026h … ESC[?2026l); what came
      // before the first one is the frame lectern paints itself while Ink loads.
      await until(() => s.output().includes("\x1b[?2026l"), 10_000, "Ink's first frame");
      const early = s.output().slice(0, s.output().indexOf("\x1b[?2026h"));
      const painted = await replay(early, cols, rows);
      const inked = await s.waitFor((screen) => statusRowOf(screen) === rows - 2);
      expect(drawn(inked)).toBe(drawn(painted));
      expectClean(s);
    });

    it("↓ moves the text up by one line", async (context) => {
      const s = open(context, size);
      const before = await ready(s);
      const n = articleRows(before);
      s.press(KEY.down);
      const after = await s.waitFor(
        (screen) => sameRows(screen.slice(0, n - 1), before.slice(1, n)),
        10_000,
        "the article one line further",
      );
      expect(after[statusRowOf(after)]).not.toContain("Top");
      expectClean(s);
    });

    it("PgDn moves the text by about a page", async (context) => {
      const s = open(context, size);
      const before = await ready(s);
      const n = articleRows(before);
      // A page is the article's height less an overlap of one to three lines.
      const moved = (screen: string[]) => {
        for (let k = n - 3; k < n; k++) {
          if (sameRows(screen.slice(0, n - k), before.slice(k, n))) return true;
        }
        return false;
      };
      s.press(KEY.pageDown);
      await s.waitFor(
        (screen) => top(screen) !== top(before) && moved(screen),
        10_000,
        `the last lines of the first page at the top:\n${drawn(before)}`,
      );
      expectClean(s);
    });

    it("→ puts the next section's heading on the top row", async (context) => {
      const s = open(context, size);
      await ready(s);
      s.press(KEY.right);
      const first = await s.waitFor((screen) => top(screen) === "Tension with Tehran");
      expect(first[statusRowOf(first)]).toContain("Tension with Tehran");
      s.press(KEY.right);
      const second = await s.waitFor((screen) => top(screen) === "Calls for Western help");
      expect(second[statusRowOf(second)]).toContain("Calls for Western help");
      expectClean(s);
    });

    it("t, ↓ and Enter jump to the chosen section, its heading on top", async (context) => {
      const s = open(context, size);
      await ready(s);
      s.press("t");
      const list = await s.waitFor(/❯ 1\. Tension with Tehran/);
      expect(list.find((line) => line.trim() !== "")?.trim()).toBe("Contents");
      expect(list.join("\n")).toContain("6. A careful balance");
      expect(list.join("\n")).toContain("2 thoughts on “");
      expect(list[rows - 2]).toContain("Contents");
      s.press(KEY.down);
      await s.waitFor(/❯ 2\. Calls for Western help/);
      s.press(KEY.enter);
      const after = await s.waitFor((screen) => top(screen) === "Calls for Western help");
      expect(after.join("\n")).not.toContain("❯");
      expect(after[statusRowOf(after)]).toContain("Calls for Western help");
      expectClean(s);
    });

    it(`c opens the comments ${cols >= 120 ? "beside" : "below"} the article`, async (context) => {
      const s = open(context, size);
      await ready(s);
      s.press("c");
      const opened = await s.waitFor(FIRST_DATE);
      expect(opened.join("\n")).toContain("• Anonymous · February 24, 2012 at 6:45 pm");
      expect(opened.join("\n")).toContain("March 6, 2012 at 12:11 am");
      expect(statusRowOf(opened)).toBe(rows - 2);
      if (cols >= 120) {
        // Beside: the pane's header shares the top row with the title …
        expect(opened[0]).toContain(SEED_TITLE);
        expect(opened[0]).toMatch(/│ ▾ 2 thoughts on “.*1\/2/);
        // … and after one line of scrolling, the comment's date shares a row with article text.
        s.press(KEY.down);
        const scrolled = await s.waitFor((screen) => !screen[0]?.includes(SEED_TITLE));
        const row = scrolled.find((line) => line.includes(FIRST_DATE)) ?? "";
        const [article = "", pane = ""] = row.split("│");
        expect(article.trim(), `article text beside the date in ${JSON.stringify(row)}`).toMatch(
          /[A-Za-z]{3}/,
        );
        expect(pane).toContain(FIRST_DATE);
      } else {
        // Below: the article on top, then the pane's header, then the comments.
        const header = opened.findIndex((line) => /^ *▾ 2 thoughts on “.*1\/2/.test(line));
        const date = opened.findIndex((line) => line.includes(FIRST_DATE));
        expect(top(opened)).toBe(SEED_TITLE);
        expect(header).toBeGreaterThan(2);
        expect(date).toBeGreaterThan(header);
        expect(opened.join("\n")).not.toContain("│");
      }
      expectClean(s);
    });

    it("Tab then Enter collapses the selected thread", async (context) => {
      const s = open(context, { ...size, args: [THREADS] });
      await ready(s);
      s.press(KEY.tab);
      const focused = await s.waitFor(
        /▾ 26 thoughts on “A Short Article With A Long Discussion” +1\/26/,
      );
      expect(focused.join("\n")).toMatch(/▌ ?▾ Brian · March 2, 2024 at 7:13 am/);
      // The first reply of Brian's thread is in view before the fold …
      expect(focused.join("\n")).toContain("Anonymous · March 3, 2024 at 2:26 pm");
      s.press(KEY.enter);
      const folded = await s.waitFor("replies hidden");
      // … and gone after it, its thread summed up on one line.
      expect(folded.join("\n")).toMatch(/▸ Brian · March 2, 2024 at 7:13 am — 6 replies hidden/);
      expect(folded.join("\n")).not.toContain("Anonymous · March 3, 2024 at 2:26 pm");
      expect(folded.join("\n")).not.toContain("Chidi · March 4, 2024");
      expectClean(s);
    });

    it("? shows the help, and Esc closes it", async (context) => {
      const s = open(context, size);
      const before = await ready(s);
      s.press("?");
      const help = await s.waitFor((screen) => top(screen).startsWith("Keys"));
      expect(help.join("\n")).toMatch(/↓ \/ j +down one line/);
      expect(help[rows - 2]).toContain("Help");
      s.press(KEY.escape);
      await s.waitFor((screen) => sameRows(screen, before), 10_000, "the article as before");
      expectClean(s);
    });

    it("reflows on a resize to 70×20 and back, the paragraph at the top staying there", async (context) => {
      const s = open(context, size);
      await ready(s);
      s.press(KEY.right);
      await s.waitFor((screen) => top(screen) === "Tension with Tehran");
      s.press(KEY.down);
      await s.waitFor((screen) => top(screen) === "");
      s.press(KEY.down);
      const before = await s.waitFor((screen) => top(screen).startsWith("As the showdown"));
      s.resize(70, 20);
      const narrow = await s.waitFor(
        (screen) =>
          screen.length === 20 &&
          statusRowOf(screen) === 18 &&
          top(screen).startsWith("As the showdown"),
        10_000,
        "the reflowed frame at 70×20",
      );
      expect(Math.max(...narrow.map((line) => line.length))).toBeLessThanOrEqual(70);
      expect(s.wrappedRows()).toEqual([]);
      // The narrower column wraps the paragraph differently.
      expect(narrow[0]).not.toBe(before[0]?.trim());
      s.resize(cols, rows);
      await s.waitFor((screen) => sameRows(screen, before), 10_000, "the frame from before");
      expectClean(s);
    });

    it("q exits with status 0, primary screen back and cursor visible", async (context) => {
      const s = open(context, size);
      await ready(s);
      await quitWith(s, "q");
      expectClean(s);
    });

    it("Ctrl+C exits with status 0, primary screen back and cursor visible", async (context) => {
      const s = open(context, size);
      await ready(s);
      await quitWith(s, KEY.ctrlC);
      expectClean(s);
    });
  });
}

suite(`reader input${built ? "" : ` — ${SKIP_REASON}`}`, { timeout: TIMEOUT }, () => {
  const size = { cols: 80, rows: 24 };

  it("shows escape sequences in the content as text, and obeys none of them", async (context) => {
    const s = open(context, { ...size, args: [join(PTY_FIXTURES, "hostile.json")] });
    const first = await ready(s);
    expect(top(first)).toBe("Hostile ␛[2J␛[?1049lTitle");
    expect(first.join("\n")).toContain("␛[?1049l␛[?25h");
    // Still on the alternate screen, the cursor still hidden, nothing cleared.
    expect(s.altScreen()).toBe(true);
    expect(s.cursorVisible()).toBe(false);
    s.press("c");
    const pane = await s.waitFor("Eve ␛[5m");
    expect(pane.join("\n")).toContain("␇");
    expect(s.altScreen()).toBe(true);
    await quitWith(s, "q");
    expectClean(s);
  });

  // Keys typed while the program is busy (or during start-up) reach it in one read.
  it("applies every key of several typed ahead and read at once (jjj)", async (context) => {
    const s = open(context, size);
    const before = await ready(s);
    const n = articleRows(before);
    s.press("jjj");
    await s.waitFor(
      (screen) => sameRows(screen.slice(0, n - 3), before.slice(3, n)),
      5_000,
      "the article three lines further",
    );
    expectClean(s);
  });

  it("keys typed together with t act in the contents list (t ↓ Enter)", async (context) => {
    const s = open(context, size);
    await ready(s);
    s.press(`t${KEY.down}${KEY.enter}`);
    await s.waitFor(
      (screen) => top(screen) === "Calls for Western help",
      5_000,
      "section 2 at the top",
    );
    expectClean(s);
  });
});
