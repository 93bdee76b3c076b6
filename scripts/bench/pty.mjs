// A program in a pseudo-terminal, watched through a headless xterm: every chunk the program
// writes is timed on arrival, parsed, and the screen compared, so "the screen changed" means what
// a person would see change. Every session is tracked so that nothing outlives the bench.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pty from "@lydell/node-pty";
import xterm from "@xterm/headless";

const { Terminal } = xterm;

export class BenchError extends Error {}

const live = new Set();

let dataParent;
/**
 * A fresh $XDG_DATA_HOME for one run: lectern resumes an article where it was left, and every
 * measured start must begin at the top with nothing remembered.
 */
function freshDataHome() {
  if (!dataParent) {
    const parent = mkdtempSync(join(tmpdir(), "lectern-bench-"));
    process.on("exit", () => rmSync(parent, { recursive: true, force: true }));
    dataParent = parent;
  }
  return mkdtempSync(join(dataParent, "run-"));
}

/** Kill every session still running (on exit, on a signal, on a timeout). */
export function killAll() {
  for (const session of live) session.kill();
}

/** The environment for children: a terminal, and nothing that makes Ink think it is in CI. */
export function cleanEnv(extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key === "CI" || key === "CONTINUOUS_INTEGRATION" || key.startsWith("CI_")) delete env[key];
    if (key === "COLUMNS" || key === "LINES" || key.startsWith("VITEST")) delete env[key];
  }
  env.TERM = "xterm-256color";
  return { ...env, ...extra };
}

/** The screen as text, one string per row (trailing blanks removed). */
function screenRows(term) {
  const buffer = term.buffer.active;
  const rows = [];
  for (let y = 0; y < term.rows; y++) {
    // Only the first `cols` cells: after a narrowing resize xterm keeps the old cells beyond
    // the right edge in each line (in case it widens again), where they are not on screen.
    rows.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true, 0, term.cols) ?? "");
  }
  return rows;
}

/** Text plus styling of the screen, cheap enough to take after every chunk. */
function fingerprint(term) {
  const buffer = term.buffer.active;
  const cell = buffer.getNullCell();
  let out = "";
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    if (!line) continue;
    out += line.translateToString(true, 0, term.cols);
    let style = 0;
    for (let x = 0; x < term.cols; x++) {
      line.getCell(x, cell);
      style =
        (Math.imul(style, 31) +
          cell.getFgColor() * 7 +
          cell.getBgColor() * 13 +
          cell.getFgColorMode() +
          (cell.isInverse() ? 3 : 0) +
          (cell.isBold() ? 5 : 0) +
          (cell.isDim() ? 11 : 0)) |
        0;
    }
    out += `\u0000${style}\n`;
  }
  return out;
}

function findSeq(chunks, seq) {
  return Buffer.concat(chunks).includes(seq);
}

