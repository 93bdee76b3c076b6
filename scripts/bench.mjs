// Measures Lectern where a person feels it: start-up to the first full frame, key → updated
// frame, resize → reflowed frame, peak memory and bytes written per scroll, on the seed and on
// synthetic 1 MB / 10 MB articles, against `node -e` and `less` baselines taken in the same run.
//
//   npm run bench                      (builds first; the full run takes a few minutes)
//   node scripts/bench.mjs --quick     seed only, few runs: checks the harness in < 30 s
//   node scripts/bench.mjs --out FILE  also write the JSON to FILE
//
// Results: a table on stdout, JSON in bench-results/latest.json. Exit 1 if a measurement failed
// (timeouts say what was awaited and show the screen); goals missed do not change the status.
import { execFileSync, spawnSync } from "node:child_process";
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus, tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DISCUSSION_ROUND, discussionSession } from "./bench/discussion.mjs";
import { writeArticles } from "./bench/generate.mjs";
import { librarySession, writeLibrary } from "./bench/library.mjs";
import { BenchError, cleanEnv, killAll, Session } from "./bench/pty.mjs";
import { searchSession } from "./bench/search.mjs";
import { median, round, summary, table } from "./bench/stats.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
/** The bundle the bench runs: a copy of dist/ (see snapshotDist), so a rebuild cannot break it. */
let CLI = join(DIST, "lectern.js");
const SEED = join(ROOT, "content", "azerbaijan-and-israel.json");
const COLS = 100;
const ROWS = 30;
const SMALL = { cols: 80, rows: 24 };
const NARROW = { cols: 60, rows: 24 };

const KEYS = {
  down: "\x1b[B",
  up: "\x1b[A",
  pageDown: "\x1b[6~",
  pageUp: "\x1b[5~",
  right: "\x1b[C",
  home: "g",
  c: "c",
  tab: "\t",
};
const KEY_LABELS = { down: "↓", pageDown: "PgDn", right: "→", c: "c", tab: "Tab" };
/** One round: every measured key changes the screen, and the round ends where it began. */
const ROUND = ["down", "up", "pageDown", "pageUp", "right", "home", "c", "tab", "tab", "c"];

const { values: opts } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    out: { type: "string" },
    runs: { type: "string" },
    rounds: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const quick = opts.quick;
const config = {
  mode: quick ? "quick" : "full",
  cols: COLS,
  rows: ROWS,
  startRuns: Number(opts.runs ?? (quick ? 3 : 7)),
  // Presses per measured key: ↓ PgDn → once per round, c and Tab twice.
  rounds: Number(opts.rounds ?? (quick ? 20 : 200)),
  resizes: quick ? 3 : 7,
  // After each key, the next waits until nothing has arrived for this long.
  quietMs: 40,
  firstFrameTimeoutMs: 30_000,
  keyTimeoutMs: quick ? 2_000 : 5_000,
  resizeTimeoutMs: 10_000,
};
const DEADLINE_MS = quick ? 90_000 : 25 * 60_000;

const log = (message) => process.stderr.write(`bench: ${message}\n`);

// Never leave a child behind, whatever the way out.
process.on("exit", killAll);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    killAll();
    process.exit(130);
  });
}
const watchdog = setTimeout(() => {
  log(`gave up: the whole run took longer than ${DEADLINE_MS / 1000} s`);
  killAll();
  process.exit(1);
}, DEADLINE_MS);
watchdog.unref();

/**
 * Copy dist/ into the work folder and check that the copy runs: a build running beside the
 * bench (it empties dist/ first) would otherwise fail runs half-way through.
 */
