// A mutation fuzz of the seed article (fixed seed, so every run tries the same files): bytes
// flipped, the file cut short, keys written twice, keys megabytes long, values nested deep, pieces
// deleted or repeated. Each mutant is loaded in a worker with a time limit, so a load that hangs
// fails the test instead of stalling the suite; each result is a valid article or short one-line
// messages naming the file, never a stack trace.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { bundle } from "../helpers/bundle.js";

const SEED_TEXT = readFileSync(
  join(import.meta.dirname, "..", "..", "content", "azerbaijan-and-israel.json"),
  "utf8",
);
const WORKER = bundle(join(import.meta.dirname, "fuzz-worker.ts"));
/** Per file. The slowest mutants (a key of millions of characters) take a few hundred ms. */
const LIMIT_MS = 5_000;

type Mutation =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "truncate"; at: number }
  | { kind: "duplicate-key"; which: number }
  | { kind: "huge-key"; which: number; length: number; char: string }
  | { kind: "deep"; which: number; depth: number; close: boolean }
  | { kind: "delete"; at: number; length: number }
  | { kind: "repeat"; at: number; length: number; to: number };

const KEY = /"([A-Za-z$]+)"\s*:/g;
const keyPlaces = [...SEED_TEXT.matchAll(KEY)].map((m) => ({ at: m.index, key: m[1] as string }));
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip"), at: fraction, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("truncate"), at: fraction }),
  fc.record({ kind: fc.constant("duplicate-key"), which: fraction }),
  fc.record({
    kind: fc.constant("huge-key"),
    which: fraction,
    length: fc.constantFrom(1_000, 100_000, 3_000_000),
    char: fc.constantFrom("k", "é", "👨‍👩‍👧‍👦", "\\n", "\\u001b", "a b"),
  }),
  fc.record({
    kind: fc.constant("deep"),
    which: fraction,
    depth: fc.constantFrom(100, 10_000, 200_000),
    close: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("delete"),
    at: fraction,
    length: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({
    kind: fc.constant("repeat"),
    at: fraction,
    length: fc.integer({ min: 1, max: 400 }),
    to: fraction,
  }),
) as fc.Arbitrary<Mutation>;

const MUTATIONS = fc.sample(mutation, { seed: 15, numRuns: 300 });

function apply(m: Mutation): Uint8Array {
  const text = SEED_TEXT;
  const bytes = new TextEncoder().encode(text);
  const pos = (f: number, n: number) => Math.floor(f * n);
  switch (m.kind) {
    case "flip": {
      const out = bytes.slice();
      const i = pos(m.at, out.length);
      out[i] = (out[i] as number) ^ (1 << m.bit);
      return out;
    }
    case "truncate":
      return bytes.slice(0, pos(m.at, bytes.length));
    case "delete": {
      const i = pos(m.at, bytes.length);
      return Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + m.length)]);
    }
    case "repeat": {
      const i = pos(m.at, bytes.length);
      const j = pos(m.to, bytes.length);
      return Buffer.concat([
        bytes.subarray(0, j),
        bytes.subarray(i, i + m.length),
        bytes.subarray(j),
      ]);
    }
    default: {
      const place = keyPlaces[pos(m.which, keyPlaces.length)] as { at: number; key: string };
      let insert: string;
      if (m.kind === "duplicate-key") insert = `"${place.key}": "DUPLICATE", `;
      else if (m.kind === "huge-key") {
        insert = `"${m.char.repeat(Math.ceil(m.length / m.char.length))}": 1, `;
      } else {
        insert = `"deep": ${"[".repeat(m.depth)}${m.close ? "]".repeat(m.depth) : ""}, `;
      }
      return new TextEncoder().encode(text.slice(0, place.at) + insert + text.slice(place.at));
    }
  }
}

type Result = { ok: true } | { ok: false; errors: string[] };

let worker: Worker | undefined;
afterAll(() => worker?.terminate());

/** Loads one file in the worker; undefined if it takes longer than LIMIT_MS (the worker is ended). */
function load(bytes: Uint8Array): Promise<Result | undefined> {
  worker ??= new Worker(WORKER);
  const current = worker;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      current.off("message", done);
      void current.terminate();
      worker = undefined;
      resolve(undefined);
    }, LIMIT_MS);
    function done(result: Result) {
      clearTimeout(timer);
      resolve(result);
    }
    current.once("message", done);
    current.postMessage(bytes);
  });
}

describe("mutation fuzz of the seed article", () => {
  it(`${MUTATIONS.length} mutants: each loads in time, as an article or one-line messages`, async () => {
    const kinds = new Map<string, { valid: number; refused: number }>();
    for (const m of MUTATIONS) {
      const what = JSON.stringify(m);
      const result = await load(apply(m));
      expect(result, `${what} took over ${LIMIT_MS} ms`).toBeDefined();
      const tally = kinds.get(m.kind) ?? { valid: 0, refused: 0 };
      kinds.set(m.kind, tally);
      if (result?.ok) {
        tally.valid++;
        continue;
      }
      tally.refused++;
      const errors = (result as { errors: string[] }).errors;
      expect(errors.length, what).toBeGreaterThan(0);
      expect(errors.length, what).toBeLessThanOrEqual(11);
      for (const line of errors) {
        expect(line, what).toMatch(/^mutant\.json(:\d+:\d+)?: \S/);
        expect(line, what).not.toMatch(/[\n\r]|^\s+at |\.ts:\d+|\.js:\d+/);
        expect(line.length, `${what}: ${line.slice(0, 200)}`).toBeLessThanOrEqual(500);
      }
    }
    // Every kind of mutation was tried, and duplicate and huge keys are always refused.
    expect([...kinds.keys()].sort()).toEqual(
      ["delete", "duplicate-key", "deep", "flip", "huge-key", "repeat", "truncate"].sort(),
    );
    expect(kinds.get("duplicate-key")?.valid).toBe(0);
    expect(kinds.get("huge-key")?.valid).toBe(0);
  }, 300_000);
});
