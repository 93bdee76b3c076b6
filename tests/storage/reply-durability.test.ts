// Replies and drafts survive the process dying at any moment. A writer process (reply-writer.ts:
// the real reducer and effects, typing and posting) is frozen with SIGSTOP at random moments,
// hundreds of times: what is on disk then is exactly what a SIGKILL at that moment would leave
// (nothing more runs; the page cache holds every write), so each freeze is checked as a crash:
// every draft file parses, every reply the log reports as posted is stored whole, and the draft
// holds everything typed up to half a second before the last thing the writer did. Every few
// rounds the frozen writer is really killed (SIGKILL) and a new one must bring the draft back,
// take over the dead writer's lock and go on. LECTERN_REPLY_ROUNDS sets the number of freezes.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundle } from "../helpers/bundle.js";
import { REPLY_STREAM } from "./reply-stream.js";

const ROUNDS = Number(process.env.LECTERN_REPLY_ROUNDS ?? 240);
const KILL_EVERY = 60;
const SEED = new URL("../../content/azerbaijan-and-israel.json", import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), "lectern-reply-kill-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether the process is stopped (state T in /proc), i.e. the SIGSTOP has landed. */
function stopped(pid: number): boolean {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).startsWith("T");
}

type Line = { kind: string; a: string; b: string; time: number };
function readLog(file: string): Line[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(" "))
    .filter((p) => p.length >= 3 && /^\d+$/.test(p.at(-1) as string)) // a line cut by the kill is not a line
    .map((p) => ({
      kind: p[0] as string,
      a: p[1] as string,
      b: p.length === 4 ? (p[2] as string) : "",
      time: Number(p.at(-1)),
    }));
}

const typedText = (length: number) => REPLY_STREAM.slice(0, length);

