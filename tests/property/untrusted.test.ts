// Untrusted text, anywhere in an article, never reaches the terminal as a control sequence and
// never makes a line wider than the screen: print mode, the composed frame and the real Ink
// reader, over arbitrary Unicode (controls, lone surrogates, emoji, CJK, combining marks) in
// every displayed field.
import fc from "fast-check";
import { createElement } from "react";
import stringWidth from "string-width";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseArticle } from "../../src/content/load.js";
import { sanitizeArticle } from "../../src/content/sanitize.js";
import { type Article, articleSchema } from "../../src/content/schema.js";
import { renderPrint } from "../../src/print.js";
import type { Command } from "../../src/state/keymap.js";
import { type Action, initialState, type ReaderState, reduce } from "../../src/state/reducer.js";
import { composeFrame } from "../../src/ui/compose.js";
import { columns } from "../helpers/terminal.js";

/** LECTERN_FUZZ_SCALE=10 runs ten times as many cases (and takes ten times as long). */
const SCALE = Math.max(1, Number(process.env.LECTERN_FUZZ_SCALE) || 1);
const runs = (n: number) => ({ numRuns: n * SCALE });
vi.setConfig({ testTimeout: 20_000 * SCALE });

// ---------------------------------------------------------------------------------------------
// What may never reach the terminal

/** C0 (all of it), DEL, C1, bidi embeddings/overrides/isolates, U+2028/9. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching SGR sequences is the point
const SGR = /\u001b\[[0-9;]*m/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching SGR sequences is the point
const HAS_SGR = /\u001b\[[0-9;]*m/;

function describeBad(text: string): string {
  const m = CONTROL.exec(text) ?? LONE_SURROGATE.exec(text);
  if (!m) return "";
  const code = (m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
  return `U+${code} at ${m.index} in ${JSON.stringify(text.slice(Math.max(0, m.index - 20), m.index + 20))}`;
}

/** No control character of any kind except "\n" between lines, and no lone surrogate. */
function expectCleanText(text: string): void {
  for (const line of text.split("\n")) expect(describeBad(line)).toBe("");
}

/** `text` with SGR sequences removed; asserts no other escape sequence (or control) remains. */
function expectOnlySgr(text: string): string {
  const plain = text.replace(SGR, "");
  expectCleanText(plain);
  return plain;
}

/**
 * A web address longer than the width is printed whole on a line of its own (behind its indent,
 * quote bars or "[N] "), the one line allowed to be wider: a cut address cannot be used.
 */
const LONE_URL = /^[ │▏•◦▪]*(\[\d+\] )?https?:\/\/\S+$/;

function expectLinesWithin(text: string, width: number): void {
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    const w = columns(line);
    if (w > width && !LONE_URL.test(line)) {
      throw new Error(`line ${i} is ${w} columns wide (max ${width}): ${JSON.stringify(line)}`);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Arbitrary Unicode

const codePoint = (min: number, max: number) =>
  fc.integer({ min, max }).map((c) => String.fromCodePoint(c));

const SPECIALS = [
  "\u001b[31m",
  "\u001b]0;title\u0007",
  "\u001b[2J",
  "\u009b31m",
  "\u202E",
  "\u2066",
  "\u2069",
  "\r\n",
  "\r",
  "\n",
  "\t",
  "\u2028",
  "\u2029",
  "\u0000",
  "\u007F",
  "\uD800",
  "\uDFFF",
  "\u200B",
  "\u200D",
  "\uFE0F",
  "\u00AD",
  "\uFEFF",
  "\u0301\u0302\u0303",
  "👨‍👩‍👧‍👦",
  "🏳️‍🌈",
  "🇺🇳",
  "🇺",
  "👍🏽",
  "❤\uFE0F",
  "1\uFE0F\u20E3",
  "漢字",
  "한국어",
  "ｶﾀｶﾅ",
  "Ｗｉｄｅ",
  "e\u0301",
  "𝕋",
  "\u115F",
  "\u3164",
  "…",
];

/** One "unit" of an untrusted string; strings are a few dozen of these joined. */
const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(" ", " ", "  ") },
  { weight: 4, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 14 }) },
  { weight: 4, arbitrary: fc.constantFrom(...SPECIALS) },
  { weight: 2, arbitrary: codePoint(0, 0x10ffff) }, // anything, lone surrogates included
  { weight: 2, arbitrary: codePoint(0, 0xa0) }, // C0, ASCII, DEL, C1
  { weight: 1, arbitrary: codePoint(0xd800, 0xdfff) }, // lone surrogates
  { weight: 2, arbitrary: codePoint(0x4e00, 0x9fff) }, // CJK, two columns
  { weight: 2, arbitrary: codePoint(0x1f300, 0x1faff) }, // emoji
  { weight: 1, arbitrary: codePoint(0x0300, 0x036f) }, // combining marks
  { weight: 1, arbitrary: codePoint(0x2000, 0x206f) }, // general punctuation & format chars
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 6 }) },
);

