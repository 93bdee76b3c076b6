// A small pseudo-terminal harness for the end-to-end tests: the program runs in a real pty
// (@lydell/node-pty) and its output is fed to a headless xterm (@xterm/headless), so the tests
// assert on what a person would see: the visible rows, the alternate screen, the cursor.
// Nothing here sleeps for a fixed time: every wait polls the screen until a condition holds.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { fileURLToPath } from "node:url";
import pty from "@lydell/node-pty";
import xterm from "@xterm/headless";
import { expect, type TestContext } from "vitest";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BUNDLE = join(ROOT, "dist", "lectern.js");
export const SEED_TITLE = "Azerbaijan And Israel: The Enemy Of My Enemy Is My Friend";
export const THREADS = join(ROOT, "tests", "fixtures", "threads", "long-discussion.json");
export const PTY_FIXTURES = join(ROOT, "tests", "fixtures", "pty");

/** Whether the bundle exists (the tests do not build it: `npm run build` first). */
export const built = existsSync(BUNDLE);
/** Appended to a suite's name when it is skipped for want of the bundle. */
export const SKIP_REASON = "SKIPPED: dist/lectern.js is missing (run npm run build)";

/** Keys as a terminal sends them. */
export { KEY } from "../helpers/terminal.js";

/**
 * The environment the child runs in: the caller's, minus everything that makes libraries believe
 * they run in CI (Ink would then draw nothing until exit), with a known TERM.
 */
let dataParent: string | undefined;
/** One folder for this test process's data homes, removed when it exits. */
function dataHomes(): string {
  if (!dataParent) {
    const parent = mkdtempSync(join(tmpdir(), "lectern-data-"));
    process.on("exit", () => rmSync(parent, { recursive: true, force: true }));
    dataParent = parent;
  }
  return dataParent;
}

export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (name === "CI" || name === "CONTINUOUS_INTEGRATION" || name.startsWith("CI_")) continue;
    if (name === "LECTERN_FAULT" || name === "FORCE_COLOR" || name === "NO_COLOR") continue;
    env[name] = value;
  }
  env.TERM = "xterm-256color";
  // Every run starts with no remembered reading positions (see src/storage/positions.ts), so
  // that one test's place in an article is not another's starting point.
  env.XDG_DATA_HOME = mkdtempSync(join(dataHomes(), "run-"));
  return { ...env, ...extra };
}

export type Exit = { exitCode: number; signal: number | undefined };
export type Predicate = string | RegExp | ((screen: string[]) => boolean);

export type SpawnOptions = {
  /** The program; default node. */
  file?: string;
  args?: string[];
  cols?: number;
  rows?: number;
  /** Added to the clean environment. */
  env?: Record<string, string>;
  cwd?: string;
};

export type StartOptions = Omit<SpawnOptions, "file" | "args"> & {
  /** Arguments to lectern (after `node dist/lectern.js`). */
  args?: string[];
};

export type Session = {
  /** The pid of the process started in the pty. */
  readonly pid: number;
  /** The pty's device (/dev/pts/N). */
  readonly ptsName: string;
  readonly cols: number;
  readonly rows: number;
  /** Visible rows, trailing blanks trimmed. */
  screen(): string[];
  /** The visible rows joined with newlines. */
  text(): string;
  /**
   * Polls until `predicate` holds for the screen (never in the middle of a synchronized update),
   * then resolves with that screen; throws with the screen drawn out on time-out. Every screen
   * that satisfied a wait is also checked for garbage, see `problems()`.
   */
  waitFor(predicate: Predicate, timeoutMs?: number, what?: string): Promise<string[]>;
  /** Resolves once the output received so far has been parsed by the terminal. */
  settle(): Promise<void>;
  /** Writes keys to the terminal, as typing would. */
  press(keys: string): void;
  /** Resizes the terminal (the program gets SIGWINCH). */
  resize(cols: number, rows: number): void;
  /** Resolves when the process has exited and its last output has been parsed. */
  readonly exited: Promise<Exit>;
  /** Whether the process has exited. */
  done(): boolean;
  /** Every byte the program wrote, as text. */
  output(): string;
  /** Sends a signal to the process (default SIGKILL); nothing if it has exited. */
  kill(signal?: NodeJS.Signals): void;
  /** Cursor visibility by DECTCEM: the last `ESC[?25h` / `ESC[?25l` (or RIS) in the output. */
  cursorVisible(): boolean;
  /** Whether the terminal shows its alternate screen buffer. */
  altScreen(): boolean;
  /** Visible rows the terminal began by wrapping the row above: a line wider than the screen. */
  wrappedRows(): number[];
  /** Whether the pty's line discipline is in raw mode (`-icanon`). */
  rawMode(): boolean;
  /** What was wrong with the screens seen by `waitFor` (raw controls, wrapped rows). */
  problems(): string[];
};

