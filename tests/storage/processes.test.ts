// Real processes on one positions file: readers closing at the same moment keep each other's
// positions, and writers killed with SIGKILL at random moments while saving never cost a saved
// position or leave temporaries behind. LECTERN_KILLS sets how many processes are killed (the
// default keeps the test to a few seconds on two cores; each kill is a fresh Node process).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { savePosition } from "../../src/storage/positions.js";
import { bundle } from "../helpers/bundle.js";

const SAVER = bundle(join(import.meta.dirname, "saver.ts"));
const KILLS = Number(process.env.LECTERN_KILLS ?? 24);
const root = mkdtempSync(join(tmpdir(), "lectern-processes-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Saver = {
  child: ChildProcess;
  /** Resolves once the child has read the file and, if asked to save, saved once. */
  ready: Promise<void>;
  /** Every save the child reported as done: id → block. */
  saved: Map<string, number>;
  exited: Promise<void>;
};

function saver(file: string, prefix: string, saves: number, wait: boolean): Saver {
  const child = spawn(
    process.execPath,
    [SAVER, file, prefix, "1", String(saves), ...(wait ? ["wait"] : [])],
    { stdio: ["pipe", "pipe", "ignore"] },
  );
  const saved = new Map<string, number>();
  let buffered = "";
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      const [id, block] = line.split(" ");
      if (id !== "loaded") saved.set(id as string, Number(block));
      if (wait || id !== "loaded") markReady();
    }
  });
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  exited.then(markReady);
  return { child, ready, saved, exited };
}

const stored = (file: string) =>
  JSON.parse(readFileSync(file, "utf8")) as Record<string, { block: number; fraction: number }>;

describe("positions shared by processes", { timeout: 30_000 + KILLS * 1_000 }, () => {
  it("four readers closing at the same moment on different articles keep every position", async () => {
    const dir = mkdtempSync(join(root, "together-"));
    const file = join(dir, "positions.json");
    const expected: Record<string, { block: number; fraction: number }> = {};
    for (let round = 0; round < 3; round++) {
      const savers = [0, 1, 2, 3].map((n) => saver(file, `r${round}-reader${n}-`, 1, true));
      await Promise.all(savers.map((s) => s.ready));
      for (const s of savers) s.child.stdin?.end("go");
      await Promise.all(savers.map((s) => s.exited));
      for (const s of savers) {
        for (const [id, block] of s.saved) expected[id] = { block, fraction: 0.5 };
      }
      expect(Object.keys(expected)).toHaveLength(4 * (round + 1));
      expect(stored(file)).toEqual(expected);
    }
    expect(readdirSync(dir)).toEqual(["positions.json"]);
  });

  it(`${KILLS} writers killed with SIGKILL at random moments: nothing saved is lost`, async () => {
    const dir = mkdtempSync(join(root, "kill-"));
    const file = join(dir, "positions.json");
    const before: Record<string, { block: number; fraction: number }> = {};
    for (let i = 0; i < 40; i++) before[`before-${i}`] = { block: i, fraction: 0.5 };
    writeFileSync(file, JSON.stringify(before));
    const saved = new Map<string, number>();
    const together = 3;
    for (let killed = 0; killed < KILLS; killed += together) {
      const savers = Array.from({ length: together }, (_, n) =>
        saver(file, `k${killed + n}-`, 1_000_000, false),
      );
      // Each is killed at a random moment after its first save: in the middle of saving.
      await Promise.all(
        savers.map(async (s) => {
          await s.ready;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
          s.child.kill("SIGKILL");
          await s.exited;
        }),
      );
      for (const s of savers) for (const [id, block] of s.saved) saved.set(id, block);
      const now = stored(file); // parses
      expect(now).toMatchObject(before);
      for (const [id, block] of saved) {
        expect(now[id]?.block, `${id}: saved ${block}`).toBeGreaterThanOrEqual(block);
      }
    }
    // The next writer breaks a dead one's lock and removes what the dead left behind.
    expect(savePosition("after", { block: 0, fraction: 0 }, file)).toBe(true);
    expect(readdirSync(dir)).toEqual(["positions.json"]);
  });
});
