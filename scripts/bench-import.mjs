// Measures how fast a foreign discussion opens: the first frame of a generated 1,400-comment
// Reddit thread (~400 KB, scripts/bench/reddit-thread.mjs) against the seed's, runs interleaved
// so they share the machine's noise. The goal: within 1.5 × the seed's first frame.
//
//   node scripts/bench-import.mjs [--runs N] [--cli dist/lectern.js]
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { cleanEnv, killAll, Session } from "./bench/pty.mjs";
import { redditThread } from "./bench/reddit-thread.mjs";
import { median, round } from "./bench/stats.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { runs: { type: "string" }, cli: { type: "string" } } });
const runs = Number(values.runs ?? 7);
const cli = resolve(values.cli ?? join(ROOT, "dist", "lectern.js"));
const tmp = mkdtempSync(join(tmpdir(), "lectern-bench-import-"));
const thread = join(tmp, "reddit-1400.json");
writeFileSync(thread, JSON.stringify(redditThread(1400)));
const cases = [
  {
    name: "seed",
    path: join(ROOT, "content", "azerbaijan-and-israel.json"),
    title: "Azerbaijan And Israel",
  },
  { name: "reddit 1,400 comments", path: thread, title: "A large Reddit thread" },
];

async function firstFrame({ path, title }) {
  const s = new Session(process.execPath, [cli, path], {
    cols: 100,
    rows: 30,
    cwd: ROOT,
    env: cleanEnv(),
  });
  try {
    const at = await s.waitFor(() => s.rows().some((r) => r.includes(title)), 30_000, "the title");
    await s.close("q");
    return at - s.t0;
  } finally {
    s.dispose();
  }
}

try {
  const times = cases.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (const [i, c] of cases.entries()) times[i].push(await firstFrame(c));
  }
  const [seed, reddit] = times.map(median);
  const size = Math.round(JSON.stringify(redditThread(1400)).length / 1024);
  console.log(`seed: first frame                ${round(seed, 1)} ms`);
  console.log(
    `reddit 1,400 (${size} KB): first frame  ${round(reddit, 1)} ms  (${round(reddit / seed)} × seed; goal ≤ 1.5)`,
  );
} finally {
  killAll();
  rmSync(tmp, { recursive: true, force: true });
}
