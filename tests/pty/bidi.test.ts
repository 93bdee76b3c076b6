// An Arabic paragraph in the reader, in real tmux and in xterm.js (neither reorders by itself):
// it reads right to left — its first word at the right end of the column, reversed for display
// since those terminals draw in the order they receive — and with LECTERN_BIDI=off it does not.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUNDLE, built, killAll, open, SKIP_REASON } from "./harness.js";
import { hasTmux, tmux } from "./tmux.js";

afterAll(killAll);

const ARABIC = "مرحبا بالعالم هذه فقرة قصيرة بالعربية فيها رقم 2024.";
const reversed = (s: string) => [...s].reverse().join("");

function article(): string {
  const file = join(mkdtempSync(join(tmpdir(), "lectern-bidi-")), "rtl.json");
  writeFileSync(
    file,
    JSON.stringify({ id: "rtl", title: "RTL", sections: [{ paragraphs: [ARABIC] }] }),
  );
  return file;
}

const suite = built ? describe : describe.skip;

suite("an Arabic paragraph in the reader", { timeout: 60_000 }, () => {
  it("xterm.js: reads right to left, right-aligned; bidi off leaves it in logical order", async (context) => {
    const file = article();
    const s = open(context, { cols: 80, rows: 24, args: [file] });
    // The first frame comes before bidi-js has loaded; the reordered one follows.
    const rtl = (l: string) => l.includes("2024") && l.trimEnd().endsWith(reversed("مرحبا"));
    const screen = await s.waitFor((sc) => sc.some(rtl), 10_000, "the paragraph right to left");
    expect((screen.find(rtl) ?? "").startsWith("   ")).toBe(true);
    const off = open(context, { cols: 80, rows: 24, args: [file], env: { LECTERN_BIDI: "off" } });
    const plain = await off.waitFor(
      (sc) => sc.some((l) => l.includes("2024")),
      10_000,
      "the paragraph",
    );
    expect(plain.find((l) => l.includes("2024"))?.trim()).toBe(ARABIC);
  });

  it.skipIf(!hasTmux)("tmux: reads right to left", async () => {
    const t = tmux(`node ${BUNDLE} ${article()}`, 80, 24);
    try {
      const rtl = (l: string) => l.includes("2024") && l.trimEnd().endsWith(reversed("مرحبا"));
      const screen = await t.waitFor((sc) => sc.some(rtl), "the paragraph right to left");
      expect(screen.find(rtl)?.startsWith("   ")).toBe(true);
    } finally {
      t.kill();
    }
  });
});

if (!built) it.skip(SKIP_REASON, () => {});
