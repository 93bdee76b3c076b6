// Positions files that are not what Lectern wrote: not JSON, a pipe, a link to a device or to
// someone's file, far too large. Each is set aside under a new name (never destroyed, never
// written through) with one line, and the reader starts: no hang, no growth in memory. Every
// case runs in a child process with a time limit, so that a hang fails instead of stalling.
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundle } from "../helpers/bundle.js";

const SAVER = bundle(join(import.meta.dirname, "saver.ts"));
const root = mkdtempSync(join(tmpdir(), "lectern-hostile-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dirs = 0;
function folder(): { dir: string; file: string } {
  const dir = join(root, `case-${++dirs}`);
  mkdirSync(dir);
  return { dir, file: join(dir, "positions.json") };
}

type Run = { loaded: number; saved: boolean; notices: string[]; maxRssMiB: number };

/** The reader's use of the file (load, then save "a0"), in a child with a time limit. */
function run(file: string): Run {
  const child = spawnSync(process.execPath, [SAVER, file, "a", "1", "1"], {
    encoding: "utf8",
    timeout: 10_000,
  });
  expect(child.signal, `the child hung or died: ${child.stderr}`).toBeNull();
  expect(child.status, child.stderr).toBe(0);
  const out = child.stdout.split("\n");
  const err = child.stderr.split("\n").filter(Boolean);
  return {
    loaded: Number(out[0]?.replace("loaded ", "")),
    saved: out.includes("a0 0"),
    notices: err.filter((l) => l.startsWith("notice: ")).map((l) => l.slice(8)),
    maxRssMiB: Number(err.find((l) => l.startsWith("maxrss: "))?.slice(8)) / 1024,
  };
}

const damaged = (dir: string) => readdirSync(dir).filter((n) => n.includes(".damaged-"));

/** The notice names the file, says what is wrong, and names where it went. */
function expectSetAside(r: Run, dir: string, file: string, what: RegExp): string {
  const [aside, ...more] = damaged(dir);
  expect(more).toEqual([]);
  expect(aside).toMatch(/^positions\.json\.damaged-\d{4}-\d\d-\d\dT[\d-]+Z$/);
  expect(r.notices).toHaveLength(1);
  expect(r.notices[0]).toContain(file);
  expect(r.notices[0]).toMatch(what);
  expect(r.notices[0]).toContain(join(dir, aside as string));
  expect(r.saved).toBe(true);
  expect(lstatSync(file).isFile()).toBe(true);
  expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ a0: { block: 0, fraction: 0.5 } });
  return join(dir, aside as string);
}

describe("hostile positions files", () => {
  it("a file that is not JSON is moved aside intact, said in one line, and a new one begins", () => {
    const { dir, file } = folder();
    writeFileSync(file, '{"a": {"block": 3, "fract');
    const r = run(file);
    expect(r.loaded).toBe(0);
    const aside = expectSetAside(r, dir, file, /is not valid JSON/);
    expect(readFileSync(aside, "utf8")).toBe('{"a": {"block": 3, "fract');
    // The next run finds a good file and says nothing.
    expect(run(file)).toMatchObject({ loaded: 1, saved: true, notices: [] });
    expect(damaged(dir)).toHaveLength(1);
  });

  it("JSON that is not a store of positions is moved aside too", () => {
    const { dir, file } = folder();
    writeFileSync(file, "[1, 2, 3]\n");
    const aside = expectSetAside(run(file), dir, file, /does not hold reading positions/);
    expect(readFileSync(aside, "utf8")).toBe("[1, 2, 3]\n");
  });

  it("a named pipe: no hang, moved aside", () => {
    const { dir, file } = folder();
    execFileSync("mkfifo", [file]);
    const aside = expectSetAside(run(file), dir, file, /is a named pipe/);
    expect(lstatSync(aside).isFIFO()).toBe(true);
  });

  for (const device of ["/dev/zero", "/dev/urandom"]) {
    it(`a symbolic link to ${device}: read nothing, memory stays small, the link moved aside`, () => {
      const { dir, file } = folder();
      symlinkSync(device, file);
      const r = run(file);
      expect(r.maxRssMiB).toBeLessThan(150);
      const aside = expectSetAside(r, dir, file, /is a symbolic link/);
      expect(lstatSync(aside).isSymbolicLink()).toBe(true);
    });
  }

  it("a symbolic link to someone's file: the target is never read or written", () => {
    const { dir, file } = folder();
    const victim = join(dir, "notes.txt");
    writeFileSync(victim, '{"precious": {"block": 1, "fraction": 0}}');
    symlinkSync(victim, file);
    const r = run(file);
    expect(r.loaded).toBe(0);
    const aside = expectSetAside(r, dir, file, /is a symbolic link/);
    expect(readFileSync(victim, "utf8")).toBe('{"precious": {"block": 1, "fraction": 0}}');
    expect(lstatSync(aside).isSymbolicLink()).toBe(true);
  });

  it("a 50 MB store: not read, moved aside, memory stays small", () => {
    const { dir, file } = folder();
    const entry = '"x":{"block":1,"fraction":0},';
    writeFileSync(
      file,
      `{${entry.repeat(Math.ceil((50 * 1024 * 1024) / entry.length))}"y":{"block":1,"fraction":0}}`,
    );
    const r = run(file);
    expect(r.maxRssMiB).toBeLessThan(150);
    expectSetAside(r, dir, file, /is 50\.0 MB, too large/);
  });

  it("a folder in its place is moved aside", () => {
    const { dir, file } = folder();
    mkdirSync(file);
    writeFileSync(join(file, "inside"), "kept");
    const aside = expectSetAside(run(file), dir, file, /is a folder/);
    expect(readFileSync(join(aside, "inside"), "utf8")).toBe("kept");
  });

  it("cleans up temporaries and a lock left by writers that were killed", () => {
    const { dir, file } = folder();
    writeFileSync(file, '{"b":{"block":2,"fraction":0}}');
    const dead = spawnSync(process.execPath, ["-e", ""]).pid as number;
    writeFileSync(join(dir, `positions.json.tmp-${dead}-1`), '{"b":');
    writeFileSync(join(dir, "positions.json.lock"), `${dead}\n`);
    // write-file-atomic's temporaries (earlier versions), a minute old.
    const legacy = join(dir, "positions.json.3416589211");
    writeFileSync(legacy, '{"c":{"block"');
    const old = new Date(Date.now() - 120_000);
    utimesSync(legacy, old, old);
    const fresh = join(dir, "positions.json.2718281828");
    writeFileSync(fresh, "{");
    const r = run(file);
    expect(r).toMatchObject({ loaded: 1, saved: true, notices: [] });
    expect(readdirSync(dir).sort()).toEqual(["positions.json", "positions.json.2718281828"]);
    expect(existsSync(fresh)).toBe(true);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      b: { block: 2, fraction: 0 },
      a0: { block: 0, fraction: 0.5 },
    });
  });
});
