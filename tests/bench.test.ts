// The bench harness itself: `node scripts/bench.mjs --quick` runs the built reader in a pty and
// must produce a number for every measure. No timing thresholds here: the machine running the
// tests is not the place to judge speed (that is `npm run bench`'s table).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(ROOT, "dist", "lectern.js");

type Timed = { median: number; runs: number[] };
type KeyStats = { n: number; p50: number; p95: number; max: number; mean: number };
type Goal = {
  measure: string;
  value: string;
  goal: string;
  ratio: number | null;
  met: boolean | null;
};
type Result = {
  schema: number;
  mode: string;
  config: Record<string, unknown>;
  articles: Record<string, { bytes: number; paragraphs: number; comments: number }>;
  startup: {
    node: Timed;
    lectern: Record<string, Timed>;
    less: Record<string, Timed>;
  };
  printMs: Record<string, number>;
  keys: Record<string, Record<string, KeyStats & { fullClear: boolean }>>;
  resize: Record<string, (Timed & { back: Timed }) | null>;
  resizeNarrow: Record<string, (Timed & { back: Timed }) | null>;
  rssAtFirstFrameBytes: Record<string, number | null>;
  peakRssBytes: Record<string, number | null>;
  scroll: Record<
    string,
    { n: number; medianBytes: number; maxBytes: number; fullClear: boolean } | null
  >;
  statusLine: Record<string, { rowsFromBottom: number; endsWith: string } | null>;
  keysWithNoChange: string[];
  goals: Goal[];
  errors: string[];
};

function lessInstalled(): boolean {
  try {
    execFileSync("which", ["less"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function positive(value: unknown, what: string): void {
  expect(typeof value, what).toBe("number");
  expect(Number.isFinite(value as number), what).toBe(true);
  expect(value as number, what).toBeGreaterThan(0);
}

function positiveTimed(t: Timed | undefined, runs: number, what: string): void {
  expect(t, what).toBeDefined();
  positive(t?.median, `${what} median`);
  expect(t?.runs, `${what} runs`).toHaveLength(runs);
  for (const x of t?.runs ?? []) positive(x, `${what} run`);
}

describe("bench --quick", () => {
  let dir = "";
  let out = "";
  let result: Result;
  let stdout = "";
  let stderr = "";
  let status: number | null = null;

  beforeAll(() => {
    if (!existsSync(CLI)) {
      execFileSync(process.execPath, [join(ROOT, "scripts", "build.mjs")], { cwd: ROOT });
    }
    dir = mkdtempSync(join(tmpdir(), "lectern-bench-test-"));
    out = join(dir, "result.json");
    const run = spawnSync(
      process.execPath,
      [join(ROOT, "scripts", "bench.mjs"), "--quick", "--out", out],
      {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 100_000,
      },
    );
    stdout = run.stdout;
    stderr = run.stderr;
    status = run.status;
    if (!existsSync(out)) {
      throw new Error(`bench wrote no JSON (status ${status}, ${run.error ?? ""}):\n${stderr}`);
    }
    result = JSON.parse(readFileSync(out, "utf8")) as Result;
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("exits 0 with no failed measurement", () => {
    expect(result.errors, stderr).toEqual([]);
    expect(status, stderr).toBe(0);
  });

  it("writes bench-results/latest.json as well as --out", () => {
    const latest = JSON.parse(readFileSync(join(ROOT, "bench-results", "latest.json"), "utf8"));
    expect(latest.mode).toBe("quick");
    expect(Object.keys(latest).sort()).toEqual(Object.keys(result).sort());
  });

  it("measures start-up of node, the seed and (where installed) less", () => {
    const runs = result.config.startRuns as number;
    expect(runs).toBe(3);
    expect(result.mode).toBe("quick");
    expect(Object.keys(result.articles)).toEqual(["seed"]);
    positive(result.articles.seed?.bytes, "seed bytes");
    positiveTimed(result.startup.node, runs, "node -e");
    positiveTimed(result.startup.lectern.seed, runs, "seed first frame");
    if (lessInstalled()) {
      positiveTimed(result.startup.less.seed, runs, "less seed");
      positive(result.printMs.seed, "--print seed");
    }
  });

  it("measures every key type with enough presses", () => {
    const keys = result.keys.seed ?? {};
    for (const key of ["down", "pageDown", "right", "c", "tab", "up", "pageUp", "home"]) {
      const k = keys[key];
      expect(k, key).toBeDefined();
      expect(k?.n, key).toBeGreaterThanOrEqual(20);
      for (const field of ["p50", "p95", "max", "mean"] as const)
        positive(k?.[field], `${key} ${field}`);
      expect(k?.p50 as number).toBeLessThanOrEqual(k?.p95 as number);
      expect(k?.p95 as number).toBeLessThanOrEqual(k?.max as number);
      expect(typeof k?.fullClear).toBe("boolean");
    }
  });

  it("measures resize, memory and bytes per scroll", () => {
    const resize = result.resize.seed;
    positiveTimed(resize ?? undefined, 3, "resize");
    positiveTimed(resize?.back, 3, "resize back");
    const narrow = result.resizeNarrow.seed;
    positiveTimed(narrow ?? undefined, 3, "resize to 60 columns");
    positiveTimed(narrow?.back, 3, "resize back from 60 columns");
    positive(result.peakRssBytes.seed, "peak RSS");
    positive(result.rssAtFirstFrameBytes.seed, "RSS at first frame");
    const scroll = result.scroll.seed;
    positive(scroll?.medianBytes, "bytes per scroll");
    positive(scroll?.maxBytes, "max bytes per scroll");
    expect(typeof scroll?.fullClear).toBe("boolean");
    expect(result.statusLine.seed?.endsWith).not.toBe("");
    expect(Array.isArray(result.keysWithNoChange)).toBe(true);
  });

  it("prints the table with a row per goal", () => {
    expect(stdout).toContain("measure");
    const measures = result.goals.map((g) => g.measure);
    for (const m of [
      "node -e console.log(1): output",
      "seed: first frame",
      "seed: key ↓ p50/p95/max",
      "seed: key PgDn p50/p95/max",
      "seed: key → p50/p95/max",
      "seed: key c p50/p95/max",
      "seed: key Tab p50/p95/max",
      "seed: resize → 80×24",
      "seed: peak RSS (at first frame)",
      "seed: resize → 60×24 (re-wrap)",
      "seed: bytes per ↓ (median/max)",
    ]) {
      expect(measures).toContain(m);
      expect(stdout).toContain(m);
    }
    for (const g of result.goals) {
      if (g.ratio !== null) positive(g.ratio, `${g.measure} ratio`);
      if (g.met !== null) expect(typeof g.met).toBe("boolean");
    }
  });
});
