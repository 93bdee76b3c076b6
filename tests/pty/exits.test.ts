// Every way out of the reader leaves the terminal as it found it: primary screen, cursor shown,
// the tty in cooked mode. The program runs under a shell in the pty, which afterwards prints
// the exit status and `stty -a`, so the tty's mode is checked as the next program would find it.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, type TestContext } from "vitest";
import {
  BUNDLE,
  built,
  childPids,
  cleanEnv,
  drawn,
  isCooked,
  KEY,
  killAll,
  ROOT,
  SEED_TITLE,
  type Session,
  SKIP_REASON,
  spawnPty,
  statusRowOf,
  until,
} from "./harness.js";

const TIMEOUT = 30_000;
const SEED = join(ROOT, "content", "azerbaijan-and-israel.json");
const FAULT_LINE = "lectern: injected rendering fault (LECTERN_FAULT=render)";
const tmp = mkdtempSync(join(tmpdir(), "lectern-pty-"));
let files = 0;

afterAll(() => {
  killAll();
  rmSync(tmp, { recursive: true, force: true });
});

type Shell = { s: Session; stderrFile: string };

/**
 * Runs `command` in bash in a pty, then prints `EXIT=<status>` and `stty -a`. In the command,
 * $LECTERN is the bundle, $ERR a file for the program's stderr, $INPUT the seed article.
 */
function shell(context: TestContext, command: string, env: Record<string, string> = {}): Shell {
  const stderrFile = join(tmp, `stderr-${++files}.txt`);
  const s = spawnPty({
    file: "bash",
    args: ["--norc", "--noprofile", "-c", `${command}; echo "EXIT=$?"; stty -a`],
    cols: 80,
    rows: 24,
    env: { ...env, LECTERN: BUNDLE, ERR: stderrFile, INPUT: SEED },
  });
  context.onTestFinished(() => {
    for (const pid of childPids(s.pid)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Gone already.
      }
    }
    s.kill();
  });
  return { s, stderrFile };
}

async function readerUp(s: Session): Promise<void> {
  await s.waitFor((screen) => statusRowOf(screen) === s.rows - 2, 10_000, "the reader");
}

/** The shell has finished: the program's status, and the terminal as the program left it. */
async function expectRestored(s: Session, status: number): Promise<string> {
  const shellExit = await s.exited;
  const text = s.text();
  expect(shellExit.exitCode, `the shell failed:\n${drawn(s.screen())}`).toBe(0);
  expect(text, drawn(s.screen())).toContain(`EXIT=${status}\n`);
  const stty = text.slice(text.indexOf("EXIT="));
  expect(stty, drawn(s.screen())).toMatch(/speed \d+ baud/);
  expect(isCooked(stty), `the tty is not in cooked mode:\n${drawn(s.screen())}`).toBe(true);
  expect(stty).not.toMatch(/(^|\s)-(icanon|echo)(\s|$)/);
  expect(s.altScreen(), "still on the alternate screen").toBe(false);
  expect(s.cursorVisible(), "cursor still hidden").toBe(true);
  return text;
}

const stderrOf = (shell: Shell) => readFileSync(shell.stderrFile, "utf8");

/** Terminal output with escape sequences taken out. */
function plain(output: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences are the point
  return output.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78c]/g, "");
}

const suite = built ? describe.concurrent : describe.skip;

