// A writer killed at any moment (kill -9) leaves a positions file that parses and holds every
// position saved before, and the next writer cleans up after it. Every file-system call a save
// makes is a point where the process can die: each point is tried in turn, by making that call
// and all later ones fail without effect (as if the process had vanished), then "restarting".
import * as realFs from "node:fs";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { savePosition, takeNotices } from "../../src/storage/positions.js";

const crash = { countdown: -1, dead: false, calls: 0, fds: [] as number[] };

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const wrapped: Record<string, unknown> = { ...fs };
  for (const name of [
    "openSync",
    "readSync",
    "writeSync",
    "fsyncSync",
    "closeSync",
    "fstatSync",
    "lstatSync",
    "renameSync",
    "unlinkSync",
    "readdirSync",
    "mkdirSync",
  ] as const) {
    const real = fs[name] as (...args: unknown[]) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      if (crash.countdown >= 0) {
        crash.calls++;
        if (crash.dead || crash.calls > crash.countdown) {
          crash.dead = true;
          throw new Error("killed");
        }
      }
      const result = real(...args);
      if (name === "openSync" && crash.countdown >= 0) crash.fds.push(result as number);
      return result;
    };
  }
  return { ...wrapped, default: wrapped };
});

const root = mkdtempSync(join(tmpdir(), "lectern-crash-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const deadPid = realFs.readFileSync("/proc/sys/kernel/pid_max", "utf8").trim(); // never a live pid

/** Saves with the process "dying" at call number `at`; true if the save finished first. */
function saveDyingAt(file: string, at: number, id: string): boolean {
  Object.assign(crash, { countdown: at, dead: false, calls: 0, fds: [] });
  savePosition(id, { block: 9, fraction: 0.25 }, file);
  const finished = !crash.dead;
  crash.countdown = -1;
  takeNotices(); // what the dead process would have said dies with it
  // What the kernel does when a process dies: its files are closed. Its pid is gone, so a lock
  // it left names a dead process.
  for (const fd of crash.fds) {
    try {
      realFs.closeSync(fd);
    } catch {
      // Closed by the save itself.
    }
  }
  const lock = `${file}.lock`;
  if (realFs.existsSync(lock)) writeFileSync(lock, `${deadPid}\n`);
  return finished;
}

type Scenario = { name: string; prepare: (dir: string, file: string) => void };

const before: Record<string, { block: number; fraction: number }> = {};
for (let i = 0; i < 30; i++) before[`before-${i}`] = { block: i, fraction: 0.5 };

const scenarios: Scenario[] = [
  { name: "a good file", prepare: (_dir, file) => writeFileSync(file, JSON.stringify(before)) },
  {
    name: "a good file, a dead writer's lock and temporary",
    prepare: (dir, file) => {
      writeFileSync(file, JSON.stringify(before));
      writeFileSync(`${file}.lock`, `${deadPid}\n`);
      writeFileSync(join(dir, `positions.json.tmp-${deadPid}-3`), "{");
    },
  },
];

describe("killed while saving, at every point", () => {
  for (const scenario of scenarios) {
    it(`${scenario.name}: the file always parses and keeps what was saved`, () => {
      let points = 0;
      for (let at = 0; ; at++) {
        const dir = join(root, `${scenario.name.replace(/\W+/g, "-")}-${at}`);
        realFs.mkdirSync(dir);
        const file = join(dir, "positions.json");
        scenario.prepare(dir, file);
        const finished = saveDyingAt(file, at, "new");
        const after = JSON.parse(readFileSync(file, "utf8"));
        expect(after, `killed at call ${at}`).toMatchObject(before);
        if (!finished) points++;
        // The next run saves (breaking the dead writer's lock) and leaves nothing behind.
        expect(savePosition("next", { block: 1, fraction: 0 }, file), `after call ${at}`).toBe(
          true,
        );
        expect(readdirSync(dir), `after call ${at}`).toEqual(["positions.json"]);
        expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({
          ...before,
          next: { block: 1, fraction: 0 },
          ...(finished && { new: { block: 9, fraction: 0.25 } }),
        });
        expect(takeNotices()).toEqual([]);
        if (finished) break;
      }
      expect(points).toBeGreaterThan(10);
    });
  }

  it("a damaged file being set aside: its content is never lost", () => {
    for (let at = 0; ; at++) {
      const dir = join(root, `damaged-${at}`);
      realFs.mkdirSync(dir);
      const file = join(dir, "positions.json");
      writeFileSync(file, "{ damaged");
      const finished = saveDyingAt(file, at, "new");
      savePosition("next", { block: 1, fraction: 0 }, file);
      const kept = readdirSync(dir).filter((name) => name !== "positions.json");
      expect(kept, `killed at call ${at}`).toHaveLength(1);
      expect(readFileSync(join(dir, kept[0] as string), "utf8")).toBe("{ damaged");
      takeNotices();
      if (finished) break;
    }
  });
});