describe("replies and drafts under kill -9", () => {
  it(`${ROUNDS} freezes at random moments, a SIGKILL every ${KILL_EVERY}th: nothing posted or typed (but the last half second) is lost`, async () => {
    const writer = bundle(join(import.meta.dirname, "reply-writer.ts"));
    const data = join(root, "data");
    const folder = join(data, "lectern-nodejs");
    const logFile = join(root, "log");
    let child: ChildProcess | undefined;
    let checks = 0;
    let kills = 0;
    let posts = 0;

    // Times the writer spent frozen: its timers could not run then, so "half a second" is
    // counted in the time it ran.
    const frozen: { from: number; to: number }[] = [];
    const ran = (t: number) => {
      let off = 0;
      for (const f of frozen) off += Math.max(0, Math.min(t, f.to) - f.from);
      return t - off;
    };
    const startWriter = async () => {
      const before = readLog(logFile).filter((l) => l.kind === "open").length;
      child = spawn(process.execPath, [writer, SEED, logFile], {
        env: { ...process.env, XDG_DATA_HOME: data },
        stdio: ["ignore", "ignore", "inherit"],
      });
      while (readLog(logFile).filter((l) => l.kind === "open").length === before) {
        if (child.exitCode !== null) throw new Error(`the writer exited (${child.exitCode})`);
        await pause(5);
      }
    };

    /** What is on disk now, checked as a crash at this moment would leave it. */
    const check = () => {
      checks++;
      const names = existsSync(folder) ? readdirSync(folder) : [];
      expect(
        names.filter((n) => n.includes(".damaged-")),
        "nothing set aside",
      ).toEqual([]);
      const draftsText = names.includes("drafts.json")
        ? readFileSync(join(folder, "drafts.json"), "utf8")
        : '{"drafts": {}}';
      const drafts = JSON.parse(draftsText).drafts; // parses, or the test fails here
      const draft: string = drafts[`azerbaijan-and-israel\n`]?.comment ?? "";
      const repliesPath = join(folder, "replies", "azerbaijan-and-israel.json");
      const replies: { id: string; paragraphs: string[] }[] = existsSync(repliesPath)
        ? JSON.parse(readFileSync(repliesPath, "utf8")).replies
        : [];
      const log = readLog(logFile);
      const posted = log.filter((l) => l.kind === "posted");
      const byId = new Map(replies.map((r) => [r.id, r.paragraphs.join("\n\n")]));
      for (const p of posted) {
        expect(byId.get(p.a), `reply ${p.a} reported posted`).toBe(
          typedText(Number(p.b)).trimEnd(),
        );
      }
      posts = posted.length;
      // The draft: what was typed since the last post (or since the form came back), up to half
      // a second before the writer's last event, is on disk, or is a stored reply not yet logged.
      let since = 0;
      for (let i = log.length - 1; i >= 0; i--) {
        const kind = (log[i] as Line).kind;
        if (kind === "posted" || kind === "open") {
          since = i + 1;
          break;
        }
      }
      // Time in draft writes is the disk's (fsync on a busy machine), not the throttle's: a
      // write under way when frozen counts from its start. (Starved time is added below.)
      const writes: { from: number; to: number }[] = [];
      for (const l of log) {
        if (l.kind === "w") writes.push({ from: l.time, to: Number.POSITIVE_INFINITY });
        else if (l.kind === "W" && writes.length > 0) (writes.at(-1) as { to: number }).to = l.time;
      }
      // The writer types every 1–3 ms; a longer gap between two of its events is time it was not
      // run at all (a busy machine starves it), which, like being frozen, is not typing time.
      for (let i = 1; i < log.length; i++) {
        const gap = (log[i] as Line).time - (log[i - 1] as Line).time;
        if (gap > 20)
          writes.push({ from: (log[i - 1] as Line).time + 3, to: (log[i] as Line).time });
      }
      const lastTime = log.at(-1)?.time ?? 0;
      const writing = writes.reduce(
        (sum, w) => sum + Math.max(0, Math.min(w.to, lastTime) - w.from),
        0,
      );
      const last = ran(lastTime) - writing;
      let needed = 0;
      for (const l of log.slice(since)) {
        if (l.kind !== "t") continue;
        const before = writes.reduce(
          (sum, w) => sum + Math.max(0, Math.min(w.to, l.time) - w.from),
          0,
        );
        if (ran(l.time) - before <= last - 500) needed = Math.max(needed, Number(l.a));
      }
      expect(draft, "the draft is text that was typed").toBe(typedText(draft.length));
      if (draft.length < needed) {
        const logged = new Set(posted.map((p) => p.a));
        const unlogged = replies
          .filter((r) => !logged.has(r.id))
          .map((r) => r.paragraphs.join("\n\n"));
        expect(
          unlogged.some(
            (t) => t.length >= typedText(needed).trimEnd().length && typedText(t.length) === t,
          ),
          `draft of ${draft.length} characters, ${needed} typed more than half a second before`,
        ).toBe(true);
      }
      return draft.length;
    };

    try {
      await startWriter();
      for (let round = 1; round <= ROUNDS; round++) {
        await pause(Math.random() * 20);
        const pid = child?.pid as number;
        const from = Date.now();
        process.kill(pid, "SIGSTOP");
        while (!stopped(pid)) await pause(1);
        const onDisk = check();
        if (round % KILL_EVERY === 0) {
          const exited = new Promise((resolve) => child?.once("exit", resolve));
          process.kill(pid, "SIGKILL");
          await exited;
          kills++;
          await startWriter();
          // The new writer's form came back with the draft that was on disk (or, the reply
          // having been stored, starts afresh).
          const open = readLog(logFile)
            .filter((l) => l.kind === "open")
            .at(-1) as Line;
          expect([onDisk, 0]).toContain(Number(open.a));
        } else {
          frozen.push({ from, to: Date.now() });
          process.kill(pid, "SIGCONT");
        }
      }
    } finally {
      child?.kill("SIGKILL");
    }
    expect(checks).toBe(ROUNDS);
    expect(kills).toBe(Math.floor(ROUNDS / KILL_EVERY));
    expect(posts, "the writer posted replies while being stopped and killed").toBeGreaterThan(2);
  }, 60_000);
});