suite(`exits${built ? "" : ` — ${SKIP_REASON}`}`, { timeout: TIMEOUT }, () => {
  it("q: status 0, terminal restored", async (context) => {
    const sh = shell(context, `node "$LECTERN" 2>"$ERR"`);
    await readerUp(sh.s);
    sh.s.press("q");
    await expectRestored(sh.s, 0);
  });

  it("Ctrl+C: status 0, terminal restored", async (context) => {
    const sh = shell(context, `node "$LECTERN" 2>"$ERR"`);
    await readerUp(sh.s);
    sh.s.press(KEY.ctrlC);
    await expectRestored(sh.s, 0);
  });

  for (const [signal, status] of [
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const) {
    it(`${signal}: status ${status}, terminal restored`, async (context) => {
      const sh = shell(context, `node "$LECTERN" 2>"$ERR"`);
      await readerUp(sh.s);
      const [node] = await until(() => {
        const pids = childPids(sh.s.pid);
        return pids.length > 0 && pids;
      });
      process.kill(node as number, signal);
      await expectRestored(sh.s, status);
    });
  }

  it("a fault while rendering: status 1, one line on stderr, no stack trace, terminal restored", async (context) => {
    const sh = shell(context, `node "$LECTERN" 2>"$ERR"`, { LECTERN_FAULT: "render" });
    await readerUp(sh.s);
    sh.s.press("?");
    const text = await expectRestored(sh.s, 1);
    const stderr = stderrOf(sh);
    // Lines with something readable on them (see the stderr test below for the rest).
    const lines = plain(stderr)
      .split("\n")
      .filter((line) => line.trim() !== "");
    expect(lines).toEqual([FAULT_LINE]);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(text).not.toMatch(/^\s+at /m);
  });

  it("a fault while rendering: the message is the one line on the primary screen", async (context) => {
    // stderr to the terminal this time: the message must be readable after the restore.
    const sh = shell(context, `node "$LECTERN"`, { LECTERN_FAULT: "render" });
    await readerUp(sh.s);
    sh.s.press("?");
    const text = await expectRestored(sh.s, 1);
    const before = text.slice(0, text.indexOf("EXIT=")).trim();
    expect(before).toBe(FAULT_LINE);
  });

  it("a fault while rendering writes no stack trace to the terminal, not even on the alternate screen", async (context) => {
    const sh = shell(context, `node "$LECTERN" 2>"$ERR"`, { LECTERN_FAULT: "render" });
    await readerUp(sh.s);
    sh.s.press("?");
    await expectRestored(sh.s, 1);
    const written = plain(sh.s.output());
    expect(written).not.toMatch(/^\s+at /m);
    // Ink's error overview lists frames as " - name (file:line:column)".
    expect(written).not.toMatch(/\((?:[^()\s]+\/)?[^()\s]+\.js:\d+:\d+\)/);
  });

  it("q writes nothing to stderr, and a fault only its message (no escape sequences)", async (context) => {
    const quit = shell(context, `node "$LECTERN" 2>"$ERR"`);
    const fault = shell(context, `node "$LECTERN" 2>"$ERR"`, { LECTERN_FAULT: "render" });
    await Promise.all([readerUp(quit.s), readerUp(fault.s)]);
    quit.s.press("q");
    fault.s.press("?");
    await Promise.all([expectRestored(quit.s, 0), expectRestored(fault.s, 1)]);
    expect(JSON.stringify(stderrOf(quit))).toBe(JSON.stringify(""));
    expect(JSON.stringify(stderrOf(fault))).toBe(JSON.stringify(`${FAULT_LINE}\n`));
  });

  it("lectern - < file: reads the article from stdin and keys from /dev/tty; q exits 0", async (context) => {
    const sh = shell(context, `node "$LECTERN" - < "$INPUT" 2>"$ERR"`);
    const first = await sh.s.waitFor(SEED_TITLE);
    expect(statusRowOf(first)).toBe(22);
    sh.s.press(KEY.right);
    await sh.s.waitFor((screen) => (screen[0] ?? "").trim() === "Tension with Tehran");
    sh.s.press("q");
    await expectRestored(sh.s, 0);
  });

  it("stdout a terminal but no controlling terminal for keys: status 2, one line, screen untouched", async (context) => {
    // setsid: a new session without a controlling terminal, so /dev/tty cannot be opened;
    // stdout is still the pty and stdin is not a terminal.
    const sh = shell(context, `setsid -w node "$LECTERN" < /dev/null 2>"$ERR"`);
    await expectRestored(sh.s, 2);
    const stderr = stderrOf(sh);
    expect(stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(stderr).toMatch(/^lectern: no terminal to read keys from/);
    expect(sh.s.output()).not.toContain("\x1b[?1049h");
  });

  for (const [name, args, input] of [
    ["a file named", [SEED], undefined],
    ["stdin (-)", ["-"], readFileSync(SEED)],
  ] as const) {
    it(`no controlling terminal, output a pipe: prints the article from ${name}`, async () => {
      const child = spawn(process.execPath, [BUNDLE, ...args], {
        cwd: ROOT,
        detached: true,
        env: cleanEnv(),
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
      });
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
        stderr += chunk;
      });
      child.stdin.end(input);
      const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(stderr).toBe("");
      expect(status).toBe(0);
      expect(stdout.split("\n")[0]).toBe(SEED_TITLE);
      expect(stdout).toContain("\nTension with Tehran\n");
      expect(stdout).toContain("February 24, 2012 at 6:45 pm");
      expect(stdout).not.toContain("\x1b");
      expect(Math.max(...stdout.split("\n").map((line) => [...line].length))).toBeLessThanOrEqual(
        80,
      );
    });
  }
});
