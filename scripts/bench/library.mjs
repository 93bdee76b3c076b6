// The list of articles, measured in a pseudo-terminal on a folder of many small articles: the
// first list screen with nothing cached (the first open), the first screen and the whole list
// with the facts cache filled (the second open; also without the first screen remembered, as
// after reading an article), each key of a filter typed a character at a time, and the peak
// memory of a session that read every file and filtered.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateArticle } from "./generate.mjs";
import { summary } from "./stats.mjs";

/** `count` small articles (a few paragraphs and comments each) in `dir`; returns their titles. */
export function writeLibrary(dir, count) {
  mkdirSync(dir, { recursive: true });
  const titles = [];
  for (let i = 0; i < count; i++) {
    const article = generateArticle({
      id: `lib-${i}`,
      title: "x",
      paragraphs: 4 + (i % 7),
      comments: i % 9,
      seed: 1000 + i,
    });
    const words = article.sections[0].paragraphs[0].replace(/[^\p{L}\p{N} ]/gu, "").split(" ");
    article.title = `${words.slice(0, 3 + (i % 6)).join(" ")} ${i}`;
    titles.push(article.title);
    writeFileSync(join(dir, `article-${String(i).padStart(5, "0")}.json`), JSON.stringify(article));
  }
  return titles;
}

const listed = (s, count) => () => {
  const rows = s.rows();
  return (
    rows[0]?.includes(`Lectern — ${count.toLocaleString("en-US")} articles`) &&
    rows.some((r) => r.startsWith("❯ "))
  );
};
const allRead = (s) => () => {
  const top = s.rows()[0] ?? "";
  return top.includes("Lectern —") && !top.includes("reading");
};

async function firstScreen(Session, options, count, name) {
  const s = new Session(process.execPath, options.args, { ...options, name });
  try {
    const at = await s.waitFor(listed(s, count), 60_000, "the first list screen");
    await s.close("q");
    return at - s.t0;
  } finally {
    s.dispose();
  }
}

/**
 * Returns { cold: ms[], warm: ms[], warmUnremembered: ms[], seed: ms[], wholeListMs, filterKeys:
 * summary, peakRssBytes }
 * for a folder of `count` articles: `runs` first opens of each kind, interleaved with `reference`
 * (the seed's first frame) so that the ratios share the machine's noise.
 */
export async function librarySession({
  Session,
  cli,
  dir,
  count,
  env,
  cols,
  rows,
  cwd,
  runs,
  work,
  reference,
}) {
  const base = { args: [cli, dir], cols, rows, cwd };
  const cold = [];
  const warm = [];
  const warmUnremembered = [];
  const seed = [];
  const cache = mkdtempSync(join(work, "library-cache-"));
  // The session that fills the cache: every file read, then the filter typed; memory at the end.
  const s = new Session(process.execPath, [cli, dir], {
    cols,
    rows,
    cwd,
    env: { ...env, XDG_CACHE_HOME: cache },
    name: "library (filling the cache)",
  });
  let wholeListMs = null;
  const keys = [];
  let peakRssBytes = null;
  try {
    await s.waitFor(listed(s, count), 60_000, "the first list screen");
    const at = await s.waitFor(allRead(s), 300_000, "every file read");
    wholeListMs = at - s.t0;
    await s.settle(200, 3000);
    for (const query of ["the peop", "wrld 12", "time", "q"]) {
      await s.press("/", { what: "/" });
      for (const ch of query) keys.push((await s.press(ch, { what: `filter ${ch}` })).ms);
      await s.send("\x1b", 50);
    }
    peakRssBytes = s.peakRss();
    await s.close("q", 10_000); // q writes the cache
  } finally {
    s.dispose();
  }
  // The same cache without the first screen remembered (library/first-screen.ts): the facts of
  // every file are read before the first frame.
  const unremembered = mkdtempSync(join(work, "library-cache-"));
  cpSync(cache, unremembered, { recursive: true });
  const firstScreenFile = join(unremembered, "lectern-nodejs", "library-first.json");
  for (let run = 0; run < runs; run++) {
    if (reference) seed.push(await reference());
    const fresh = mkdtempSync(join(work, "library-cold-"));
    cold.push(
      await firstScreen(
        Session,
        { ...base, env: { ...env, XDG_CACHE_HOME: fresh } },
        count,
        "library, first open",
      ),
    );
    warm.push(
      await firstScreen(
        Session,
        { ...base, env: { ...env, XDG_CACHE_HOME: cache } },
        count,
        "library, second open",
      ),
    );
    rmSync(firstScreenFile, { force: true });
    warmUnremembered.push(
      await firstScreen(
        Session,
        { ...base, env: { ...env, XDG_CACHE_HOME: unremembered } },
        count,
        "library, second open without the first screen",
      ),
    );
  }
  return {
    cold,
    warm,
    warmUnremembered,
    seed,
    wholeListMs,
    filterKeys: keys.length > 0 ? summary(keys) : null,
    peakRssBytes,
  };
}
