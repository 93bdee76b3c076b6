// The Big List of Naughty Strings (../shared/corpora/blns.json, beside the project root) in every
// displayed role: each string loads, prints within the width, composes frames within the width
// and renders in the real Ink reader. The list is read from where it lives, never copied here.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { parseArticle } from "../src/content/load.js";
import { sanitizeLine, sanitizeText } from "../src/content/sanitize.js";
import type { Article } from "../src/content/schema.js";
import { renderPrint } from "../src/print.js";
import type { Command } from "../src/state/keymap.js";
import { initialState, type ReaderState, reduce } from "../src/state/reducer.js";
import { composeFrame } from "../src/ui/compose.js";
import { columns } from "./helpers/terminal.js";

const BLNS_PATH = path.join(import.meta.dirname, "..", "..", "shared", "corpora", "blns.json");
const present = existsSync(BLNS_PATH);
const strings: string[] = present ? JSON.parse(readFileSync(BLNS_PATH, "utf8")) : [];

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching SGR sequences is the point
const SGR = /\u001b\[[0-9;]*m/g;

const encoder = new TextEncoder();

/** One article with `s` in every displayed role. */
function rawArticle(s: string): Record<string, unknown> {
  return {
    id: "blns",
    title: s,
    author: { name: s, bio: s },
    source: { name: s, url: "https://example.com/", note: s },
    published: "2015-08-01",
    sections: [
      { heading: s, paragraphs: [s, "After it."] },
      { heading: "Second", paragraphs: ["Before it.", s] },
    ],
    comments: [
      { id: "c0", author: s, paragraphs: [s] },
      { id: "c1", parentId: "c0", author: s, paragraphs: ["Reply.", s] },
      { id: "c2", paragraphs: [s] },
    ],
  };
}

function load(raw: unknown): Article {
  // Some strings are valid JSON string contents only once escaped: always JSON.stringify.
  const loaded = parseArticle(encoder.encode(JSON.stringify(raw)), "blns.json");
  if (!loaded.ok) throw new Error(`did not load: ${loaded.errors.join("; ")}`);
  return loaded.article;
}

/** Problems with text meant for the terminal: controls other than "\n", overwide lines. */
function textProblems(text: string, width: number): string[] {
  const problems: string[] = [];
  text.split("\n").forEach((line, i) => {
    const bad = CONTROL.exec(line) ?? LONE_SURROGATE.exec(line);
    if (bad) {
      const code = (bad[0].codePointAt(0) ?? 0).toString(16).padStart(4, "0");
      problems.push(`line ${i}: U+${code} in ${JSON.stringify(line)}`);
    }
    const w = columns(line);
    if (w > width) problems.push(`line ${i}: ${w} > ${width} columns: ${JSON.stringify(line)}`);
  });
  return problems;
}

function frameProblems(article: Article, state: ReaderState): string[] {
  const rows = composeFrame(article, state);
  const problems: string[] = [];
  if (rows.length > Math.max(1, state.rows - 1)) problems.push(`${rows.length} rows`);
  rows.forEach((row, r) => {
    for (const segment of row) {
      if (CONTROL.test(segment.text) || LONE_SURROGATE.test(segment.text)) {
        problems.push(`row ${r}: control character in ${JSON.stringify(segment.text)}`);
      }
    }
    // Never wider than the terminal, joined (as Ink measures) or per segment (as laid out);
    // compose.ts promises exactly as wide.
    const joined = columns(row.map((s) => s.text).join(""));
    const summed = row.reduce((sum, s) => sum + columns(s.text), 0);
    if (joined > state.cols) problems.push(`row ${r}: ${joined} > ${state.cols} columns`);
    if (summed !== state.cols) problems.push(`row ${r}: ${summed} columns, not ${state.cols}`);
  });
  return problems;
}

/** Index and a short preview of a string, for failure lists. */
const label = (i: number) => `#${i} ${JSON.stringify(strings[i]).slice(0, 50)}`;

/** Run `check` on every string; the test fails listing every string that had a problem. */
function everyString(check: (s: string, i: number) => string[]): void {
  const failures: string[] = [];
  strings.forEach((s, i) => {
    if (s === "") return; // the schema rejects empty text: tested on its own below
    try {
      for (const p of check(s, i)) failures.push(`${label(i)}: ${p}`);
    } catch (error) {
      failures.push(`${label(i)}: threw ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  expect(failures).toEqual([]);
}

// Said out loud, since a reporter lists a skipped file without its reason.
if (!present) console.warn("SKIPPED BLNS tests: ../shared/corpora/blns.json is not present here");

describe.skipIf(!present)("BLNS (skipped: ../shared/corpora/blns.json not present)", () => {
  let articles: (Article | undefined)[] = [];

  beforeAll(() => {
    articles = strings.map((s) => {
      try {
        return s === "" ? undefined : load(rawArticle(s));
      } catch {
        return undefined;
      }
    });
  });

  const articleOf = (i: number): Article => {
    const a = articles[i];
    if (!a) throw new Error("did not load");
    return a;
  };

  it("has the 515 strings of the list", () => {
    expect(strings).toHaveLength(515);
    expect(strings.every((s) => typeof s === "string")).toBe(true);
  });

  it("rejects the empty string with a message (text must be non-empty)", () => {
    const empty = strings.indexOf("");
    expect(empty).toBeGreaterThanOrEqual(0);
    const loaded = parseArticle(encoder.encode(JSON.stringify(rawArticle(""))), "blns.json");
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors[0]).toMatch(/title: must be a non-empty string/);
  });

  it("loads every other string in every role, sanitized exactly as the gate says", () => {
    everyString((s, i) => {
      const a = load(rawArticle(s));
      articles[i] = a;
      const line = sanitizeLine(s);
      const text = sanitizeText(s);
      const problems: string[] = [];
      const expectEqual = (role: string, got: unknown, want: string) => {
        if (got !== want)
          problems.push(`${role}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
      };
      expectEqual("title", a.title, line);
      expectEqual("author", a.author?.name, line);
      expectEqual("bio", a.author?.bio, text);
      expectEqual("source", a.source?.name, line);
      expectEqual("note", a.source?.note, text);
      expectEqual("heading", a.sections[0]?.heading, line);
      expectEqual("paragraph", a.sections[0]?.paragraphs[0], text);
      expectEqual("paragraph 2", a.sections[1]?.paragraphs[1], text);
      expectEqual("comment author", a.comments?.[0]?.author, line);
      expectEqual("comment", a.comments?.[0]?.paragraphs[0], text);
      expectEqual("reply", a.comments?.[1]?.paragraphs[1], text);
      return problems;
    });
  });

  for (const width of [40, 80]) {
    it(`prints every string within ${width} columns, plain and coloured`, () => {
      everyString((_, i) => {
        const a = articleOf(i);
        const plain = renderPrint(a, { width, color: false });
        const color = renderPrint(a, { width, color: true });
        const stripped = color.replace(SGR, "");
        const problems = [...textProblems(plain, width), ...textProblems(stripped, width)];
        if (stripped !== plain) problems.push("colour changes more than SGR sequences");
        return problems;
      });
    }, 15_000);
  }

  // Pane focused, paged and at its end; back to the article, next section; the help overlay.
  const STEPS: Command[] = [
    "switchFocus",
    "pageDown",
    "bottom",
    "switchFocus",
    "nextSection",
    "help",
  ];

  // The two sizes asked for (pane below), and a wide one (pane beside, fewer steps: it is slow).
  for (const [cols, rows, steps] of [
    [80, 24, STEPS],
    [30, 10, STEPS],
    [130, 30, ["switchFocus"]],
  ] as const) {
    it(`composes frames within ${cols}×${rows} with the comments pane open`, () => {
      everyString((_, i) => {
        const a = articleOf(i);
        let state = reduce(a, initialState(cols, rows), { type: "command", command: "togglePane" });
        if (!state.paneOpen) return ["the pane did not open"];
        const problems = frameProblems(a, state);
        for (const command of steps) {
          state = reduce(a, state, { type: "command", command });
          problems.push(...frameProblems(a, state).map((p) => `after ${command}: ${p}`));
        }
        return problems;
      });
    }, 30_000);
  }
});

