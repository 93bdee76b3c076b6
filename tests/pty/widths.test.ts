// Clusters whose width terminals disagree about (skin tones, ZWJ sequences, flags, VS16, East
// Asian ambiguous quotes) in the title, a heading, the body and a comment: whatever width the
// terminal gives them, a row's error stays in that row. After G then g the title is on row 1 and
// the status line appears exactly once, in xterm.js (the pty harness) and in real tmux.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUNDLE, built, killAll, open, SKIP_REASON } from "./harness.js";

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
const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
if (!hasTmux)
  console.warn("SKIPPED the tmux part of tests/pty/widths.test.ts: tmux is not installed");

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
        const name = `lectern-widths-${process.pid}-${cols}`;
        const file = article();
        execFileSync("tmux", [
          "new-session",
          "-d",
          "-s",
          name,
          "-x",
          String(cols),
          "-y",
          String(rows),
          `node ${BUNDLE} ${file}`,
        ]);
        const capture = () =>
          execFileSync("tmux", ["capture-pane", "-p", "-t", name], { encoding: "utf8" }).split(
            "\n",
          );
        const until = async (ok: (screen: string[]) => boolean, what: string) => {
          const deadline = Date.now() + 10_000;
          for (;;) {
            const screen = capture();
            if (ok(screen)) return screen;
            if (Date.now() > deadline)
              throw new Error(`tmux: timed out waiting for ${what}:\n${screen.join("\n")}`);
            await new Promise((r) => setTimeout(r, 50));
          }
        };
        try {
          await until((sc) => sc.some((l) => STATUS.test(l)), "the status line");
          execFileSync("tmux", ["send-keys", "-t", name, "G"]);
          await until((sc) => !(sc[0] ?? "").includes("Widths"), "the end");
          execFileSync("tmux", ["send-keys", "-t", name, "g"]);
          const screen = await until(
            (sc) => (sc[0] ?? "").trim().startsWith("Widths"),
            "the title on row 1",
          );
          expect(screen.filter((l) => STATUS.test(l))).toHaveLength(1);
        } finally {
          spawnSync("tmux", ["kill-session", "-t", name]);
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
      const rowsOf = async (measure: string) => {
        const name = `lectern-thumbs-${process.pid}-${measure}`;
        execFileSync("tmux", [
          "new-session",
          "-d",
          "-s",
          name,
          "-x",
          "80",
          "-y",
          "24",
          `LECTERN_MEASURE=${measure} node ${BUNDLE} ${file}`,
        ]);
        try {
          const deadline = Date.now() + 10_000;
          for (;;) {
            const screen = execFileSync("tmux", ["capture-pane", "-p", "-t", name], {
              encoding: "utf8",
            }).split("\n");
            // Settled: the status line is there and the thumbs are drawn.
            if (screen.some((l) => STATUS.test(l)) && screen.some((l) => l.includes("👍"))) {
              await new Promise((r) => setTimeout(r, 300)); // the measured re-layout, if any, lands
              const again = execFileSync("tmux", ["capture-pane", "-p", "-t", name], {
                encoding: "utf8",
              }).split("\n");
              if (again.join("\n") === screen.join("\n"))
                return screen.filter((l) => l.includes("👍")).length;
            }
            if (Date.now() > deadline)
              throw new Error(`tmux: no settled screen:\n${screen.join("\n")}`);
            await new Promise((r) => setTimeout(r, 50));
          }
        } finally {
          spawnSync("tmux", ["kill-session", "-t", name]);
        }
      };
      // 100 thumbs: 26 a row at string-width's 2 columns (4 rows), 16 at tmux's 4 (7 rows).
      expect(await rowsOf("0")).toBe(4);
      expect(await rowsOf("1")).toBe(7);
    },
  );
});

if (!built) it.skip(SKIP_REASON, () => {});
