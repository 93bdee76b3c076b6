// Every way out of the reader leaves the terminal as it found it: primary screen, cursor shown,
// auto-wrap on, the tty in cooked mode. The program runs under a shell in the pty, which
// afterwards prints the exit status and `stty -a`, so the tty's mode is checked as the next
// program would find it. Every signal whose default is to end a process ends the reader this
// way; a stop (SIGTSTP, SIGTTIN, SIGTTOU) restores the terminal and `fg` takes the screen back.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { constants, tmpdir } from "node:os";
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
  replay,
  SEED_TITLE,
  type Session,
  SKIP_REASON,
  spawnPty,
  statusRowOf,
  until,
} from "./harness.js";

/** A process's command line, or "" once it has exited (its /proc entry is gone). */
function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

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

/** Auto-wrap (DECAWM) as the last `ESC[?7h` / `ESC[?7l` in the output left it (on by default). */
function autoWrap(raw: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences are the point
  const changes = [...raw.matchAll(/\x1b\[\?7([hl])/g)];
  return (changes.at(-1)?.[1] ?? "h") === "h";
}

/** The terminal as the program left it, with `stty -a` printed after `marker` by the shell. */
function expectTerminalBack(s: Session, marker: string): void {
  const text = s.text();
  const stty = text.slice(text.lastIndexOf(marker));
  expect(stty, drawn(s.screen())).toMatch(/speed \d+ baud/);
  expect(isCooked(stty), `the tty is not in cooked mode:\n${drawn(s.screen())}`).toBe(true);
  expect(stty).not.toMatch(/(^|\s)-(icanon|echo)(\s|$)/);
  expect(s.altScreen(), "still on the alternate screen").toBe(false);
  expect(s.cursorVisible(), "cursor still hidden").toBe(true);
  expect(autoWrap(s.output()), "auto-wrap still off").toBe(true);
}

/** The shell has finished: the program's status, and the terminal as the program left it. */
async function expectRestored(s: Session, status: number): Promise<string> {
  const shellExit = await s.exited;
  const text = s.text();
  expect(shellExit.exitCode, `the shell failed:\n${drawn(s.screen())}`).toBe(0);
  expect(text, drawn(s.screen())).toContain(`EXIT=${status}\n`);
  expectTerminalBack(s, "EXIT=");
  return text;
}

/** The pid of the program the shell started (its only child). */
async function programPid(s: Session): Promise<number> {
  const [pid] = await until(() => {
    const pids = childPids(s.pid);
    return pids.length > 0 && pids;
  });
  return pid as number;
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
      process.kill(await programPid(sh.s), signal);
      await expectRestored(sh.s, status);
    });
  }

  // Every other signal whose default action ends a process (SIGKILL aside, and SIGPIPE, which
  // Node ignores): the terminal is restored first, and the status is 128 + the number.
  for (const signal of [
    "SIGUSR2",
    "SIGALRM",
    "SIGVTALRM",
    "SIGPROF",
    "SIGXCPU",
    "SIGXFSZ",
    "SIGPOLL",
    "SIGPWR",
    "SIGQUIT",
  ] as const) {
    const status = 128 + (constants.signals[signal] as number);
    it(`${signal}: status ${status}, terminal restored`, async (context) => {
      const sh = shell(context, `node "$LECTERN" 2>"$ERR"`);
      await readerUp(sh.s);
      process.kill(await programPid(sh.s), signal);
      await expectRestored(sh.s, status);
      expect(stderrOf(sh)).toBe("");
    });
  }

  it("SIGUSR1 opens no debugger: status 138, terminal restored, nothing said", async (context) => {
    // stderr to the terminal, where Node would announce its inspector.
    const sh = shell(context, `node "$LECTERN"`);
    await readerUp(sh.s);
    process.kill(await programPid(sh.s), "SIGUSR1");
    const text = await expectRestored(sh.s, 138);
    expect(sh.s.output()).not.toMatch(/Debugger|inspector|ws:\/\//i);
    expect(text.slice(0, text.indexOf("EXIT=")).trim()).toBe("");
  });

  it("SIGUSR1 before the screen is up (print mode) opens no debugger either", async (context) => {
    // The article comes through a named pipe, written once the shell reads a line (Enter).
    const fifo = join(tmp, `fifo-${++files}`);
    const sh = shell(
      context,
      `mkfifo "${fifo}"; (read -r < /dev/tty; cat "$INPUT" > "${fifo}") & node "$LECTERN" --print "${fifo}" 2>&1`,
    );
    const node = await until(() =>
      childPids(sh.s.pid).find((pid) => cmdline(pid).split("\0")[1] === BUNDLE),
    );
    // Opening the pipe waits for its writer: by then Lectern's code runs (before it, Node itself
    // is starting and no JavaScript can listen yet).
    await until(() => /partner|fifo/.test(readFileSync(`/proc/${node}/wchan`, "utf8")));
    process.kill(node, "SIGUSR1");
    sh.s.press(KEY.enter);
    const text = await sh.s.exited.then(() => sh.s.text());
    expect(text).toMatch(/EXIT=(0|138)\n/);
    expect(sh.s.output()).not.toMatch(/Debugger|inspector|ws:\/\//i);
  });

  for (const signal of ["SIGTSTP", "SIGTTIN", "SIGTTOU"] as const) {
    it(`${signal}: the terminal is restored while stopped; fg redraws the reader in raw mode`, async (context) => {
      // set -m: job control in the shell, so that the program can stop and be brought back.
      const sh = shell(
        context,
        // The shell waits for a line before fg, so that the stopped state can be looked at.
        `set -m; node "$LECTERN" 2>"$ERR"; echo "STOPPED=$?"; stty -a; echo SHELL-WAITS; read -r; fg >/dev/null`,
      );
      await readerUp(sh.s);
      sh.s.press(KEY.down);
      const before = await sh.s.waitFor((screen) => screen[0] !== SEED_TITLE, 10_000, "a scroll");
      process.kill(await programPid(sh.s), signal);
      // Stopped: the shell has its terminal back as it was.
      await sh.s.waitFor("SHELL-WAITS", 10_000, "the shell after the stop");
      expect(sh.s.text()).toMatch(/STOPPED=(147|148|149|150)/);
      expectTerminalBack(sh.s, "STOPPED=");
      // fg: the reader takes the screen again and draws what it showed, in raw mode.
      sh.s.press(KEY.enter);
      const after = await sh.s.waitFor(
        // The article rows as they were (the status line's share may have firmed up: ~15% → 15%).
        (screen) =>
          statusRowOf(screen) === 22 &&
          screen.slice(0, 21).join("\n") === before.slice(0, 21).join("\n"),
        10_000,
        `the redrawn reader:\n${drawn(before)}`,
      );
      expect(sh.s.altScreen()).toBe(true);
      expect(sh.s.cursorVisible()).toBe(false);
      expect(autoWrap(sh.s.output())).toBe(false);
      expect(sh.s.rawMode()).toBe(true);
      expect(after.slice(0, 21)).toEqual(before.slice(0, 21));
      sh.s.press("q");
      await expectRestored(sh.s, 0);
    });
  }

  it("auto-wrap is off while the reader is up: a row wider than the terminal is cut, not wrapped", async (context) => {
    const sh = shell(context, `node "$LECTERN" 2>"$ERR"`);
    const screen = await sh.s.waitFor(SEED_TITLE);
    await readerUp(sh.s);
    expect(autoWrap(sh.s.output())).toBe(false);
    // What the terminal would show if a row came out 10 columns wider than Lectern measured.
    const wide = `${sh.s.output()}\x1b[1;1H${"W".repeat(sh.s.cols + 10)}`;
    const shown = await replay(wide, sh.s.cols, sh.s.rows);
    expect(shown[0]).toBe("W".repeat(sh.s.cols));
    expect(shown.slice(1)).toEqual(sh.s.screen().slice(1));
    expect(screen[1]).toBe(sh.s.screen()[1]);
    sh.s.press("q");
    await expectRestored(sh.s, 0);
  });

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