const live = new Set<Session>();

function matches(predicate: Predicate, screen: string[]): boolean {
  if (typeof predicate === "string") return screen.join("\n").includes(predicate);
  if (predicate instanceof RegExp) return predicate.test(screen.join("\n"));
  return predicate(screen);
}

function describePredicate(predicate: Predicate): string {
  return typeof predicate === "function" ? "a condition" : JSON.stringify(String(predicate));
}

/** A screen drawn out with row numbers, for failure messages. */
export function drawn(screen: string[]): string {
  return screen.map((line, i) => `${String(i).padStart(3)}|${line}`).join("\n");
}

/** The last DECTCEM change in the output decides; a full reset (RIS) shows the cursor. */
export function cursorVisibleIn(raw: string): boolean {
  let visible = true;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences are the point
  const pattern = /\x1b\[\?([0-9;]*)([hl])|\x1bc/g;
  for (const m of raw.matchAll(pattern)) {
    if (m[0] === "\x1bc") visible = true;
    else if ((m[1] ?? "").split(";").includes("25")) visible = m[2] === "h";
  }
  return visible;
}

/**
 * Rows that show what a terminal never should: a raw control character, or the remains of an
 * escape sequence whose ESC got lost (`[31m`, `[?25h`, `[2J`). A sequence shown with its ESC as
 * the control picture ␛ (U+241B) is how the reader neutralises hostile text: that is fine.
 */
export function garbageIn(screen: string[]): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a raw control character is garbage
  const bad = /[\x00-\x08\x0b-\x1f\x7f]|(?<!\u241b)\[\??[0-9;]+[A-Za-z~]/;
  return screen.filter((line) => bad.test(line));
}

/** The row holding the reader's status line (`Top · …`, `42% · …`, `All · …`), or -1. */
export function statusRowOf(screen: string[]): number {
  return screen.findIndex((line) => /(^| )(Top|All|~?\d+%) · /.test(line));
}

/** A pty's settings as `stty -a` prints them. */
export function sttyOf(ptsName: string): string {
  return execFileSync("stty", ["-F", ptsName, "-a"], { encoding: "utf8" });
}

/** Whether `stty -a` output shows cooked mode: canonical input and echo on. */
export function isCooked(stty: string): boolean {
  return /(^|\s)icanon(\s|$)/.test(stty) && /(^|\s)echo(\s|$)/.test(stty);
}

/** The pids of a process's children (Linux /proc, else pgrep). */
export function childPids(pid: number): number[] {
  let text = "";
  try {
    text = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8");
  } catch {
    try {
      text = execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" });
    } catch {
      text = "";
    }
  }
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

/** Resolves with `poll()`'s first truthy value, polling until `timeoutMs`; throws on time-out. */
export async function until<T>(
  poll: () => T | undefined | false,
  timeoutMs = 10_000,
  what = "a condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = poll();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

/** The screen a terminal of this size shows after `output` (replayed in a fresh terminal). */
export async function replay(output: string, cols: number, rows: number): Promise<string[]> {
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
  await new Promise<void>((resolve) => term.write(output, resolve));
  const buffer = term.buffer.active;
  const out: string[] = [];
  for (let y = 0; y < rows; y++) {
    out.push((buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? "").trimEnd());
  }
  term.dispose();
  return out;
}

/**
 * node-pty destroys its end of the pty 200 ms after the child exits if the stream has not ended
 * by then, dropping whatever was not read yet: on a busy machine, the program's last output
 * (leaving the alternate screen, showing the cursor). Read that rest before the stream goes.
 */
function keepLastOutput(child: pty.IPty, receive: (data: string) => void): void {
  const internals = child as unknown as {
    _fd?: number;
    _socket?: { destroy: (...args: unknown[]) => unknown };
  };
  const socket = internals._socket;
  const fd = internals._fd;
  if (!socket || typeof fd !== "number") return;
  const destroy = socket.destroy.bind(socket);
  socket.destroy = (...args: unknown[]) => {
    const decoder = new StringDecoder("utf8");
    const buffer = Buffer.alloc(64 * 1024);
    // The fd is non-blocking: the loop ends with EAGAIN (nothing left) or EIO (closed).
    for (let i = 0; i < 1_000; i++) {
      let n = 0;
      try {
        n = readSync(fd, buffer, 0, buffer.length, null);
      } catch {
        break;
      }
      if (n <= 0) break;
      receive(decoder.write(buffer.subarray(0, n)));
    }
    return destroy(...args);
  };
}

/** Run any program in a pseudo-terminal watched by a headless xterm. */
export function spawnPty(options: SpawnOptions = {}): Session {
  let cols = options.cols ?? 80;
  let rows = options.rows ?? 24;
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
  const child = pty.spawn(options.file ?? process.execPath, options.args ?? [], {
    name: "xterm-256color",
    cols,
    rows,
    cwd: options.cwd ?? ROOT,
    env: cleanEnv(options.env),
  });
  let raw = "";
  let finished = false;
  let pending = Promise.resolve();
  const problems: string[] = [];
  const receive = (data: string) => {
    raw += data;
    pending = new Promise<void>((resolve) => term.write(data, resolve));
  };
  child.onData(receive);
  // Answer what the program asks the terminal (cursor position reports), as a real one does.
  term.onData((answer) => {
    if (!finished) child.write(answer);
  });
  keepLastOutput(child, receive);
  const exited = new Promise<Exit>((resolve) => {
    child.onExit(({ exitCode, signal }) => {
      finished = true;
      live.delete(session);
      // Whatever was written just before the exit is parsed before anyone looks.
      void settle().then(() => resolve({ exitCode, signal: signal || undefined }));
    });
  });

  const screen = (): string[] => {
    const buffer = term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < term.rows; y++) {
      // Spaces written and cells never written look the same: both are trimmed.
      out.push((buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? "").trimEnd());
    }
    return out;
  };
  const wrappedRows = (): number[] => {
    const buffer = term.buffer.active;
    const out: number[] = [];
    for (let y = 0; y < term.rows; y++) {
      if (buffer.getLine(buffer.viewportY + y)?.isWrapped) out.push(y);
    }
    return out;
  };
  async function settle(): Promise<void> {
    // More output may arrive while the last piece is parsed: wait until nothing is pending.
    let seen: Promise<void>;
    do {
      seen = pending;
      await seen;
    } while (seen !== pending);
  }
  const check = (now: string[]) => {
    for (const line of garbageIn(now)) problems.push(`garbage on screen: ${JSON.stringify(line)}`);
    const wrapped = wrappedRows();
    if (wrapped.length > 0) {
      problems.push(`rows ${wrapped.join(", ")} continue a line wider than ${cols} columns`);
    }
  };

  const session: Session = {
    pid: child.pid,
    ptsName: (child as unknown as { ptsName: string }).ptsName,
    get cols() {
      return cols;
    },
    get rows() {
      return rows;
    },
    screen,
    text: () => screen().join("\n"),
    settle,
    async waitFor(predicate, timeoutMs = 10_000, what) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await settle();
        // A terminal shows a synchronized update only once it is complete.
        const now = screen();
        if (!term.modes.synchronizedOutputMode && matches(predicate, now)) {
          check(now);
          return now;
        }
        if (Date.now() > deadline) {
          throw new Error(
            `timed out after ${timeoutMs} ms waiting for ${what ?? describePredicate(predicate)}` +
              `${finished ? " (the program has exited)" : ""}; the screen (${cols}×${rows}) shows:\n` +
              drawn(now),
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    },
    press(keys) {
      if (!finished) child.write(keys);
    },
    resize(c, r) {
      cols = c;
      rows = r;
      term.resize(c, r);
      if (!finished) child.resize(c, r);
    },
    exited,
    done: () => finished,
    output: () => raw,
    kill(signal = "SIGKILL") {
      if (finished) return;
      try {
        process.kill(child.pid, signal);
      } catch {
        // Already gone.
      }
    },
    cursorVisible: () => cursorVisibleIn(raw),
    altScreen: () => term.buffer.active.type === "alternate",
    wrappedRows,
    rawMode: () => /(^|\s)-icanon(\s|$)/.test(sttyOf(session.ptsName)),
    problems: () => [...problems],
  };
  live.add(session);
  return session;
}

/**
 * Waits until Ink has drawn its first frame over the one lectern paints while Ink loads (Ink 6
 * wraps every frame in a synchronized update, ESC[?2026h … ESC[?2026l). From then on a key is
 * read as soon as it is typed; before, keys wait in the tty and are read together.
 */
export async function inkDrawn(s: Session, timeoutMs = 10_000): Promise<void> {
  await until(() => s.output().includes("\x1b[?2026l"), timeoutMs, "Ink's first frame");
  await s.settle();
}

/** Run lectern (`node dist/lectern.js …args`) in a pseudo-terminal. */
export function start(options: StartOptions = {}): Session {
  return spawnPty({ ...options, args: [BUNDLE, ...(options.args ?? [])] });
}

/** Starts lectern for one test; the process is killed when the test ends, whatever happened. */
export function open(context: TestContext, options: StartOptions): Session {
  const session = start(options);
  context.onTestFinished(() => session.kill());
  return session;
}

/** The screens this session's waits saw had nothing wider than the terminal and no garbage. */
export function expectClean(s: Session): void {
  expect(s.problems(), "problems on the screens seen").toEqual([]);
}

/** Kill every session still running (for afterAll). */
export function killAll(): void {
  for (const session of live) session.kill("SIGKILL");
  live.clear();
}