/** A non-empty untrusted string (the schema requires non-empty text). */
const untrusted = fc.string({ unit, minLength: 1, maxLength: 30 });

const DATES = [
  "2012-02-22",
  "2012-02-24T18:45",
  "1999-12-31T23:59:59.5+05:30",
  "2020-01-01T00:00Z",
];

type Raw = Record<string, unknown>;

const rawArticle: fc.Arbitrary<Raw> = fc
  .record({
    title: untrusted,
    author: fc.option(fc.record({ name: untrusted, bio: fc.option(untrusted) })),
    source: fc.option(
      fc.record({
        name: untrusted,
        note: fc.option(untrusted),
        // A URL must match the schema (no whitespace); the rest of it is untrusted.
        url: fc.option(untrusted.map((s) => `https://example.com/${s.replace(/\s/g, "")}`)),
      }),
    ),
    published: fc.option(fc.constantFrom(...DATES)),
    sections: fc.array(
      fc.record({
        heading: fc.option(untrusted),
        paragraphs: fc.array(untrusted, { minLength: 1, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    comments: fc.option(
      fc.array(
        fc.record({
          author: fc.option(untrusted),
          postedAt: fc.option(fc.constantFrom(...DATES)),
          parent: fc.option(fc.nat()),
          paragraphs: fc.array(untrusted, { minLength: 1, maxLength: 2 }),
        }),
        { maxLength: 5 },
      ),
    ),
  })
  .map((r) => {
    const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
    return {
      id: "untrusted",
      title: r.title,
      author: r.author ? { name: r.author.name, bio: opt(r.author.bio) } : undefined,
      source: r.source
        ? { name: r.source.name, note: opt(r.source.note), url: opt(r.source.url) }
        : undefined,
      published: opt(r.published),
      sections: r.sections.map((s) => ({ heading: opt(s.heading), paragraphs: s.paragraphs })),
      comments: r.comments?.map((c, i) => ({
        id: `c${i}`,
        parentId: i > 0 && c.parent !== null ? `c${c.parent % i}` : undefined,
        author: opt(c.author),
        postedAt: opt(c.postedAt),
        paragraphs: c.paragraphs,
      })),
    };
  });

const encoder = new TextEncoder();

/**
 * The article through both doors: the bytes of its JSON (JSON.stringify escapes lone surrogates
 * and controls, so the file is valid UTF-8 JSON) through parseArticle, and the object through
 * articleSchema + sanitizeArticle. They must agree.
 */
function load(raw: Raw): Article {
  const json = JSON.stringify(raw, null, 2);
  const loaded = parseArticle(encoder.encode(json), "untrusted.json");
  if (!loaded.ok) throw new Error(`did not load: ${loaded.errors.join("; ")}\n${json}`);
  const viaObject = sanitizeArticle(articleSchema.parse(JSON.parse(json)));
  expect(loaded.article).toEqual(viaObject);
  return loaded.article;
}

const article = rawArticle.map(load);

/** Every string of an article that is displayed. */
function displayed(a: Article): string[] {
  return [
    a.title,
    a.author?.name,
    a.author?.bio,
    a.source?.name,
    a.source?.note,
    a.source?.url,
    ...a.sections.flatMap((s) => [s.heading, ...s.paragraphs]),
    ...(a.comments ?? []).flatMap((c) => [c.author, ...c.paragraphs]),
  ].filter((s): s is string => s !== undefined);
}

// ---------------------------------------------------------------------------------------------

describe("the width oracle", () => {
  it("columns() is string-width (on text without ESC or CSI)", () => {
    fc.assert(
      fc.property(untrusted, untrusted, (a, b) => {
        for (const s of [a, ` ${a}  ${b} `, `x${a}y${b}z`]) {
          // string-width strips what looks like ANSI (ESC, 8-bit CSI); rendered text has neither.
          if (!s.includes("\u001b") && !s.includes("\u009b"))
            expect(columns(s)).toBe(stringWidth(s));
        }
      }),
      runs(500),
    );
  });
});

describe("loading untrusted text", () => {
  it("loads through parseArticle (bytes) and the object path alike, fully sanitized", () => {
    fc.assert(
      fc.property(article, (a) => {
        for (const s of displayed(a)) expectCleanText(s);
        // One-line fields hold no line break at all.
        for (const s of [
          a.title,
          a.author?.name,
          a.source?.name,
          ...a.sections.map((x) => x.heading),
        ])
          if (s !== undefined) expect(s).not.toContain("\n");
      }),
      runs(300),
    );
  });

  it("sanitizes lone surrogates on the object path (they cannot be raw UTF-8)", () => {
    const raw = {
      id: "s",
      title: "\uD800 title",
      author: { name: "\uDC00", bio: "b\uD83D" },
      sections: [{ heading: "h\uDFFF", paragraphs: ["\uDE00\uD83D"] }],
      comments: [{ id: "c", author: "\uD801", paragraphs: ["x\uDBFF"] }],
    };
    const a = sanitizeArticle(articleSchema.parse(raw));
    for (const s of displayed(a)) expect(s).not.toMatch(LONE_SURROGATE);
    expect(a.title).toBe("\uFFFD title");
    expect(a.sections[0]?.paragraphs[0]).toBe("\uFFFD\uFFFD");
    // Through the bytes they arrive as JSON escapes and come out the same.
    expect(load(raw)).toEqual(a);
  });
});

describe("error messages quote untrusted text safely", () => {
  // Unknown keys, bad parent ids and duplicate ids are quoted back in parseArticle's messages,
  // which go to the terminal (stderr) too.
  const invalid = fc
    .record({ key: untrusted, id: untrusted, parent: untrusted, pad: fc.nat(70) })
    .map(({ key, id, parent, pad }) => ({
      id: "bad",
      title: "t",
      sections: [{ paragraphs: ["p"] }],
      comments: [
        { id, paragraphs: ["x"] },
        { id, paragraphs: ["y"] },
        { id: "c", parentId: "a".repeat(pad) + parent, paragraphs: ["z"] },
      ],
      ["k".repeat(pad) + key]: 1,
    }));

  it("messages contain no control characters or lone surrogates", () => {
    fc.assert(
      fc.property(invalid, (raw) => {
        const loaded = parseArticle(encoder.encode(JSON.stringify(raw)), "bad\u001b[31m.json");
        expect(loaded.ok).toBe(false);
        // One line each: not even "\n" is allowed inside a message.
        if (!loaded.ok) for (const e of loaded.errors) expect(describeBad(e)).toBe("");
      }),
      runs(300),
    );
  });

  it("a quoted key cut at its length limit keeps surrogate pairs whole", () => {
    // 59 ASCII characters, then an emoji: the 60-unit cut falls inside the pair.
    const key = `${"k".repeat(59)}😀tail`;
    const raw = { id: "bad", title: "t", sections: [{ paragraphs: ["p"] }], [key]: 1 };
    const loaded = parseArticle(encoder.encode(JSON.stringify(raw)), "bad.json");
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) for (const e of loaded.errors) expect(e).not.toMatch(LONE_SURROGATE);
  });

  it("a schema message cut at its length limit keeps surrogate pairs whole", () => {
    // 'duplicate comment id "' is 22 units; 277 more put the emoji across the 300-unit cut.
    const id = `${"a".repeat(277)}😀`;
    const raw = {
      id: "bad",
      title: "t",
      sections: [{ paragraphs: ["p"] }],
      comments: [
        { id, paragraphs: ["x"] },
        { id, paragraphs: ["y"] },
      ],
    };
    const loaded = parseArticle(encoder.encode(JSON.stringify(raw)), "bad.json");
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.errors.join("\n")).toContain("duplicate comment id");
      for (const e of loaded.errors) expect(e).not.toMatch(LONE_SURROGATE);
    }
  });
});

describe("print mode", () => {
  it("plain: every line fits the width; no ESC, C0 (but \\n), DEL, C1 or bidi controls", () => {
    fc.assert(
      fc.property(article, fc.integer({ min: 1, max: 120 }), (a, width) => {
        const out = renderPrint(a, { width, color: false });
        expect(out).not.toContain("\u001b");
        expectCleanText(out);
        expectLinesWithin(out, width);
      }),
      runs(400),
    );
  });

  it("color: the only escape sequences are SGR; without them the same holds", () => {
    fc.assert(
      fc.property(article, fc.integer({ min: 1, max: 120 }), (a, width) => {
        const out = renderPrint(a, { width, color: true });
        const plain = expectOnlySgr(out);
        expectLinesWithin(plain, width);
        expect(plain).toBe(renderPrint(a, { width, color: false }));
      }),
      runs(250),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The interactive view

const COMMANDS: Command[] = [
  "lineDown",
  "lineUp",
  "pageDown",
  "pageUp",
  "halfDown",
  "halfUp",
  "top",
  "bottom",
  "nextSection",
  "prevSection",
  "toc",
  "togglePane",
  "switchFocus",
  "toggleThread",
  "collapseOrParent",
  "expand",
  "collapseAll",
  "expandAll",
  "help",
  "back",
];

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .constantFrom(...COMMANDS)
      .map((command) => ({ type: "command", command }) as const),
  },
  // The commands the brief singles out, weighted up.
  {
    weight: 6,
    arbitrary: fc
      .constantFrom<Command>("togglePane", "switchFocus", "pageDown", "nextSection", "toc", "help")
      .map((command) => ({ type: "command", command }) as const),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ cols: fc.integer({ min: 1, max: 200 }), rows: fc.integer({ min: 1, max: 60 }) })
      .map(({ cols, rows }) => ({ type: "resize", cols, rows }) as const),
  },
  { weight: 1, arbitrary: fc.nat(4).map((section) => ({ type: "jumpSection", section }) as const) },
  { weight: 1, arbitrary: fc.constant({ type: "jumpDiscussion" } as const) },
);

function expectFrame(a: Article, state: ReaderState): void {
  const rows = composeFrame(a, state);
  // Ink draws one row fewer than the terminal has; a 1-row terminal still gets its one row
  // (geometry floors frameRows at 1).
  expect(rows.length).toBeLessThanOrEqual(Math.max(1, state.rows - 1));
  rows.forEach((row, r) => {
    for (const segment of row) {
      const bad = describeBad(segment.text);
      if (bad !== "") throw new Error(`row ${r}: control character ${bad}`);
    }
    // Never wider than the terminal, measured as a whole (as Ink measures the row) and segment
    // by segment (a character that extends a grapheme, such as a skin-tone modifier after a
    // margin space, counts less in the joined row than in a terminal that does not cluster).
    const text = row.map((s) => s.text).join("");
    const joined = columns(text);
    const summed = row.reduce((sum, s) => sum + columns(s.text), 0);
    // compose.ts promises rows exactly as wide as the terminal.
    if (joined > state.cols || summed !== state.cols) {
      throw new Error(
        `row ${r} is ${joined} (joined) / ${summed} (per segment) columns wide at ` +
          `${state.cols}×${state.rows}: ${JSON.stringify(text)}`,
      );
    }
  });
}

describe("interactive view (composeFrame)", () => {
  it("every row is as wide as the terminal, rows ≤ rows − 1, no controls, after random commands", () => {
    fc.assert(
      fc.property(
        article,
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 60 }),
        fc.array(action, { maxLength: 8 }),
        (a, cols, rows, actions) => {
          let state = initialState(cols, rows);
          expectFrame(a, state);
          for (const act of actions) {
            state = reduce(a, state, act);
            expectFrame(a, state);
          }
        },
      ),
      runs(200),
    );
  });

  it("the same with the pane open and focused on a wide terminal (side pane)", () => {
    fc.assert(
      fc.property(
        article,
        fc.integer({ min: 120, max: 200 }),
        fc.integer({ min: 6, max: 60 }),
        fc.array(action, { maxLength: 6 }),
        (a, cols, rows, actions) => {
          let state = reduce(a, initialState(cols, rows), {
            type: "command",
            command: "switchFocus",
          });
          state = reduce(a, state, { type: "command", command: "togglePane" });
          state = reduce(a, state, { type: "command", command: "togglePane" });
          expectFrame(a, state);
          for (const act of actions) {
            state = reduce(a, state, act);
            expectFrame(a, state);
          }
        },
      ),
      runs(100),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The real Ink component

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/**
 * Keys as a terminal sends them: open the pane, focus it, page, fold, back to the article, next
 * section, help, contents, close, page, end; with text the frame must show afterwards.
 */
const KEYS: [key: string, shows?: string][] = [
  ["c"],
  ["\t"],
  ["f"],
  ["j"],
  ["\r"],
  ["\t"],
  ["l"],
  ["?", "Esc close"],
  ["\u001b"],
  ["t", "↓↑ choose · Enter jump"],
  ["\u001b"],
  [" "],
  ["G"],
];

function expectInkFrame(frame: string | undefined, where: string): void {
  expect(frame, where).toBeDefined();
  const plain = expectOnlySgr(frame ?? "");
  const lines = plain.split("\n");
  // The reader falls back to 24 rows and draws one fewer.
  expect(lines.length, where).toBeLessThanOrEqual(23);
  lines.forEach((line, i) => {
    const w = columns(line);
    if (w > 100)
      throw new Error(`${where}: line ${i} is ${w} columns wide: ${JSON.stringify(line)}`);
  });
}

describe("the Reader in Ink (ink-testing-library: 100 columns, 24 rows)", () => {
  let render: typeof import("ink-testing-library").render;
  let Reader: typeof import("../../src/ui/Reader.js").Reader;

  beforeAll(async () => {
    // Colour on, so the frames carry SGR sequences and the check below has something to check
    // (chalk decides when it is first imported; the environment is restored right after).
    const before = process.env.FORCE_COLOR;
    process.env.FORCE_COLOR = "1";
    try {
      ({ render } = await import("ink-testing-library"));
      ({ Reader } = await import("../../src/ui/Reader.js"));
    } finally {
      if (before === undefined) delete process.env.FORCE_COLOR;
      else process.env.FORCE_COLOR = before;
    }
  });

  it("draws no escape sequence but SGR and no line wider than 100", async () => {
    const samples = fc.sample(article, { numRuns: 12 * SCALE, seed: 20240611 });
    for (const [n, a] of samples.entries()) {
      const app = render(createElement(Reader, { article: a, onExit: () => {} }));
      try {
        expectInkFrame(app.lastFrame(), `sample ${n} first frame`);
        for (const [key, shows] of KEYS) {
          app.stdin.write(key);
          await tick();
          const where = `sample ${n} after ${JSON.stringify(key)}`;
          // Proves the key reached the reader (the contents list is loaded lazily: wait for it).
          if (shows !== undefined) {
            const deadline = Date.now() + 3000;
            while (!app.lastFrame()?.replace(SGR, "").includes(shows) && Date.now() < deadline) {
              await tick();
            }
            expect(app.lastFrame()?.replace(SGR, ""), where).toContain(shows);
          }
          expectInkFrame(app.lastFrame(), where);
        }
        // Still the reader's own frame at the end (an error would show Ink's error report).
        expect(app.lastFrame()?.replace(SGR, ""), `sample ${n}`).toContain("? help");
        for (const frame of app.frames) expectOnlySgr(frame);
        expect(
          app.frames.some((frame) => HAS_SGR.test(frame)),
          "frames are coloured",
        ).toBe(true);
      } finally {
        app.unmount();
        app.cleanup();
      }
    }
  });
});
