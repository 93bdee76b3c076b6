// A small pseudo-terminal harness for the end-to-end tests: the program runs in a real pty
// (@lydell/node-pty) and its output is fed to a headless xterm (@xterm/headless), so the tests
// assert on what a person would see: the visible rows, the alternate screen, the cursor.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pty from "@lydell/node-pty";
import xterm from "@xterm/headless";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BUNDLE = join(ROOT, "dist", "lectern.js");
export const SEED_TITLE = "Azerbaijan And Israel: The Enemy Of My Enemy Is My Friend";
export const THREADS = join(ROOT, "tests", "fixtures", "threads", "long-discussion.json");
export const PTY_FIXTURES = join(ROOT, "tests", "fixtures", "pty");

/** Whether the bundle exists (the tests do not build it: `npm run build` first). */
export const built = existsSync(BUNDLE);

/** Keys as a terminal sends them. */
export const KEY = {
  down: "\x1b[B",
  up: "\x1b[A",
  right: "\x1b[C",
  left: "\x1b[D",
  pageDown: "\x1b[6~",
  pageUp: "\x1b[5~",
  home: "\x1b[H",
  end: "\x1b[F",
  tab: "\t",
  enter: "\r",
  escape: "\x1b",
  ctrlC: "\x03",
} as const;

/**
 * The environment the child runs in: the caller's, minus everything that makes libraries believe
 * they run in CI (Ink would then draw nothing until exit), with a known TERM.
 */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (name === "CI" || name === "CONTINUOUS_INTEGRATION" || name.startsWith("CI_")) continue;
    if (name === "LECTERN_FAULT" || name === "FORCE_COLOR" || name === "NO_COLOR") continue;
    env[name] = value;
  }
  env.TERM = "xterm-256color";
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
  readonly pid: number;
  /** Visible rows, trailing blanks trimmed. */
  screen(): string[];
  /** The visible rows joined with newlines. */
  text(): string;
  /** Resolves with the screen once `predicate` holds (the output parsed so far); throws on time-out. */
  waitFor(predicate: Predicate, timeoutMs?: number, what?: string): Promise<string[]>;
  /** Resolves once the output seen so far has been parsed by the terminal. */
  settle(): Promise<void>;
  press(keys: string): void;
  resize(cols: number, rows: number): void;
  readonly cols: number;
  readonly rows: number;
  readonly exited: Promise<Exit>;
  /** Whether the process has exited. */
  done(): boolean;
  /** Every byte the program wrote, as text. */
  output(): string;
  kill(signal?: NodeJS.Signals): void;
  /** Cursor visibility by DECTCEM, the last `ESC[?25h` / `ESC[?25l` (or RIS) in the output. */
  cursorVisible(): boolean;
  /** Whether the terminal shows its alternate screen buffer. */
  altScreen(): boolean;
  /** Visible rows that the terminal started by wrapping the row above: a line wider than the screen. */
  wrappedRows(): number[];
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
  child.onData((data) => {
    raw += data;
    pending = new Promise<void>((resolve) => term.write(data, resolve));
  });
  const exited = new Promise<Exit>((resolve) => {
    child.onExit(({ exitCode, signal }) => {
      finished = true;
      live.delete(session);
      // Whatever was written just before the exit is parsed before anyone looks.
      void pending.then(() => resolve({ exitCode, signal: signal || undefined }));
    });
  });

  const screen = (): string[] => {
    const buffer = term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < term.rows; y++) {
      out.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? "");
    }
    return out;
  };
  const settle = async () => {
    // A write may arrive while the previous one is parsed; wait until none is pending.
    let seen: Promise<void>;
    do {
      seen = pending;
      await seen;
    } while (seen !== pending);
  };

  const session: Session = {
    pid: child.pid,
    screen,
    text: () => screen().join("\n"),
    settle,
    async waitFor(predicate, timeoutMs = 10_000, what) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await settle();
        const now = screen();
        if (matches(predicate, now)) return now;
        if (Date.now() > deadline) {
          throw new Error(
            `timed out after ${timeoutMs} ms waiting for ${what ?? describePredicate(predicate)}` +
              `${finished ? " (the program has exited)" : ""}; the screen (${cols}×${rows}) shows:\n` +
              now.map((line, i) => `${String(i).padStart(3)}|${line}`).join("\n"),
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
    get cols() {
      return cols;
    },
    get rows() {
      return rows;
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
    wrappedRows() {
      const buffer = term.buffer.active;
      const out: number[] = [];
      for (let y = 0; y < term.rows; y++) {
        if (buffer.getLine(buffer.viewportY + y)?.isWrapped) out.push(y);
      }
      return out;
    },
  };
  live.add(session);
  return session;
}

/** Run lectern (`node dist/lectern.js …args`) in a pseudo-terminal. */
export function start(options: StartOptions = {}): Session {
  return spawnPty({ ...options, args: [BUNDLE, ...(options.args ?? [])] });
}

/** Kill every session still running (for afterAll/afterEach). */
export function killAll(): void {
  for (const session of live) session.kill("SIGKILL");
  live.clear();
}

/** The screen's rows, checked for what must never show: raw escapes, half-parsed sequences. */
export function garbageIn(screen: string[]): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a raw control character is garbage
  const bad = /[\x00-\x08\x0b-\x1f\x7f]|\[\??[0-9;]+[A-Za-z~]/;
  return screen.filter((line) => bad.test(line));
}

/** The row holding the status line (inverse, last row of the frame: rows − 2). */
export function statusRowOf(screen: string[]): number {
  return screen.findIndex((line) => /(Top|All|~?\d+%) · /.test(line));
}
