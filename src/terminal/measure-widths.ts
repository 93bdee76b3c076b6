// Asking the terminal how wide it draws the clusters terminals disagree about: emoji modifier and
// ZWJ sequences, variation selector 16, regional-indicator flags and East Asian ambiguous
// characters (curly quotes, ±, ①…; only when the locale is Chinese, Japanese or Korean, since
// terminals draw them wide only then, or with LECTERN_MEASURE=all). Done once per run, only when
// the article holds such clusters, after the first frame is on screen: each is written,
// concealed, on the terminal's last row (which Lectern leaves blank) followed by a cursor
// position request and an erase; the column in each reply is its width. A terminal that does not answer in time leaves
// string-width's widths in place, except that emoji sequences are then given the conservative
// width of their parts (what a terminal that does not join them draws). Keys typed meanwhile are
// handed back to the reader.
import type { Article } from "../content/schema.js";
import { clusterWidth, graphemes } from "../layout/measure.js";

/** Characters that mark a cluster as disputed. */
const DISPUTED =
  /[\u200d\ufe0f\u00a1\u00a4\u00a7\u00a8\u00aa\u00ae\u00b0-\u00b4\u00b6-\u00ba\u00bc-\u00bf\u00c6\u00d0\u00d7\u00d8\u00de-\u00e1\u00e6\u00e8-\u00ea\u00ec\u00ed\u00f0\u00f2\u00f3\u00f7-\u00fa\u00fc\u00fe\u2010\u2013-\u2016\u2018\u2019\u201c\u201d\u2020-\u2022\u2024-\u2027\u2030\u2032\u2033\u2035\u203b\u203e\u2460-\u24e9\u2605\u2606\u2609\u260e\u260f\u261c\u261e\u2640\u2642\u2660-\u266f]|\ud83c[\udffb-\udfff\udde6-\uddff]/g;

/** At most this many distinct clusters are measured (the rest keep string-width's widths). */
const MAX_CLUSTERS = 128;
/** Text read looking for them, at most (a 10 MB article is sampled, not read whole). */
const MAX_SCAN = 2_000_000;

/** The article's displayed strings in reading order, one at a time (a scan may stop early). */
function* textsOf(article: Article): Generator<string> {
  yield article.title;
  yield article.author?.name ?? "";
  yield article.author?.bio ?? "";
  yield article.source?.note ?? "";
  for (const section of article.sections) {
    yield section.heading ?? "";
    yield* section.paragraphs;
  }
  for (const comment of article.comments ?? []) {
    yield comment.author ?? "";
    yield* comment.paragraphs;
  }
}

/** Emoji sequences, VS16 and flags: drawn differently by terminals whatever their settings. */
const EMOJI = /[\u200d\ufe0f]|\ud83c[\udffb-\udfff\udde6-\uddff]/;
/** The same, to scan with when ambiguous characters are not in dispute (curly quotes are common). */
const EMOJI_ONLY = new RegExp(EMOJI.source, "g");

/**
 * Whether East Asian ambiguous characters may be drawn wide: terminals do that only when set up
 * for Chinese, Japanese or Korean (the locale says so), or when LECTERN_MEASURE=all asks.
 */
function ambiguousMayBeWide(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.LECTERN_MEASURE === "all") return true;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || "";
  return /^(zh|ja|ko)/i.test(locale);
}

/** The distinct disputed clusters of an article, in order of appearance. */
export function disputedClusters(article: Article): string[] {
  const ambiguous = ambiguousMayBeWide();
  const found = new Set<string>();
  const disputed = ambiguous ? DISPUTED : EMOJI_ONLY;
  let scanned = 0;
  for (const text of textsOf(article)) {
    if (scanned > MAX_SCAN || found.size >= MAX_CLUSTERS) break;
    scanned += text.length;
    disputed.lastIndex = 0;
    if (!disputed.test(text)) continue;
    disputed.lastIndex = 0;
    for (let m = disputed.exec(text); m && found.size < MAX_CLUSTERS; m = disputed.exec(text)) {
      // The whole cluster around the match: from the last safe start before it.
      const from = Math.max(0, m.index - 24);
      let at = from;
      for (const g of graphemes(text.slice(from, m.index + 24))) {
        if (at <= m.index && m.index < at + g.length) {
          if ((at > from || from === 0) && (ambiguous || EMOJI.test(g))) found.add(g);
          break;
        }
        at += g.length;
      }
    }
  }
  return [...found];
}

/** What a terminal that does not join an emoji sequence draws: the sum of its parts. */
export function conservativeWidth(cluster: string): number {
  if (!EMOJI.test(cluster)) return clusterWidth(cluster);
  let w = 0;
  for (const ch of cluster) {
    const cp = ch.codePointAt(0) as number;
    if (cp === 0x200d || cp === 0xfe0f || cp === 0xfe0e) continue;
    w += cp >= 0x1f000 ? 2 : clusterWidth(ch);
  }
  return Math.max(w, clusterWidth(cluster));
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: a terminal's reply is the point
const REPLY = /\x1b\[(\d+);(\d+)R/g;

type Streams = { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream };

/**
 * The widths the terminal draws `clusters` with, or undefined when it did not answer within
 * `timeoutMs`. Probes are written on the last row, which is erased afterwards.
 */
export function measureWidths(
  clusters: readonly string[],
  { stdin, stdout }: Streams,
  timeoutMs = 500,
): Promise<Map<string, number> | undefined> {
  if (clusters.length === 0 || !stdin.isTTY || !stdout.isTTY) return Promise.resolve(undefined);
  const row = Math.max(1, stdout.rows || 24);
  return new Promise((resolve) => {
    let buffer = "";
    const finish = (result: Map<string, number> | undefined) => {
      clearTimeout(timer);
      stdin.off("data", onData);
      stdin.pause();
      stdout.write(`\x1b[${row};1H\x1b[2K\x1b[H`);
      // Keys typed while measuring go back to whoever reads next (the reader).
      const kept = buffer.replace(REPLY, "");
      if (kept !== "") stdin.unshift(Buffer.from(kept, "utf8"));
      resolve(result);
    };
    const onData = (chunk: Buffer | string) => {
      buffer += chunk.toString();
      const replies = [...buffer.matchAll(REPLY)];
      if (replies.length < clusters.length) return;
      const widths = new Map<string, number>();
      clusters.forEach((cluster, i) => {
        const column = Number((replies[i] as RegExpMatchArray)[2]);
        widths.set(cluster, Math.max(0, Math.min(8, column - 1)));
      });
      finish(widths);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    stdin.on("data", onData);
    stdin.resume();
    let probes = "";
    // Each probe is written concealed and erased in the same breath: the terminal answers for
    // where the cursor was when it read the request, and nothing is left to see.
    for (const cluster of clusters) {
      probes += `\x1b[${row};1H\x1b[8m${cluster}\x1b[28m\x1b[6n\x1b[2K`;
    }
    stdout.write(probes);
  });
}
