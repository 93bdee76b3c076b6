// A damaged replies file never stops the article from opening: it is set aside under a new name
// and, once the reader has closed and the terminal is restored, one line says so.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { built, killAll, open, SKIP_REASON } from "./harness.js";

afterAll(killAll);

const suite = built ? describe : describe.skip;

suite("a damaged replies file", { timeout: 60_000 }, () => {
  it("is set aside, the article opens, and one line says so after q", async (context) => {
    const data = mkdtempSync(join(tmpdir(), "lectern-replies-"));
    const folder = join(data, "lectern-nodejs", "replies");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "azerbaijan-and-israel.json"), "{ this is not JSON");
    const s = open(context, { cols: 80, rows: 24, env: { XDG_DATA_HOME: data } });
    await s.waitFor("Azerbaijan And Israel", 10_000, "the article");
    s.press("q");
    const exit = await s.exited;
    expect(exit.exitCode).toBe(0);
    expect(s.altScreen()).toBe(false);
    const said = s.text().replace(/\n/g, "");
    expect(said).toMatch(/lectern: .*replies.*azerbaijan-and-israel\.json.*damaged/i);
    expect(
      readdirSync(folder).some((f) => f.startsWith("azerbaijan-and-israel.json.damaged-")),
    ).toBe(true);
  });
});

if (!built) it.skip(SKIP_REASON, () => {});