describe.skipIf(!present)(
  "BLNS in the Ink reader (skipped: ../shared/corpora/blns.json not present)",
  () => {
    let render: typeof import("ink-testing-library").render;
    let Reader: typeof import("../src/ui/Reader.js").Reader;

    beforeAll(async () => {
      // Colour on (chalk decides when first imported), so the frames carry real SGR sequences.
      const before = process.env.FORCE_COLOR;
      process.env.FORCE_COLOR = "1";
      try {
        ({ render } = await import("ink-testing-library"));
        ({ Reader } = await import("../src/ui/Reader.js"));
      } finally {
        if (before === undefined) delete process.env.FORCE_COLOR;
        else process.env.FORCE_COLOR = before;
      }
    });

    /** Several strings per article: all in the title (first screen), each in its own roles. */
    function batchArticle(batch: string[]): Article {
      return load({
        id: "blns-batch",
        title: batch.join(" · "),
        author: { name: batch[0], bio: batch.join("\n") },
        source: { name: batch[batch.length - 1], note: batch.join(" ") },
        sections: batch.map((s) => ({ heading: s, paragraphs: [s] })),
        comments: batch.map((s, k) => ({
          id: `c${k}`,
          ...(k > 0 && { parentId: `c${k - 1}` }),
          author: s,
          paragraphs: [s],
        })),
      });
    }

    const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
    // Open the pane, focus it, page through the comments, then the end of the article.
    const KEYS = ["c", "\t", "f", "\t", "G"];

    it("renders every string without an exception, only SGR escapes, no line over 100", async () => {
      const usable = strings.filter((s) => s !== "");
      const failures: string[] = [];
      const BATCH = 10;
      for (let start = 0; start < usable.length; start += BATCH) {
        const batch = usable.slice(start, start + BATCH);
        const where = `strings ${start}–${start + batch.length - 1} of the non-empty ones`;
        let app: ReturnType<typeof render> | undefined;
        try {
          app = render(createElement(Reader, { article: batchArticle(batch), onExit: () => {} }));
          const frames = [app.lastFrame() ?? ""];
          for (const key of KEYS) {
            app.stdin.write(key);
            await tick();
            frames.push(app.lastFrame() ?? "");
          }
          // The last frame is the reader's own (an error would have replaced it with Ink's report).
          if (!frames[frames.length - 1]?.includes("? help")) {
            failures.push(
              `${where}: the last frame is not the reader's: ${frames[frames.length - 1]}`,
            );
          }
          frames.forEach((frame, f) => {
            const problems = textProblems(frame.replace(SGR, ""), 100);
            // The reader falls back to 24 rows and draws one fewer.
            if (frame.split("\n").length > 23) problems.push(`${frame.split("\n").length} lines`);
            for (const p of problems) failures.push(`${where}, frame ${f}: ${p}`);
          });
        } catch (error) {
          failures.push(
            `${where}: threw ${error instanceof Error ? error.message : String(error)}`,
          );
        } finally {
          app?.unmount();
          app?.cleanup();
        }
      }
      expect(failures).toEqual([]);
    }, 30_000);
  },
);
