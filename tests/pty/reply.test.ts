// Leave a Reply in a real terminal, as a new user would: reply to the second comment of the seed,
// post, see the reply in the thread, quit and reopen: it is still there. Then a handful of rounds
// of the whole program killed with SIGKILL while a reply is being typed: reopening the form brings
// the draft back each time, up to the last half second of typing at most.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  built,
  expectClean,
  inkDrawn,
  KEY,
  killAll,
  SEED_TITLE,
  SKIP_REASON,
  start,
} from "./harness.js";

const homes: string[] = [];
function dataHome(): string {
  const home = mkdtempSync(join(tmpdir(), "lectern-reply-pty-"));
  homes.push(home);
  return home;
}
afterEach(() => killAll());
afterAll(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

describe.skipIf(!built)(built ? "replying" : SKIP_REASON, { timeout: 60_000 }, () => {
  it("types a reply to the second comment, posts it, and sees it in the thread, then and after reopening", async () => {
    const env = { XDG_DATA_HOME: dataHome() };
    const first = start({ cols: 100, rows: 30, env });
    await first.waitFor(SEED_TITLE);
    await inkDrawn(first);
    first.press(KEY.tab);
    await first.waitFor("1/2");
    first.press("j");
    await first.waitFor("2/2");
    first.press("r");
    await first.waitFor("Reply to Anonymous");
    await first.waitFor("Required fields are marked *");
    first.press("Agreed: trade first.");
    first.press(`${KEY.tab}Ann Reader${KEY.tab}ann@example.org${KEY.tab}${KEY.tab}`);
    first.press(KEY.enter); // on Post Comment
    const posted = await first.waitFor("your reply · not published");
    const text = posted.join("\n");
    expect(text).toContain("Ann Reader · your reply · not published");
    expect(text).toContain("Agreed: trade first.");
    expect(text).not.toContain("ann@example.org");
    expect(text.indexOf("Ann Reader")).toBeGreaterThan(text.indexOf("Azerbaijan has strong ties"));
    expectClean(first);
    first.press("q");
    expect((await first.exited).exitCode).toBe(0);

    const again = start({ cols: 100, rows: 30, env });
    await again.waitFor(SEED_TITLE);
    await inkDrawn(again);
    again.press("c");
    await again.waitFor("3 thoughts on");
    again.press(`${KEY.tab}G`);
    await again.waitFor("Ann Reader · your reply · not published");
    again.press("q");
    expect((await again.exited).exitCode).toBe(0);
  });

  it("kill -9 while typing, a few times over: the draft comes back each time", async () => {
    const env = { XDG_DATA_HOME: dataHome() };
    let typed = "";
    for (let round = 0; round < 3; round++) {
      const s = start({ cols: 100, rows: 30, env });
      await s.waitFor(SEED_TITLE);
      await inkDrawn(s);
      s.press("r");
      await s.waitFor("Leave a Reply");
      if (typed !== "") await s.waitFor(`┃ ${typed}`);
      const more = `${round === 0 ? "" : " "}round ${round} words`;
      s.press(more);
      typed += more;
      await s.waitFor(`┃ ${typed}`);
      // The draft is on disk within half a second of the last key; then the kill.
      const drafts = join(env.XDG_DATA_HOME, "lectern-nodejs", "drafts.json");
      const started = Date.now();
      for (;;) {
        let comment = "";
        try {
          comment = JSON.parse(readFileSync(drafts, "utf8")).drafts["azerbaijan-and-israel\n"]
            .comment;
        } catch {
          // Not written yet.
        }
        if (comment === typed) break;
        expect(Date.now() - started, "the draft is on disk within half a second").toBeLessThan(
          1500,
        );
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      s.kill("SIGKILL");
      await s.exited;
    }
    const last = start({ cols: 100, rows: 30, env });
    await last.waitFor(SEED_TITLE);
    await inkDrawn(last);
    last.press("r");
    await last.waitFor(`┃ ${typed}`);
    await last.waitFor("Your draft is back");
    last.press(KEY.escape);
    await last.waitFor("Draft kept");
    last.press("q");
    expect((await last.exited).exitCode).toBe(0);
  });
});
