// Lectern in real tmux, for the tests that need a terminal other than xterm.js: start a detached
// session of a given size running a command, read its screen, send keys, wait for a screen.
import { execFileSync, spawnSync } from "node:child_process";

export const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
if (!hasTmux) console.warn("SKIPPED the tmux parts of the pty tests: tmux is not installed");

let sessions = 0;

export type Tmux = {
  /** The visible rows. */
  capture(): string[];
  keys(...keys: string[]): void;
  /** Polls until `ok` holds for the screen; throws with the screen on time-out. */
  waitFor(ok: (screen: string[]) => boolean, what: string, timeoutMs?: number): Promise<string[]>;
  kill(): void;
};

export function tmux(command: string, cols: number, rows: number): Tmux {
  const name = `lectern-test-${process.pid}-${++sessions}`;
  execFileSync("tmux", [
    "new-session",
    "-d",
    "-s",
    name,
    "-x",
    String(cols),
    "-y",
    String(rows),
    command,
  ]);
  const capture = () =>
    execFileSync("tmux", ["capture-pane", "-p", "-t", name], { encoding: "utf8" }).split("\n");
  return {
    capture,
    keys: (...keys) => {
      execFileSync("tmux", ["send-keys", "-t", name, ...keys]);
    },
    waitFor: async (ok, what, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const screen = capture();
        if (ok(screen)) return screen;
        if (Date.now() > deadline) {
          throw new Error(`tmux: timed out waiting for ${what}:\n${screen.join("\n")}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    kill: () => {
      spawnSync("tmux", ["kill-session", "-t", name]);
    },
  };
}
