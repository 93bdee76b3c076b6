// Settings and terminal conventions end to end, in a real pseudo-terminal: NO_COLOR gives no
// colour (bold and reverse kept), a config that rebinds ↓ to n works and shows in ?, a typo in
// the config is one line and exit 2, and Ctrl+Z hands the terminal to the shell until fg brings
// the reader back where it was.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  BUNDLE,
  built,
  expectClean,
  garbageIn,
  KEY,
  killAll,
  open,
  ROOT,
  SEED_TITLE,
  type Session,
  SKIP_REASON,
  spawnPty,
  statusRowOf,
} from "./harness.js";

const TIMEOUT = 30_000;
const SEED = join(ROOT, "content", "azerbaijan-and-israel.json");

afterAll(killAll);

/** A config home holding `text` as lectern/config.toml. */
function configHome(text: string): string {
  const home = mkdtempSync(join(tmpdir(), "lectern-config-"));
  mkdirSync(join(home, "lectern"));
  writeFileSync(join(home, "lectern", "config.toml"), text);
  return home;
}

async function ready(s: Session): Promise<string[]> {
  return s.waitFor((screen) => statusRowOf(screen) === s.rows - 2, 10_000, "the status line");
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: SGR sequences are the point
const SGR = /\x1b\[([0-9;]*)m/g;
/** Every SGR parameter the program wrote (38;5;n and 48;… counted as colour). */
function sgrCodes(raw: string): string[] {
  return [...raw.matchAll(SGR)].flatMap((m) => (m[1] ?? "").split(";"));
}
const isColour = (code: string) => /^(3[0-9]|4[0-9]|9[0-7]|10[0-7])$/.test(code);

describe.skipIf(!built)(`settings in a terminal${built ? "" : ` (${SKIP_REASON})`}`, () => {
  it("NO_COLOR: no colour codes at all, bold and reverse video kept", {
    timeout: TIMEOUT,
  }, async (t) => {
    const s = open(t, { args: [SEED], cols: 100, rows: 30, env: { NO_COLOR: "1" } });
    await ready(s);
    s.press("c");
    await s.waitFor("thoughts on", 10_000);
    s.press(KEY.tab);
    await s.waitFor((screen) => screen.some((l) => l.includes("▌")), 10_000, "a selection");
    const codes = sgrCodes(s.output());
    expect(codes.filter(isColour)).toEqual([]);
    expect(codes).toContain("1");
    expect(codes).toContain("7");
    expectClean(s);
  });

  it("without NO_COLOR the same screens are coloured (the test can fail)", {
    timeout: TIMEOUT,
  }, async (t) => {
    const s = open(t, { args: [SEED], cols: 100, rows: 30 });
    await ready(s);
    expect(sgrCodes(s.output()).filter(isColour)).not.toEqual([]);
  });

  it("a config that rebinds ↓ to n: n scrolls, and ? lists it", { timeout: TIMEOUT }, async (t) => {
    const home = configHome('[keys.article]\nline-down = ["down", "n"]\n');
    const s = open(t, { args: [SEED], cols: 100, rows: 30, env: { XDG_CONFIG_HOME: home } });
    const first = await ready(s);
    expect(first[0]).toContain(SEED_TITLE);
    s.press("n");
    await s.waitFor((screen) => !screen[0]?.includes(SEED_TITLE), 10_000, "a line scrolled");
    s.press("?");
    const help = await s.waitFor("Keys", 10_000);
    expect(help.some((l) => /↓ \/ n +down one line/.test(l))).toBe(true);
    expectClean(s);
  });

  it("a typo in the config is one line naming file, line and key, and exit 2", {
    timeout: TIMEOUT,
  }, async (t) => {
    const home = configHome('theme = "dark"\nwidht = 90\n');
    const s = open(t, { args: [SEED], env: { XDG_CONFIG_HOME: home } });
    const exit = await s.exited;
    expect(exit.exitCode).toBe(2);
    const lines = s.output().trim().split(/\r?\n/);
    expect(lines).toEqual([
      `lectern: ${join(home, "lectern", "config.toml")}:2: widht: unknown setting "widht" (did you mean "width"?)`,
    ]);
    expect(s.altScreen()).toBe(false);
  });

  it("Ctrl+Z gives the shell the terminal; fg redraws the reader where it was, after a resize too", {
    timeout: TIMEOUT,
  }, async (t) => {
    const shell = spawnPty({
      file: "/bin/bash",
      args: ["--norc", "--noprofile", "-i"],
      cols: 100,
      rows: 30,
      env: { PS1: "READY$ " },
    });
    t.onTestFinished(() => shell.kill());
    await shell.waitFor("READY$", 10_000);
    shell.press(`${process.execPath} ${BUNDLE} ${SEED}\r`);
    await ready(shell);
    shell.press("jjjj");
    const before = await shell.waitFor(
      (screen) => !screen[0]?.includes(SEED_TITLE) && statusRowOf(screen) === 28,
      10_000,
      "scrolled",
    );
    const stopped = () =>
      shell.waitFor(
        (screen) =>
          screen.join("\n").includes("Stopped") &&
          screen
            .filter((l) => l !== "")
            .at(-1)
            ?.startsWith("READY$") === true,
        10_000,
        "the shell's prompt",
      );
    // Stopped and brought back at the same size: the very same screen.
    shell.press("\x1a");
    await stopped();
    expect(shell.altScreen()).toBe(false);
    shell.press("clear\r");
    await shell.waitFor((screen) => screen[0]?.startsWith("READY$") === true, 10_000, "cleared");
    shell.press("fg\r");
    const again = await shell.waitFor((screen) => statusRowOf(screen) === 28, 10_000, "the reader");
    // (The status line's percentage may have become exact meanwhile: "~20%" → "22%".)
    expect(again.slice(0, 28)).toEqual(before.slice(0, 28));
    // Resized while stopped: redrawn at the new size, the same paragraph at the top.
    shell.press("\x1a");
    await stopped();
    shell.resize(90, 28);
    shell.press("fg\r");
    const after = await shell.waitFor(
      (screen) => statusRowOf(screen) === 26,
      10_000,
      "the reader again, at the new size",
    );
    expect(shell.altScreen()).toBe(true);
    const firstText = (screen: string[]) => screen.find((l) => l.trim() !== "")?.trim();
    expect(firstText(after)).toBe(firstText(before));
    shell.press("q");
    await shell.waitFor(
      (screen) => screen.filter((l) => l.includes("READY$")).length >= 2,
      10_000,
      "the prompt after quitting",
    );
    expect(shell.altScreen()).toBe(false);
    // (No expectClean here: the shell itself wraps its long "Stopped …" lines.)
    expect(garbageIn(after)).toEqual([]);
  });
});