async function snapshotDist(work) {
  const target = join(work, "dist");
  let last = "";
  for (let attempt = 0; attempt < 5; attempt++) {
    rmSync(target, { recursive: true, force: true });
    try {
      cpSync(DIST, target, { recursive: true });
      const cli = join(target, "lectern.js");
      const r = spawnSync(process.execPath, [cli, "--print", SEED], {
        stdio: ["ignore", "ignore", "pipe"],
        env: cleanEnv(),
        encoding: "utf8",
        timeout: 30_000,
      });
      if (r.status === 0) return cli;
      last = `exit ${r.status}: ${r.stderr.split("\n").slice(0, 3).join(" ")}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new BenchError(`could not take a working copy of dist/ (${last}); run \`npm run build\``);
}

if (!existsSync(CLI)) {
  log(`${CLI} is missing: run \`npm run build\` first (or \`npm run bench\`, which builds)`);
  process.exit(1);
}

const lessPath = (() => {
  try {
    return execFileSync("which", ["less"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
})();

const errors = [];
function failed(what, error) {
  const message = `${what}: ${error instanceof Error ? error.message : String(error)}`;
  errors.push(message);
  log(`FAILED ${message}`);
  if (!(error instanceof BenchError) && error instanceof Error && error.stack) log(error.stack);
}

const env = cleanEnv();
const lessEnv = cleanEnv({ LESS: "", LESSHISTFILE: "-", LESSOPEN: "", LESSCLOSE: "" });

function screenHas(session, text) {
  return () => session.rows().some((row) => row.includes(text));
}

// --- start-up ------------------------------------------------------------------------------

async function startNode() {
  const s = new Session(process.execPath, ["-e", "console.log(1)"], {
    cols: COLS,
    rows: ROWS,
    cwd: ROOT,
    env,
    name: "node -e",
  });
  try {
    const at = await s.waitFor(
      () => s.rows().some((r) => r.trim() === "1"),
      10_000,
      "node to print 1",
    );
    await s.close(null);
    return at - s.t0;
  } finally {
    s.dispose();
  }
}

async function startLectern(article) {
  const s = new Session(process.execPath, [CLI, article.path], {
    cols: COLS,
    rows: ROWS,
    cwd: ROOT,
    env,
    name: `lectern ${article.name}`,
  });
  try {
    const at = await s.waitFor(
      screenHas(s, article.title),
      config.firstFrameTimeoutMs,
      "the title on the first frame",
    );
    const rss = s.peakRss();
    await s.close("q");
    return { ms: at - s.t0, rss };
  } finally {
    s.dispose();
  }
}

async function startLess(article, textPath) {
  const s = new Session(lessPath, [textPath], {
    cols: COLS,
    rows: ROWS,
    cwd: ROOT,
    env: lessEnv,
    name: `less ${article.name}`,
  });
  try {
    const at = await s.waitFor(
      screenHas(s, article.title),
      config.firstFrameTimeoutMs,
      "the title in less",
    );
    await s.close("q");
    return at - s.t0;
  } finally {
    s.dispose();
  }
}

/**
 * The floor under every key time: a few lines of node that redraw a counter on each key, in
 * the same pty and harness. Lectern's key times include this.
 */
async function echoFloor() {
  const program = [
    "process.stdin.setRawMode(true);",
    "let n = 0;",
    'process.stdout.write("ready\\r\\n");',
    'process.stdin.on("data", (d) => { if (d[0] === 113) process.exit(0); process.stdout.write("\\r" + ++n + "  "); });',
  ].join("\n");
  const s = new Session(process.execPath, ["-e", program], {
    cols: COLS,
    rows: ROWS,
    cwd: ROOT,
    env,
    name: "echo floor",
  });
  try {
    await s.waitFor(screenHas(s, "ready"), 10_000, "the echo program to start");
    const times = [];
    for (let i = 0; i < config.rounds; i++) {
      times.push((await s.press("x", { timeoutMs: config.keyTimeoutMs, what: "x" })).ms);
    }
    await s.close("q");
    return summary(times);
  } finally {
    s.dispose();
  }
}

// --- one long session: keys, resize, memory ----------------------------------------------------

/** Where the status line is (rows from the bottom) and how it ends, learned from a frame. */
function statusShape(session) {
  const rows = session.rows();
  let last = rows.length - 1;
  while (last >= 0 && rows[last].trim() === "") last--;
  const words = (rows[last] ?? "").trim().split(/\s+/);
  return { fromBottom: rows.length - 1 - last, tail: words[words.length - 1] ?? "" };
}

/** A whole frame for `rows`: status line in its place, ending as it should, nothing wrapped. */
function fullFrame(session, shape, rows) {
  const screen = session.rows();
  let last = screen.length - 1;
  while (last >= 0 && screen[last].trim() === "") last--;
  if (last !== rows - 1 - shape.fromBottom) return false;
  // The status line ends as it did, or is cut with "…" on a narrower screen.
  const end = screen[last].trimEnd();
  if (!end.endsWith(shape.tail) && !end.endsWith("…")) return false;
  const buffer = session.term.buffer.active;
  for (let y = 0; y < rows; y++) if (buffer.getLine(buffer.viewportY + y)?.isWrapped) return false;
  return true;
}

/** `config.resizes` times: resize to `size`, time the whole frame; back to 100×30, time it. */
async function resizes(s, shape, size) {
  const there = [];
  const back = [];
  for (let i = 0; i < config.resizes; i++) {
    for (const [to, list] of [
      [size, there],
      [{ cols: COLS, rows: ROWS }, back],
    ]) {
      const t = s.resize(to.cols, to.rows);
      const before = s.fingerprint();
      const at = await s.waitFor(
        () => s.fingerprint() !== before && fullFrame(s, shape, to.rows),
        config.resizeTimeoutMs,
        `a whole ${to.cols}×${to.rows} frame after the resize`,
      );
      list.push(at - t);
      await s.settle(50);
    }
  }
  return {
    median: round(median(there)),
    runs: there.map((x) => round(x)),
    back: { median: round(median(back)), runs: back.map((x) => round(x)) },
  };
}

async function interactive(article) {
  const s = new Session(process.execPath, [CLI, article.path], {
    cols: COLS,
    rows: ROWS,
    cwd: ROOT,
    env,
    name: `lectern ${article.name}`,
  });
  const out = {
    keys: {},
    resize: null,
    resizeNarrow: null,
    rss: null,
    scroll: null,
    statusLine: null,
    noChange: [],
  };
  try {
    await s.waitFor(screenHas(s, article.title), config.firstFrameTimeoutMs, "the first frame");
    await s.settle(300, 5000);
    const shape = statusShape(s);
    out.statusLine = { rowsFromBottom: shape.fromBottom, endsWith: shape.tail };
    if (shape.tail === "") throw new BenchError(`${s.name}: no status line on\n${s.dump()}`);

    // Keys.
    const times = Object.fromEntries(Object.keys(KEYS).map((k) => [k, []]));
    const clears = Object.fromEntries(Object.keys(KEYS).map((k) => [k, false]));
    const downBytes = [];
    const recent = [];
    try {
      for (let round = 0; round < config.rounds; round++) {
        for (const key of ROUND) {
          let r;
          try {
            r = await s.press(KEYS[key], {
              timeoutMs: config.keyTimeoutMs,
              quietMs: config.quietMs,
              what: `${key} (round ${round + 1})`,
            });
          } catch (error) {
            if (!(error instanceof BenchError) || s.exited) throw error;
            // A key that changed nothing: note it with the keys before it, and go on (the next
            // keys still change the screen) unless it keeps happening.
            const keys = recent.map((p) => `${p.key} ${p.ms.toFixed(1)} ms ${p.bytes} B`);
            const note = `${article.name}: ${key} in round ${round + 1} changed nothing in ${config.keyTimeoutMs} ms (keys before it: ${keys.join(", ")})`;
            out.noChange.push(note);
            log(`note: ${note}`);
            if (out.noChange.length > 3) {
              error.message += `\n(${out.noChange.length} keys changed nothing; giving up)`;
              throw error;
            }
            continue;
          }
          recent.push({ key, ms: r.ms, bytes: r.bytes });
          if (recent.length > 12) recent.shift();
          times[key].push(r.ms);
          if (r.fullClear) clears[key] = true;
          if (key === "down") downBytes.push(r.bytes);
        }
      }
    } catch (error) {
      failed(`keys on ${article.name}`, error);
    }
    for (const key of Object.keys(KEYS)) {
      if (times[key].length > 0) {
        out.keys[key] = {
          ...summary(times[key]),
          fullClear: clears[key],
          ms: times[key].map((x) => round(x, 1)),
        };
      }
    }
    if (downBytes.length > 0) {
      out.scroll = {
        n: downBytes.length,
        medianBytes: median(downBytes),
        maxBytes: Math.max(...downBytes),
        fullClear: clears.down,
      };
    }

    // Resize: 100×30 → 80×24 (the goal: the article keeps its 80-column measure, so this is
    // mostly redraw), and 100×30 → 60×24 (every paragraph re-wraps); each time back, timed too.
    try {
      await s.settle(50);
      out.resize = await resizes(s, shape, SMALL);
      out.resizeNarrow = await resizes(s, shape, NARROW);
    } catch (error) {
      failed(`resize on ${article.name}`, error);
    }

    out.rss = s.peakRss();
    const quit = await s.close("q");
    if (!quit)
      failed(`quit on ${article.name}`, new BenchError("q did not end the program in 3 s"));
    return out;
  } finally {
    s.dispose();
  }
}

// --- the run -----------------------------------------------------------------------------------

async function main() {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), "lectern-bench-"));
  process.on("exit", () => {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
  });
  CLI = await snapshotDist(work);
  log(`generating articles in ${work}`);
  const described = writeArticles(work, SEED, { big: !quick });
  const names = Object.keys(described);
  const articles = names.map((name) => ({ name, ...described[name] }));
  const startNames = names;
  const keyNames = quick ? ["seed"] : ["seed", "10mb", "10mb-md"];
  const lessNames = lessPath ? (quick ? ["seed"] : ["seed", "10mb"]) : [];

  // Print-mode text (the same article, for less), timed: the cost of load + layout alone.
  const printMs = {};
  const texts = {};
  for (const name of lessNames) {
    const article = described[name];
    const textPath = join(work, `${name}.txt`);
    const fd = openSync(textPath, "w");
    const t = performance.now();
    const r = spawnSync(process.execPath, [CLI, "--print", article.path], {
      stdio: ["ignore", fd, "pipe"],
      env,
      timeout: 60_000,
    });
    printMs[name] = round(performance.now() - t);
    closeSync(fd);
    if (r.status !== 0) {
      failed(`--print ${name}`, new BenchError(`exit ${r.status}: ${r.stderr}`));
    } else {
      texts[name] = textPath;
    }
  }

  // Start-up, interleaved so that every target shares the machine's noise; one warm-up pass.
  const startup = { node: [], lectern: {}, less: {}, rss: {} };
  for (const name of startNames) {
    startup.lectern[name] = [];
    startup.rss[name] = [];
  }
  for (const name of lessNames) startup.less[name] = [];
  log(
    `start-up: ${config.startRuns} runs each (+1 warm-up) of ${["node", ...startNames].join(", ")}`,
  );
  for (let run = -1; run < config.startRuns; run++) {
    const keep = run >= 0;
    try {
      const ms = await startNode();
      if (keep) startup.node.push(ms);
    } catch (error) {
      failed("node -e start-up", error);
    }
    for (const article of articles) {
      try {
        const r = await startLectern(article);
        if (keep) startup.lectern[article.name].push(r.ms);
        if (r.rss !== null) startup.rss[article.name].push(r.rss);
      } catch (error) {
        failed(`first frame of ${article.name}`, error);
      }
      if (texts[article.name]) {
        try {
          const ms = await startLess(article, texts[article.name]);
          if (keep) startup.less[article.name].push(ms);
        } catch (error) {
          failed(`less on ${article.name}`, error);
        }
      }
    }
  }

  // Keys, resize and memory in one long session per article, after the harness's own floor.
  let floor = null;
  try {
    floor = await echoFloor();
  } catch (error) {
    failed("echo floor", error);
  }
  const sessions = {};
  for (const name of keyNames) {
    log(
      `keys on ${name}: ${config.rounds} rounds of ${ROUND.map((k) => KEY_LABELS[k] ?? k).join(" ")}`,
    );
    try {
      sessions[name] = await interactive(articles.find((a) => a.name === name));
    } catch (error) {
      failed(`session on ${name}`, error);
    }
  }

  // Search on the 10 MB article: typing, counting, and keys while counting.
  let search = null;
  if (!quick) {
    log("search on 10mb: /pipeline a character at a time, then /the and ↓ while it counts");
    try {
      search = await searchSession({
        cli: CLI,
        article: articles.find((a) => a.name === "10mb"),
        env,
        cols: COLS,
        rows: ROWS,
        cwd: ROOT,
        query: "pipeline",
        busyQuery: "the",
      });
    } catch (error) {
      failed("search on 10mb", error);
    }
  }

  // The list of a folder of 10,000 small articles (300 in quick mode): first and second open,
  // the filter, memory.
  let library = null;
  {
    const count = quick ? 300 : 10_000;
    const dir = join(work, "library");
    log(`library: writing ${count} articles`);
    try {
      writeLibrary(dir, count);
      log(`library: first and second open (${quick ? 1 : config.startRuns} runs each), filter`);
      library = {
        count,
        ...(await librarySession({
          Session,
          cli: CLI,
          dir,
          count,
          env,
          cols: COLS,
          rows: ROWS,
          cwd: ROOT,
          runs: quick ? 1 : config.startRuns,
          work,
          reference: async () => (await startLectern(articles[0])).ms,
        })),
      };
    } catch (error) {
      failed("library", error);
    }
  }

  // Moving around the 10 MB article's 20,000 comments: threads, fold all, unfold all.
  let discussion = null;
  if (!quick) {
    log(`discussion on 10mb: ${config.rounds} rounds of Tab, then ${DISCUSSION_ROUND.join(" ")}`);
    try {
      discussion = await discussionSession({
        cli: CLI,
        article: articles.find((a) => a.name === "10mb"),
        env,
        cols: COLS,
        rows: ROWS,
        cwd: ROOT,
        rounds: config.rounds,
      });
    } catch (error) {
      failed("discussion on 10mb", error);
    }
  }

  const timed = (list) => ({ median: round(median(list)), runs: list.map((x) => round(x)) });
  const result = {
    schema: 1,
    mode: config.mode,
    date: new Date().toISOString(),
    durationMs: 0,
    machine: {
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "",
      less: lessPath,
    },
    config,
    articles: Object.fromEntries(
      articles.map(({ name, path, ...rest }) => [name, { file: basename(path), ...rest }]),
    ),
    startup: {
      node: timed(startup.node),
      lectern: Object.fromEntries(startNames.map((n) => [n, timed(startup.lectern[n])])),
      less: Object.fromEntries(lessNames.map((n) => [n, timed(startup.less[n])])),
    },
    printMs,
    keyFloor: floor,
    keys: Object.fromEntries(keyNames.map((n) => [n, sessions[n]?.keys ?? {}])),
    resize: Object.fromEntries(keyNames.map((n) => [n, sessions[n]?.resize ?? null])),
    resizeNarrow: Object.fromEntries(keyNames.map((n) => [n, sessions[n]?.resizeNarrow ?? null])),
    peakRssBytes: Object.fromEntries(
      startNames.map((n) => [n, Math.max(0, ...startup.rss[n], sessions[n]?.rss ?? 0) || null]),
    ),
    rssAtFirstFrameBytes: Object.fromEntries(startNames.map((n) => [n, median(startup.rss[n])])),
    scroll: Object.fromEntries(keyNames.map((n) => [n, sessions[n]?.scroll ?? null])),
    statusLine: Object.fromEntries(keyNames.map((n) => [n, sessions[n]?.statusLine ?? null])),
    keysWithNoChange: [
      ...keyNames.flatMap((n) => sessions[n]?.noChange ?? []),
      ...(discussion?.noChange ?? []),
    ],
    search,
    discussion,
    library: library && {
      ...library,
      cold: timed(library.cold),
      warm: timed(library.warm),
      seed: timed(library.seed),
    },
    goals: [],
    errors,
  };
  result.goals = goals(result);
  result.durationMs = round(performance.now() - started, 0);

  process.stdout.write(`${report(result)}\n`);
  const json = `${JSON.stringify(result, null, 2)}\n`;
  const dir = join(ROOT, "bench-results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "latest.json"), json);
  if (opts.out) {
    mkdirSync(dirname(resolve(opts.out)), { recursive: true });
    writeFileSync(resolve(opts.out), json);
  }
  log(
    `done in ${(result.durationMs / 1000).toFixed(1)} s; JSON in bench-results/latest.json${opts.out ? ` and ${opts.out}` : ""}`,
  );
  return errors.length === 0 ? 0 : 1;
}

const LABEL = {
  seed: "seed",
  "1mb": "1 MB",
  "10mb": "10 MB",
  "10mb-md": "10 MB Markdown",
  "cjk-1m": "1M CJK paragraph",
  "esc-1m": "1M ␛ paragraph",
};

/**
 * Every row of the table: measure, value, goal, ratio, met. The ratio is the multiple of the
 * reference for a relative goal ("≤ 1.5 × node": met when ≤ 1.5) and value ÷ limit for an
 * absolute one ("≤ 16 ms": met when ≤ 1).
 */
function goals(r) {
  const rows = [];
  const ms = (x) => (x === null || x === undefined ? "—" : `${x.toFixed(1)} ms`);
  const add = (measure, value, goal, ratio, met) =>
    rows.push({
      measure,
      value,
      goal,
      ratio: ratio === null || !Number.isFinite(ratio) ? null : round(ratio, 2),
      met,
    });
  const node = r.startup.node.median;
  const seed = r.startup.lectern.seed?.median ?? null;
  add("node -e console.log(1): output", ms(node), "baseline", null, null);
  for (const name of Object.keys(r.startup.less)) {
    add(
      `less ${LABEL[name]}: first screen`,
      ms(r.startup.less[name].median),
      "reference",
      null,
      null,
    );
  }
  if (seed !== null && node) {
    add("seed: first frame", ms(seed), "≤ 1.5 × node", seed / node, seed <= 1.5 * node);
  }
  for (const name of ["1mb", "10mb", "10mb-md", "cjk-1m", "esc-1m"]) {
    const v = r.startup.lectern[name]?.median;
    if (v === undefined || v === null || !seed) continue;
    if (name !== "1mb")
      add(`${LABEL[name]}: first frame`, ms(v), "≤ 2 × seed", v / seed, v <= 2 * seed);
    else add("1 MB: first frame", ms(v), "report (× seed)", v / seed, null);
  }
  const f = r.keyFloor;
  if (f) {
    add(
      "floor: key → echo (pty + harness)",
      `${f.p50.toFixed(1)}/${f.p95.toFixed(1)}/${f.max.toFixed(1)} ms`,
      "baseline",
      null,
      null,
    );
  }
  for (const name of Object.keys(r.keys)) {
    for (const key of ["down", "pageDown", "right", "c", "tab"]) {
      const k = r.keys[name][key];
      if (!k) continue;
      add(
        `${LABEL[name]}: key ${KEY_LABELS[key]} p50/p95/max`,
        `${k.p50.toFixed(1)}/${k.p95.toFixed(1)}/${k.max.toFixed(1)} ms`,
        "p95 ≤ 16 ms",
        k.p95 / 16,
        k.p95 <= 16,
      );
    }
  }
  for (const name of Object.keys(r.resize)) {
    const z = r.resize[name];
    const big = name.startsWith("10mb");
    if (z) {
      add(
        `${LABEL[name]}: resize → 80×24`,
        ms(z.median),
        big ? "≤ 250 ms" : "report",
        big ? z.median / 250 : null,
        big ? z.median <= 250 : null,
      );
    }
    const n = r.resizeNarrow[name];
    if (n) add(`${LABEL[name]}: resize → 60×24 (re-wrap)`, ms(n.median), "report", null, null);
  }
  for (const name of Object.keys(r.peakRssBytes)) {
    const b = r.peakRssBytes[name];
    if (!b) continue;
    const mb = b / 2 ** 20;
    const first = r.rssAtFirstFrameBytes[name];
    const big = name.startsWith("10mb");
    add(
      `${LABEL[name]}: peak RSS (at first frame)`,
      `${mb.toFixed(1)} MB${first ? ` (${(first / 2 ** 20).toFixed(0)})` : ""}`,
      big ? "≤ 200 MB" : "report",
      big ? mb / 200 : null,
      big ? mb <= 200 : null,
    );
  }
  const paneKeys = {
    down: "↓ next comment",
    "]": "] next thread",
    "[": "[ previous thread",
    C: "C fold all",
    E: "E unfold all",
  };
  for (const [key, label] of Object.entries(paneKeys)) {
    const k = r.discussion?.keys[key];
    if (!k) continue;
    add(
      `10 MB pane: ${label} p50/p95/max`,
      `${k.p50.toFixed(1)}/${k.p95.toFixed(1)}/${k.max.toFixed(1)} ms`,
      "p95 ≤ 16 ms",
      k.p95 / 16,
      k.p95 <= 16,
    );
  }
  const lib = r.library;
  if (lib) {
    const n = lib.count.toLocaleString("en-US");
    // Against the seed's first frame timed in the same rounds (the start-up table's is earlier).
    const ref = lib.seed.median ?? seed;
    add("seed: first frame (in the list's rounds)", ms(ref), "reference", null, null);
    const relative = (label, v, times) =>
      v === null || !ref
        ? add(label, ms(v), `≤ ${times} × seed`, null, null)
        : add(label, ms(v), `≤ ${times} × seed`, v / ref, v <= times * ref);
    relative(`list of ${n}: first screen, first open`, lib.cold.median, 3);
    relative(`list of ${n}: first screen, second open`, lib.warm.median, 1.5);
    add(`list of ${n}: every file read (cache cold)`, ms(lib.wholeListMs), "report", null, null);
    const f = lib.filterKeys;
    if (f) {
      add(
        `list of ${n}: filter key p50/p95/max`,
        `${f.p50.toFixed(1)}/${f.p95.toFixed(1)}/${f.max.toFixed(1)} ms`,
        "p95 ≤ 16 ms",
        f.p95 / 16,
        f.p95 <= 16,
      );
    }
    if (lib.peakRssBytes) {
      const mb = lib.peakRssBytes / 2 ** 20;
      add(`list of ${n}: peak RSS`, `${mb.toFixed(1)} MB`, "≤ 200 MB", mb / 200, mb <= 200);
    }
  }
  if (r.search) {
    const t = r.search.typeMs;
    add(
      "10 MB: search, key → first match p50/p95",
      `${t.p50.toFixed(1)}/${t.p95.toFixed(1)} ms`,
      "p95 ≤ 16 ms",
      t.p95 / 16,
      t.p95 <= 16,
    );
    add("10 MB: search, Enter → exact count", ms(r.search.countMs), "report", null, null);
    const d = r.search.duringCount;
    if (d) {
      add(
        `10 MB: ↓ while counting p50/p95 (${d.pressesWhileCounting} keys)`,
        `${d.p50.toFixed(1)}/${d.p95.toFixed(1)} ms`,
        "p95 ≤ 16 ms",
        d.p95 / 16,
        d.p95 <= 16,
      );
    }
  }
  for (const name of Object.keys(r.scroll)) {
    const sc = r.scroll[name];
    if (!sc) continue;
    add(
      `${LABEL[name]}: bytes per ↓ (median/max)`,
      `${sc.medianBytes}/${sc.maxBytes} B`,
      "no full clear",
      null,
      !sc.fullClear,
    );
  }
  return rows;
}

function report(r) {
  const rows = r.goals.map((g) => [
    g.measure,
    g.value,
    g.goal,
    g.ratio === null ? "" : `${g.ratio.toFixed(2)}`,
    g.met === null ? "" : g.met ? "yes" : "NO",
  ]);
  const sizes = Object.entries(r.articles)
    .map(
      ([name, a]) =>
        `${LABEL[name]} ${(a.bytes / 1e6).toFixed(2)} MB (${a.paragraphs} ¶, ${a.comments} comments, depth ${a.maxDepth})`,
    )
    .join("; ");
  const lines = [
    `Lectern bench (${r.mode}) · ${r.config.cols}×${r.config.rows} · node ${r.machine.node} · ${r.machine.cpus} × ${r.machine.cpuModel}`,
    `articles: ${sizes}`,
    `start-up: median of ${r.config.startRuns} interleaved runs; keys: ${r.config.rounds} rounds`,
    "ratio: × the reference for a relative goal, value ÷ limit for an absolute one",
    "",
    table(["measure", "value", "goal", "ratio", "met?"], rows),
  ];
  if (Object.keys(r.printMs).length > 0) {
    lines.push(
      "",
      `--print (load + layout + write, for less): ${Object.entries(r.printMs)
        .map(([n, v]) => `${LABEL[n]} ${v.toFixed(0)} ms`)
        .join(", ")}`,
    );
  }
  if (r.keysWithNoChange.length > 0) {
    lines.push("", `${r.keysWithNoChange.length} key(s) changed nothing on screen (lost keys?):`);
    for (const n of r.keysWithNoChange) lines.push(`  ${n}`);
  }
  if (r.errors.length > 0) {
    lines.push("", `${r.errors.length} measurement(s) FAILED:`);
    for (const e of r.errors) lines.push(`  ${e.split("\n")[0]}`);
  }
  return lines.join("\n");
}

main().then(
  (code) => {
    killAll();
    process.exit(code);
  },
  (error) => {
    failed("bench", error);
    killAll();
    process.exit(1);
  },
);
