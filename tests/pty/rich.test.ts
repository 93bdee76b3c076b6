// Rich text in a real terminal: a Markdown article reads with its quote bars, list markers and
// code rule; with LECTERN_HYPERLINKS=1 a link is a well-formed OSC 8 hyperlink whose text is on
// screen, `o` lists the section's links, and Enter hands the address to $BROWSER.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  built,
  expectClean,
  killAll,
  open,
  ROOT,
  SKIP_REASON,
  statusRowOf,
  until,
} from "./harness.js";

const MARKDOWN = join(ROOT, "tests", "fixtures", "rich", "markdown.json");
const SPEC = "https://spec.commonmark.org/0.31.2/";

afterAll(killAll);

const suite = built ? describe : describe.skip;

suite("rich text in the reader", { timeout: 30_000 }, () => {
  it("draws links as OSC 8 hyperlinks, lists them with o, and opens one with Enter", async (context) => {
    const dir = mkdtempSync(join(tmpdir(), "lectern-browser-"));
    const log = join(dir, "opened.txt");
    const browser = join(dir, "browser.sh");
    writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${log}'\n`);
    chmodSync(browser, 0o755);
    const s = open(context, {
      cols: 100,
      rows: 30,
      args: [MARKDOWN],
      env: { LECTERN_HYPERLINKS: "1", BROWSER: browser },
    });
    await s.waitFor((screen) => statusRowOf(screen) === 28, 10_000, "the status line");
    s.press("l");
    await s.waitFor("link to the Markdown spec", 10_000);
    // A well-formed hyperlink: ESC ] 8 ; ; URL BEL, the link text (its styling may end just
    // before the closer), ESC ] 8 ; ; BEL. Ink's frames have links; the first frame, painted
    // before Ink loads, has none.
    const osc8 =
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequence is the point
      /\x1b\]8;;https:\/\/spec\.commonmark\.org\/0\.31\.2\/\x07[^\x1b]*link to the Markdown spec(?:\x1b\[[0-9;]*m)*\x1b\]8;;\x07/;
    await until(() => osc8.test(s.output()), 10_000, "a hyperlink in the output");
    s.press("o");
    const list = await s.waitFor("Links (2)", 10_000);
    expect(list.join("\n")).toContain(`1. link to the Markdown spec — ${SPEC}`);
    expect(list.join("\n")).toContain("2. https://github.github.com/gfm/");
    s.press("\r");
    await s.waitFor(`Opening ${SPEC}`, 10_000);
    const opened = await until(
      () => (existsSync(log) ? readFileSync(log, "utf8") : undefined),
      10_000,
    );
    expect(opened).toBe(`${SPEC}\n`);
    expectClean(s);
  });

  it("shows quote bars on every line, hanging list items and code that is not re-wrapped", async (context) => {
    const s = open(context, {
      cols: 80,
      rows: 24,
      args: [MARKDOWN],
      env: { LECTERN_HYPERLINKS: "0" },
    });
    await s.waitFor((screen) => statusRowOf(screen) === 22, 10_000, "the status line");
    s.press("ll");
    const screen = (await s.waitFor("A quotation that runs", 10_000)).join("\n");
    expect(screen).toMatch(
      /│ A quotation that runs long enough to wrap onto several lines at eighty\n\s*│ columns/,
    );
    expect(screen).toMatch(
      /• A bullet item whose text is long enough to wrap, so its second line hangs\n\s{2}under the text/,
    );
    expect(s.output()).not.toContain("\x1b]8;");
    s.press("l");
    const code = (await s.waitFor("def greet(name):", 10_000)).join("\n");
    expect(code).toMatch(
      /▏ {5}# Indentation is kept, and a very long line is continued on the next row w\n\s*↪ ith a mark/,
    );
    expectClean(s);
  });
});

if (!built) it.skip(SKIP_REASON, () => {});
