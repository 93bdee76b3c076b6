// The screen's lifecycle, in one place: enter the alternate screen with the cursor hidden, and
// restore the terminal (primary screen, cursor shown, raw mode off) on every way out: a normal
// quit, Ctrl+C, SIGTERM/SIGHUP/SIGINT, an uncaught error, or process.exit from anywhere.

const ENTER = "\x1b[?1049h\x1b[?25l\x1b[2J\x1b[H";
// Reset styles, show the cursor, leave the alternate screen.
const LEAVE = "\x1b[0m\x1b[?25h\x1b[?1049l";
/** Clear the whole screen and put the cursor home. */
export const CLEAR = "\x1b[2J\x1b[H";

type Streams = { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream };

export type Screen = {
  /** Restore the terminal now. Safe to call more than once. */
  restore(): void;
  /** Restore, print a one-line message to stderr, and exit with `code`. */
  fail(message: string, code?: number): never;
};

const SIGNALS: NodeJS.Signals[] = ["SIGTERM", "SIGHUP", "SIGINT", "SIGQUIT"];
const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGTERM: 15,
};

/** One readable line for any thrown value: no stack trace reaches the user. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split("\n")[0] ?? "").trim() || "unknown error";
}

export function enterScreen({ stdin, stdout }: Streams): Screen {
  let active = true;
  stdout.write(ENTER);

  const restore = () => {
    if (!active) return;
    active = false;
    try {
      if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
    } catch {
      // The tty may already be gone (SIGHUP): nothing left to restore there.
    }
    try {
      stdout.write(LEAVE);
    } catch {
      // As above.
    }
    for (const signal of SIGNALS) process.off(signal, onSignal);
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
    // Exit as a process killed by the signal would report it: 128 + its number.
    process.exit(128 + (SIGNAL_NUMBERS[signal] ?? 1));
  }
  function onError(error: unknown) {
    fail(oneLine(error));
  }

  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on("exit", restore);
  process.on("uncaughtException", onError);
  process.on("unhandledRejection", onError);
  return { restore, fail };
}
