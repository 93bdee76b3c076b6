// The screen's lifecycle, in one place: enter the alternate screen with the cursor hidden and
// auto-wrap off, and restore the terminal (primary screen, cursor shown, auto-wrap on, raw mode
// off) on every way out: a normal quit, Ctrl+C, every signal whose default is to end the process,
// an uncaught error, or process.exit from anywhere. A stop (SIGTSTP/SIGTTIN/SIGTTOU) restores the
// terminal and then stops; on SIGCONT the screen is taken again and redrawn.
import { readFileSync } from "node:fs";
import { constants } from "node:os";

// Auto-wrap off (DECAWM, ?7l): a row the terminal draws wider than Lectern measured (an emoji the
// terminal counts differently) is cut at the right edge instead of wrapping into the next row.
const ENTER = "\x1b[?1049h\x1b[?25l\x1b[?7l\x1b[2J\x1b[H";
// Mouse reports (settings: mouse = true): button presses and the wheel (?1000), in SGR form
// (?1006), which has no limit on columns and cannot be confused with typed text.
const MOUSE_ON = "\x1b[?1000h\x1b[?1006h";
// Reset styles, mouse reports off (whether or not they were on: a way out never leaves the
// terminal sending them to the shell), auto-wrap back on, show the cursor, leave the alternate
// screen.
const LEAVE = "\x1b[0m\x1b[?1006l\x1b[?1000l\x1b[?7h\x1b[?25h\x1b[?1049l";
/** Clear the whole screen and put the cursor home. */
export const CLEAR = "\x1b[2J\x1b[H";

type Streams = {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Ask the terminal for mouse reports while the screen is Lectern's. */
  mouse?: boolean;
};

export type Screen = {
  /** Restore the terminal now. Safe to call more than once. */
  restore(): void;
  /** Restore, print a one-line message to stderr, and exit with `code`. */
  fail(message: string, code?: number): never;
};

const NUMBERS = constants.signals as Partial<Record<NodeJS.Signals, number>>;

/**
 * Every signal whose default action ends the process and that a handler may catch (SIGKILL
 * cannot be; after a real SIGSEGV, SIGBUS, SIGFPE or SIGILL no JavaScript may run). SIGUSR1 is
 * among them: a listener also keeps Node from opening its inspector on it. SIGPIPE is not: Node
 * ignores it (a closed pipe is an EPIPE error instead). Names the platform lacks are left out.
 * Both names of one signal are listed (SIGIO and SIGPOLL, SIGIOT and SIGABRT): Node emits each
 * name to its own listeners, and Ink's signal-exit, finding no other listener for a name, would
 * end the reader quietly with status 0 before this handler ran.
 * Under `node --cpu-prof` (or --prof) SIGPROF is the profiler's own tick, so it is left alone.
 */
const ENDING = (
  [
    "SIGHUP",
    "SIGINT",
    "SIGQUIT",
    "SIGTRAP",
    "SIGABRT",
    "SIGIOT",
    "SIGUSR1",
    "SIGUSR2",
    "SIGALRM",
    "SIGTERM",
    "SIGSTKFLT",
    "SIGXCPU",
    "SIGXFSZ",
    "SIGVTALRM",
    "SIGPROF",
    "SIGPOLL",
    "SIGIO",
    "SIGPWR",
    "SIGSYS",
  ] as NodeJS.Signals[]
).filter(
  (signal) =>
    NUMBERS[signal] !== undefined &&
    !(signal === "SIGPROF" && process.execArgv.some((a) => /^--(cpu-)?prof/.test(a))),
);

/** Exit as a process killed by the signal would report it: 128 + its number. */
function statusFor(signal: NodeJS.Signals): number {
  return 128 + (NUMBERS[signal] ?? 1);
}

/** One readable line for any thrown value: no stack trace reaches the user. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split("\n")[0] ?? "").trim() || "unknown error";
}

/**
 * SIGUSR1 would open Node's inspector (a debugger on a port) in a reader of untrusted files; this
 * makes it end the process instead, as its default is. Call once at start-up; while the screen is
 * up, its own handler restores the terminal first.
 */
export function refuseDebugger(): void {
  process.on("SIGUSR1", () => {
    if (!screenUp) process.exit(statusFor("SIGUSR1"));
  });
}

let screenUp = false;

/**
 * Whether this process is in the terminal's foreground process group (Linux: /proc). A process
 * in the background must not touch the terminal: changing its mode would stop it (SIGTTOU).
 */
function inForeground(): boolean {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    // After "pid (name) ": state ppid pgrp session tty_nr tpgid …
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const pgrp = Number(fields[2]);
    const tpgid = Number(fields[5]);
    return !(tpgid > 0) || pgrp === tpgid;
  } catch {
    return true;
  }
}

