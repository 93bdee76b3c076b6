// The positions file: what is saved comes back, only the most recently read articles are kept,
// and nothing out of range is saved or loaded.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadPositions, savePosition, takeNotices } from "../../src/storage/positions.js";

const dirs: string[] = [];
function file(): string {
  const dir = mkdtempSync(join(tmpdir(), "lectern-positions-"));
  dirs.push(dir);
  return join(dir, "nested", "positions.json");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  takeNotices();
});

describe("reading positions", () => {
  it("saves and loads anchors by article id, creating the folder", () => {
    const f = file();
    expect(loadPositions(f).size).toBe(0);
    expect(savePosition("a", { block: 3, fraction: 0.5 }, f)).toBe(true);
    expect(savePosition("b", { block: 0, fraction: 0 }, f)).toBe(true);
    expect(savePosition("a", { block: 7, fraction: -0.002 }, f)).toBe(true);
    const loaded = loadPositions(f);
    expect([...loaded.keys()]).toEqual(["b", "a"]);
    expect(loaded.get("a")).toEqual({ block: 7, fraction: -0.002 });
    expect(takeNotices()).toEqual([]);
  });

  it("ignores malformed entries and keeps the good ones", () => {
    const f = file();
    savePosition("ok", { block: 1, fraction: 0 }, f);
    writeFileSync(
      f,
      JSON.stringify({ good: { block: 2, fraction: 0.25 }, bad: { block: -1 }, worse: "x" }),
    );
    expect([...loadPositions(f)]).toEqual([["good", { block: 2, fraction: 0.25 }]]);
    expect(takeNotices()).toEqual([]);
  });

  it("never saves or loads a position out of range", () => {
    const f = file();
    mkdirSync(dirname(f));
    const bad = [
      { block: 0, fraction: 1e300 },
      { block: 0, fraction: -1e300 },
      { block: 0, fraction: Number.NaN },
      { block: 0, fraction: Number.POSITIVE_INFINITY },
      { block: -1, fraction: 0 },
      { block: 1.5, fraction: 0 },
      { block: Number.NaN, fraction: 0 },
      { block: 2 ** 60, fraction: 0 },
    ];
    for (const anchor of bad)
      expect(savePosition("x", anchor, f), JSON.stringify(anchor)).toBe(false);
    expect(savePosition("", { block: 0, fraction: 0 }, f)).toBe(false);
    expect(savePosition("y".repeat(1001), { block: 0, fraction: 0 }, f)).toBe(false);
    expect(loadPositions(f).size).toBe(0);
    // Written by hand (or by an older version): each out-of-range entry counts as no position.
    writeFileSync(
      f,
      '{"a":{"block":0,"fraction":1e300},"b":{"block":-3,"fraction":0},"c":{"block":1.5,"fraction":0},' +
        '"d":{"block":"1","fraction":0},"e":{"block":1,"fraction":-2},"f":{"block":4,"fraction":1}}',
    );
    expect([...loadPositions(f)]).toEqual([["f", { block: 4, fraction: 1 }]]);
    expect(savePosition("g", { block: 5, fraction: 0.5 }, f)).toBe(true);
    expect(JSON.parse(readFileSync(f, "utf8"))).toEqual({
      f: { block: 4, fraction: 1 },
      g: { block: 5, fraction: 0.5 },
    });
  });

  it("keeps the 500 most recently read articles", () => {
    const f = file();
    const many: Record<string, { block: number; fraction: number }> = {};
    for (let i = 0; i < 500; i++) many[`a${i}`] = { block: i, fraction: 0 };
    savePosition("seed", { block: 0, fraction: 0 }, f);
    writeFileSync(f, JSON.stringify(many));
    savePosition("latest", { block: 1, fraction: 0 }, f);
    const loaded = loadPositions(f);
    expect(loaded.size).toBe(500);
    expect(loaded.has("a0")).toBe(false);
    expect(loaded.get("latest")).toEqual({ block: 1, fraction: 0 });
  });

  it("stays bounded: 500 articles with the longest ids it keeps fit in the size it reads", () => {
    const f = file();
    mkdirSync(dirname(f));
    const anchor = { block: 99_999_999, fraction: -0.123456789012345 };
    const many: Record<string, typeof anchor> = {};
    for (let i = 0; i < 600; i++) many[`${"x".repeat(996)}${1000 + i}`] = anchor;
    writeFileSync(f, JSON.stringify(many));
    expect(loadPositions(f).size).toBe(500);
    for (let i = 0; i < 10; i++) {
      expect(savePosition(`${"y".repeat(996)}${1000 + i}`, anchor, f)).toBe(true);
    }
    expect(loadPositions(f).size).toBe(500);
    expect(statSync(f).size).toBeLessThan(1024 * 1024);
    expect(takeNotices()).toEqual([]);
  });

  it("reports a file it cannot write without throwing", () => {
    const dir = mkdtempSync(join(tmpdir(), "lectern-positions-"));
    dirs.push(dir);
    writeFileSync(join(dir, "a-file"), "");
    // A path under a regular file cannot be created.
    expect(
      savePosition("x", { block: 0, fraction: 0 }, join(dir, "a-file", "positions.json")),
    ).toBe(false);
  });
});
