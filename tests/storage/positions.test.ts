// The positions file: what is saved comes back, a broken file means "start at the top", and
// only the most recently read articles are kept.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadPositions, savePosition } from "../../src/storage/positions.js";

const dirs: string[] = [];
function file(): string {
  const dir = mkdtempSync(join(tmpdir(), "lectern-positions-"));
  dirs.push(dir);
  return join(dir, "nested", "positions.json");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("reading positions", () => {
  it("saves and loads anchors by article id, creating the folder", () => {
    const f = file();
    expect(loadPositions(f).size).toBe(0);
    expect(savePosition("a", { block: 3, fraction: 0.5 }, f)).toBe(true);
    expect(savePosition("b", { block: 0, fraction: 0 }, f)).toBe(true);
    expect(savePosition("a", { block: 7, fraction: 0 }, f)).toBe(true);
    const loaded = loadPositions(f);
    expect([...loaded.keys()]).toEqual(["b", "a"]);
    expect(loaded.get("a")).toEqual({ block: 7, fraction: 0 });
  });

  it("treats a malformed file or malformed entries as no position", () => {
    const f = file();
    savePosition("ok", { block: 1, fraction: 0 }, f);
    writeFileSync(f, "{ not json");
    expect(loadPositions(f).size).toBe(0);
    writeFileSync(
      f,
      JSON.stringify({ good: { block: 2, fraction: 0.25 }, bad: { block: -1 }, worse: "x" }),
    );
    expect([...loadPositions(f)]).toEqual([["good", { block: 2, fraction: 0.25 }]]);
    // Saving over a broken file replaces it with a good one.
    writeFileSync(f, "garbage");
    expect(savePosition("new", { block: 4, fraction: 0 }, f)).toBe(true);
    expect(JSON.parse(readFileSync(f, "utf8"))).toEqual({ new: { block: 4, fraction: 0 } });
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