/**
 * Stop as Ctrl+Z stops a program in a shell (the key, read in raw mode, is Lectern's): the
 * SIGTSTP handler below restores the terminal and stops; `fg` brings the screen back, redrawn.
 * Nothing happens when no screen is up (a component under test).
 */
export function suspend(): void {
  if (screenUp) process.kill(process.pid, "SIGTSTP");
}

/** Gives the terminal back and takes it again, while the screen is up (see handOver). */
let lend: { leave: () => void; reenter: () => void } | undefined;

/**
 * Runs `work` (a program that needs the terminal: $EDITOR) with the terminal as it was before
 * Lectern took it, then takes the screen again and has it redrawn. Without a screen (a component
 * under test), `work` just runs.
 */
export function handOver<T>(work: () => T): T {
  const current = lend;
  if (!current) return work();
  current.leave();
  try {
    return work();
  } finally {
    current.reenter();
  }
}

export function enterScreen({ stdin, stdout, mouse = false }: Streams): Screen {
  const enter = mouse ? ENTER + MOUSE_ON : ENTER;
  let active = true;
  /** Whether the alternate screen is up (false while stopped). */
  let shown = true;
  /** Raw mode to put back on SIGCONT. */
  let wantRaw = false;
  screenUp = true;
  stdout.write(enter);

  const setRaw = (raw: boolean) => {
    try {
      if (stdin.isTTY) stdin.setRawMode(raw);
    } catch {
      // The tty may already be gone (SIGHUP): nothing left to restore there.
    }
  };

  /** Gives the terminal back as it was: cooked mode, primary screen, cursor, auto-wrap. */
  const leave = () => {
    if (!shown) return;
    shown = false;
    wantRaw = stdin.isTTY === true && stdin.isRaw;
    if (wantRaw) setRaw(false);
    try {
      stdout.write(LEAVE);
    } catch {
      // As above.
    }
  };

  /**
   * Takes the screen again after a stop and has it redrawn: 'resize' on stdout makes the reader
   * clear and repaint every row (terminal/run.tsx, and cli.tsx's early frame before Ink is up).
   * Raw mode is set off and on again: libuv skips a mode it believes is already set, but the
   * shell may have reset the terminal while the process was stopped (SIGSTOP from outside).
   */
  const reenter = () => {
    if (shown) wantRaw = stdin.isTTY === true && stdin.isRaw;
    shown = true;
    if (wantRaw) {
      setRaw(false);
      setRaw(true);
    }
    stdout.write(enter);
    stdout.emit("resize");
  };

  // SIGTTIN/SIGTTOU are caught only while in the foreground: a caught SIGTTIN or SIGTTOU makes
  // the kernel restart a background read or mode change forever instead of stopping the process.
  let catchingJobSignals = false;
  const catchJobSignals = (on: boolean) => {
    if (on === catchingJobSignals) return;
    catchingJobSignals = on;
    for (const signal of ["SIGTTIN", "SIGTTOU"] as const) {
      if (on) process.on(signal, onStop);
      else process.off(signal, onStop);
    }
  };

  lend = { leave, reenter };

  const restore = () => {
    if (!active) return;
    active = false;
    screenUp = false;
    lend = undefined;
    leave();
    for (const signal of ENDING) process.off(signal, onSignal);
    catchJobSignals(false);
    process.off("SIGTSTP", onStop);
    process.off("SIGCONT", onContinue);
    process.off("exit", restore);
    process.off("uncaughtException", onError);
    process.off("unhandledRejection", onError);
  };

  const fail = (message: string, code = 1): never => {
    restore();
    process.stderr.write(`lectern: ${message}\n`);
    process.exit(code);
  };

  function onSignal(signal: NodeJS.Signals) {
    restore();
    process.exit(statusFor(signal));
  }
  function onStop() {
    // In the background the terminal is the shell's: leave it alone.
    if (inForeground()) leave();
    catchJobSignals(false);
    process.kill(process.pid, "SIGSTOP");
  }
  function onContinue() {
    // Continued in the background (bg): the screen is taken again when brought back (fg).
    if (!active || !inForeground()) return;
    catchJobSignals(true);
    reenter();
  }
  function onError(error: unknown) {
    fail(oneLine(error));
  }

  for (const signal of ENDING) process.on(signal, onSignal);
  process.on("SIGTSTP", onStop);
  process.on("SIGCONT", onContinue);
  catchJobSignals(inForeground());
  process.on("exit", restore);
  process.on("uncaughtException", onError);
  process.on("unhandledRejection", onError);
  return { restore, fail };
}