export class Session {
  /**
   * Spawn `file args` in a `cols`×`rows` pty. `t0` is taken just before the spawn, so times
   * measured from it include the fork and everything the program does before it draws.
   */
  constructor(file, args, { cols, rows, cwd, env, name }) {
    this.name = name ?? file;
    this.term = new Terminal({ cols, rows, scrollback: 0, allowProposedApi: true });
    this.waiters = new Set();
    this.bytes = 0;
    this.chunks = [];
    this.exited = false;
    this.drained = false;
    this.disposed = false;
    this.lastDataAt = 0;
    this.t0 = performance.now();
    this.proc = pty.spawn(file, args, {
      name: "xterm-256color",
      cols,
      rows,
      cwd,
      env: { ...env, XDG_DATA_HOME: freshDataHome() },
      encoding: null,
    });
    live.add(this);
    this.exitPromise = new Promise((resolve) => {
      this.proc.onExit(({ exitCode, signal }) => {
        this.exited = true;
        this.exitCode = exitCode;
        this.exitSignal = signal;
        live.delete(this);
        resolve({ exitCode, signal });
        // The exit can be reported before the last output is read: give that a moment to
        // arrive and be parsed before waiters give up.
        setTimeout(() => {
          if (this.disposed) return;
          this.term.write("", () => {
            this.drained = true;
            for (const w of this.waiters) w.check();
          });
        }, 250);
      });
    });
    this.proc.onData((data) => {
      if (this.disposed) return;
      const at = performance.now();
      this.lastDataAt = at;
      const chunk = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data);
      this.bytes += chunk.length;
      this.chunks.push(chunk);
      this.term.write(chunk, () => {
        for (const w of this.waiters) w.check(at);
      });
    });
  }

  get pid() {
    return this.proc.pid;
  }

  rows() {
    return screenRows(this.term);
  }

  fingerprint() {
    return fingerprint(this.term);
  }

  /**
   * Resolve with the arrival time of the chunk after whose parsing `predicate()` first holds
   * (checked now too, with time now). Rejects after `timeoutMs` or if the program exits first.
   */
  waitFor(predicate, timeoutMs, what) {
    return new Promise((resolve, reject) => {
      const waiter = {
        check: (at) => {
          if (predicate()) {
            finish();
            resolve(at ?? performance.now());
          } else if (this.drained) {
            finish();
            reject(
              new BenchError(
                `${this.name}: exited (code ${this.exitCode}) while waiting for ${what}; screen:\n${this.dump()}`,
              ),
            );
          }
        },
      };
      const timer = setTimeout(() => {
        finish();
        reject(
          new BenchError(
            `${this.name}: timed out after ${timeoutMs} ms waiting for ${what}; screen:\n${this.dump()}`,
          ),
        );
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
      // Let writes already queued in xterm finish before the first check.
      this.term.write("", () => waiter.check(performance.now()));
    });
  }

  /** Wait until every chunk received so far is parsed. */
  flush() {
    return new Promise((resolve) => this.term.write("", resolve));
  }

  /** Resolve once nothing has arrived for `quietMs` (after at most `maxMs`). */
  async settle(quietMs, maxMs = 2000) {
    const start = performance.now();
    for (;;) {
      const since = performance.now() - Math.max(this.lastDataAt, start);
      if (since >= quietMs || performance.now() - start > maxMs || this.exited) break;
      await new Promise((r) => setTimeout(r, Math.max(1, quietMs - since)));
    }
    await this.flush();
  }

  /**
   * Write `key` and time it until the screen (text or styling) differs from what it was.
   * Returns { ms, bytes, fullClear } where bytes counts everything the program wrote in answer
   * until it went quiet for `quietMs`.
   */
  async press(key, { timeoutMs = 5000, quietMs = 25, what = JSON.stringify(key) } = {}) {
    await this.flush();
    const before = this.fingerprint();
    this.chunks = [];
    const bytesBefore = this.bytes;
    const sent = performance.now();
    this.proc.write(key);
    const at = await this.waitFor(
      () => this.fingerprint() !== before,
      timeoutMs,
      `the screen to change after ${what}`,
    );
    await this.settle(quietMs);
    const fullClear = findSeq(this.chunks, "\x1b[2J");
    this.chunks = [];
    return { ms: at - sent, bytes: this.bytes - bytesBefore, fullClear };
  }

  /** Write without timing (a key that only resets state), then wait until the screen is quiet. */
  async send(key, quietMs = 25) {
    this.proc.write(key);
    await this.settle(quietMs);
    this.chunks = [];
  }

  /** Resize both the pty (SIGWINCH to the program) and the headless terminal. */
  resize(cols, rows) {
    const at = performance.now();
    this.proc.resize(cols, rows);
    this.term.resize(cols, rows);
    return at;
  }

  /** Peak resident set size of the program, in bytes (VmHWM), or null where /proc is missing. */
  peakRss() {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, "utf8");
      const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
      return m ? Number(m[1]) * 1024 : null;
    } catch {
      return null;
    }
  }

  /** Send `quit` (if given) and wait for the exit; kill it if it does not go in time. */
  async close(quit, timeoutMs = 3000) {
    if (!this.exited && quit) {
      try {
        this.proc.write(quit);
      } catch {
        // Already gone.
      }
    }
    const timer = new Promise((r) => setTimeout(r, timeoutMs, "timeout"));
    const outcome = await Promise.race([this.exitPromise, timer]);
    if (outcome === "timeout") {
      this.kill();
      await Promise.race([this.exitPromise, new Promise((r) => setTimeout(r, 1000))]);
      return false;
    }
    return true;
  }

  kill() {
    if (this.exited) return;
    try {
      this.proc.kill("SIGKILL");
    } catch {
      // Already gone.
    }
  }

  dump() {
    return this.rows()
      .map((r) => `  |${r}`)
      .join("\n");
  }

  dispose() {
    this.kill();
    this.disposed = true;
    this.term.dispose();
  }
}

/** Lectern reading `article`, once its first frame is on screen and has settled. */
export async function openArticle({
  cli,
  article,
  cols,
  rows,
  cwd,
  env,
  name,
  timeoutMs = 30_000,
}) {
  const s = new Session(process.execPath, [cli, article.path], { cols, rows, cwd, env, name });
  try {
    await s.waitFor(
      () => s.rows().some((r) => r.includes(article.title)),
      timeoutMs,
      "the first frame",
    );
    await s.settle(300, 5000);
  } catch (error) {
    s.dispose();
    throw error;
  }
  return s;
}
