// Clusters whose width terminals disagree about (skin tones, ZWJ sequences, flags, VS16, East
// Asian ambiguous quotes) in the title, a heading, the body and a comment: whatever width the
// terminal gives them, a row's error stays in that row. After G then g the title is on row 1 and
// the status line appears exactly once, in xterm.js (the pty harness) and in real tmux.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUNDLE, built, killAll, open, SKIP_REASON } from "./harness.js";
import { hasTmux, tmux } from "./tmux.js";

afterAll(killAll);

const CLUSTERS = "👍🏽 🧑🏿‍🚀 👨‍👩‍👧‍👦 🇯🇵 ❤️ ☺️ “quoted” ‘ambiguous’ ±×÷ §¶ ①②③";
const TITLE = `Widths ${CLUSTERS}`;

function article(): string {
  const body = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}: ${CLUSTERS} `.repeat(3));
  const data = {
    id: "widths",
    title: TITLE,
    sections: [
      { heading: `Heading ${CLUSTERS}`, paragraphs: body.slice(0, 20) },
      { heading: "Second", paragraphs: body.slice(20) },
    ],
    comments: [{ id: "c1", author: `Someone 👍🏽`, paragraphs: [`A comment ${CLUSTERS}`] }],
  };
  const file = join(mkdtempSync(join(tmpdir(), "lectern-widths-")), "widths.json");
  writeFileSync(file, JSON.stringify(data));
  return file;
}

const STATUS = /(Top|All|Bot|~?\d+%) · /;

const suite = built ? describe : describe.skip;

suite("rows stay rows whatever width the terminal gives a cluster", { timeout: 60_000 }, () => {
  for (const [cols, rows] of [
    [80, 24],
    [120, 35],
  ] as const) {
    it(`xterm.js ${cols}×${rows}: title on row 1 after G g, one status line`, async (context) => {
      const s = open(context, { cols, rows, args: [article()] });
      await s.waitFor((screen) => screen.some((l) => STATUS.test(l)), 10_000, "the status line");
      s.press("G");
      await s.waitFor((screen) => !(screen[0] ?? "").includes("Widths"), 10_000, "the end");
      s.press("g");
      const screen = await s.waitFor(
        (sc) => (sc[0] ?? "").trim().startsWith("Widths"),
        10_000,
        "the title on row 1",
      );
      expect(screen.filter((l) => STATUS.test(l))).toHaveLength(1);
      expect(s.wrappedRows()).toEqual([]);
    });

    it.skipIf(!hasTmux)(
      `tmux ${cols}×${rows}: title on row 1 after G g, one status line`,
      async () => {
        const t = tmux(`node ${BUNDLE} ${article()}`, cols, rows);
        try {
          await t.waitFor((sc) => sc.some((l) => STATUS.test(l)), "the status line");
          t.keys("G");
          await t.waitFor((sc) => !(sc[0] ?? "").includes("Widths"), "the end");
          t.keys("g");
          const screen = await t.waitFor(
            (sc) => (sc[0] ?? "").trim().startsWith("Widths"),
            "the title on row 1",
          );
          expect(screen.filter((l) => STATUS.test(l))).toHaveLength(1);
        } finally {
          t.kill();
        }
      },
    );
  }
});

suite("laying out with the terminal's own widths", { timeout: 60_000 }, () => {
  it.skipIf(!hasTmux)(
    "tmux draws 👍🏽 four columns wide: Lectern asks, and wraps by its answer",
    async () => {
      const file = join(mkdtempSync(join(tmpdir(), "lectern-thumbs-")), "thumbs.json");
      writeFileSync(
        file,
        JSON.stringify({
          id: "thumbs",
          title: "Thumbs",
          sections: [{ paragraphs: ["👍🏽 ".repeat(100)] }],
        }),
      );
      // The rows of thumbs once the status line is up and the thumbs fill `expected` rows.
      const settles = async (measure: string, expected: number) => {
        const t = tmux(`LECTERN_MEASURE=${measure} node ${BUNDLE} ${file}`, 80, 24);
        try {
          const thumbs = (sc: string[]) => sc.filter((l) => l.includes("👍")).length;
          const screen = await t.waitFor(
            (sc) => sc.some((l) => STATUS.test(l)) && thumbs(sc) === expected,
            `${expected} rows of thumbs`,
          );
          return thumbs(screen);
        } finally {
          t.kill();
        }
      };
      // 100 thumbs: 26 a row at string-width's 2 columns (4 rows), 16 at tmux's 4 (7 rows).
      expect(await settles("0", 4)).toBe(4);
      expect(await settles("1", 7)).toBe(7);
    },
  );
});

if (!built) it.skip(SKIP_REASON, () => {});
