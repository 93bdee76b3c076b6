// Output reaches a slow reader whole: `lectern validate` of 3,000 files and `--print` of a long
// article, piped into processes that read a little at a time with pauses, deliver every line of
// stdout and of stderr (Lectern used to exit with part of it still queued: 1,712 lines of 3,000,
// stderr cut at 64 KiB mid-line). A reader that leaves early (`| head`) ends the output quietly.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUNDLE, built, ROOT, SKIP_REASON } from "../pty/harness.js";

const root = mkdtempSync(join(tmpdir(), "lectern-output-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Copies stdin to stdout 512 bytes at a time, pausing 2 ms between reads: a slow reader. */
const SLOW_READER = `
const { readSync, writeSync } = require("node:fs");
const buffer = Buffer.alloc(512);
const pause = new Int32Array(new SharedArrayBuffer(4));
for (;;) {
  let n;
  try { n = readSync(0, buffer); } catch (e) {
    if (e.code === "EAGAIN") { Atomics.wait(pause, 0, 0, 2); continue; }
    if (e.code === "EOF") break;
    throw e;
  }
  if (n === 0) break;
  writeSync(1, buffer.subarray(0, n));
  Atomics.wait(pause, 0, 0, 2);
}`;

type Result = { status: number | null; out: string; err: string };

/** Runs lectern with its stdout and stderr each piped into a slow reader. */
async function throughSlowReaders(args: string[]): Promise<Result> {
  const readers = [0, 1].map(() =>
    spawn(process.execPath, ["-e", SLOW_READER], { stdio: ["pipe", "pipe", "inherit"] }),
  );
  const [out, err] = readers.map((reader) => {
    let text = "";
    reader.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      text += chunk;
    });
    return new Promise<string>((resolve) => reader.on("close", () => resolve(text)));
  });
  const lectern = spawn(process.execPath, [BUNDLE, ...args], {
    cwd: ROOT,
    stdio: ["ignore", readers[0]?.stdin ?? "pipe", readers[1]?.stdin ?? "pipe"],
  });
  // The readers see the end of input when lectern, the only writer left, exits.
  for (const reader of readers) reader.stdin?.destroy();
  const status = await new Promise<number | null>((resolve) => lectern.on("close", resolve));
  return { status, out: (await out) as string, err: (await err) as string };
}

const suite = built ? describe : describe.skip;

suite(`output into a slow pipe${built ? "" : ` — ${SKIP_REASON}`}`, { timeout: 60_000 }, () => {
  it("validate: 3,000 files give 3,000 lines, on stdout and stderr, none cut", async () => {
    const dir = join(root, "a-folder-with-a-rather-long-name-so-that-each-line-is-long-enough");
    mkdirSync(dir);
    const names: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const name = `article-number-${String(i).padStart(4, "0")}.json`;
      names.push(name);
      // Two in three are good (a small valid article); the rest have a bad title.
      const title = i % 3 === 2 ? 42 : `Title ${i}`;
      writeFileSync(
        join(dir, name),
        JSON.stringify({ id: `a-${i}`, title, sections: [{ paragraphs: ["x"] }] }),
      );
    }
    const r = await throughSlowReaders(["validate", dir]);
    expect(r.status).toBe(1);
    const okLines = r.out.split("\n").filter(Boolean);
    const errLines = r.err.split("\n").filter(Boolean);
    expect(okLines).toHaveLength(2000);
    expect(errLines).toHaveLength(1000);
    expect(r.out.endsWith("\n") && r.err.endsWith("\n")).toBe(true);
    expect(r.err.length).toBeGreaterThan(64 * 1024);
    expect(
      okLines.every(
        (line, k) => line === `ok ${join(dir, names[k + Math.floor(k / 2)] as string)}`,
      ),
    ).toBe(true);
    expect(
      errLines.every((line) =>
        /^lectern: .*article-number-\d{4}\.json: title: must be a string/.test(line),
      ),
    ).toBe(true);
  });

  it("--print: the whole article arrives, to its last line", async () => {
    const file = join(root, "long.json");
    const paragraphs = Array.from(
      { length: 4000 },
      (_, i) => `Paragraph ${i} ${"word ".repeat(30)}end ${i}.`,
    );
    writeFileSync(file, JSON.stringify({ id: "long", title: "Long", sections: [{ paragraphs }] }));
    const r = await throughSlowReaders(["--print", file]);
    expect(r.status).toBe(0);
    expect(r.err).toBe("");
    expect(r.out.length).toBeGreaterThan(128 * 1024);
    for (let i = 0; i < 1200; i++) expect(r.out).toContain(`end ${i}.`);
    expect(r.out.endsWith("\n")).toBe(true);
  });

  it("a reader that leaves after one byte (| head -c 1): each command ends quietly", () => {
    const source = join(ROOT, "tests", "fixtures", "sources", "reddit-thread.json");
    const seed = join(ROOT, "content", "azerbaijan-and-israel.json");
    for (const args of [["convert", source], ["--print", seed], ["config"]]) {
      const command = [process.execPath, BUNDLE, ...args].map((a) => `'${a}'`).join(" ");
      // The shell reports the status of the last command of a pipe: lectern's is asked for.
      const r = spawnSync(
        "bash",
        ["-c", `${command} | head -c 1 >/dev/null; exit \${PIPESTATUS[0]}`],
        {
          cwd: ROOT,
          encoding: "utf8",
        },
      );
      expect({ args, status: r.status, err: r.stderr }).toEqual({ args, status: 0, err: "" });
    }
  });
});
