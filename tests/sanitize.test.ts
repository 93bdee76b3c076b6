// The one gate for untrusted text: every rule of sanitizeText / sanitizeLine / sanitizeArticle,
// with the exact replacement characters, and what must pass through untouched.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sanitizeArticle, sanitizeLine, sanitizeText } from "../src/content/sanitize.js";
import { type Article, articleSchema } from "../src/content/schema.js";

const FFFD = "\uFFFD";

/** Every code unit a sanitized string must never contain (line breaks allowed where asked). */
const FORBIDDEN_IN_TEXT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const FORBIDDEN_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const hex = (s: string) => [...s].map((c) => (c.codePointAt(0) ?? 0).toString(16).padStart(4, "0"));

describe("sanitizeText: C0 controls become Control Pictures", () => {
  it("maps every C0 control except tab, LF and CR to U+2400 + code", () => {
    for (let code = 0; code < 0x20; code++) {
      if (code === 0x09 || code === 0x0a || code === 0x0d) continue;
      const input = `a${String.fromCharCode(code)}b`;
      expect(sanitizeText(input), `U+${code.toString(16)}`).toBe(
        `a${String.fromCharCode(0x2400 + code)}b`,
      );
      expect(sanitizeLine(input), `U+${code.toString(16)}`).toBe(
        `a${String.fromCharCode(0x2400 + code)}b`,
      );
    }
  });

  it("shows the well-known ones as their pictures", () => {
    expect(sanitizeText("\u0000")).toBe("\u2400"); // ␀
    expect(sanitizeText("\u0007")).toBe("\u2407"); // ␇
    expect(sanitizeText("\u0008")).toBe("\u2408"); // ␈
    expect(sanitizeText("\u000B\u000C")).toBe("\u240B\u240C"); // ␋␌
    expect(sanitizeText("\u001B")).toBe("\u241B"); // ␛
    expect(sanitizeText("\u001F")).toBe("\u241F"); // ␟
  });

  it("defuses ANSI escape sequences: ESC[31m becomes ␛[31m", () => {
    expect(sanitizeText("\u001b[31mred\u001b[0m")).toBe("␛[31mred␛[0m");
    expect(sanitizeLine("\u001b[31mred\u001b[0m")).toBe("␛[31mred␛[0m");
    expect(sanitizeText("\u001b]0;pwned\u0007")).toBe("␛]0;pwned␇"); // OSC title set
    expect(sanitizeText("\u001b]8;;http://x\u001b\\link")).toBe("␛]8;;http://x␛\\link");
    expect(sanitizeText("\u001bP+q\u001b\\")).toBe("␛P+q␛\\"); // DCS
    expect(sanitizeText("\u001b[2J\u001b[H")).toBe("␛[2J␛[H");
  });

  it("turns DEL into ␡", () => {
    expect(sanitizeText("a\u007Fb")).toBe("a\u2421b");
    expect(sanitizeLine("\u007F")).toBe("\u2421");
  });
});

describe("sanitizeText: C1 controls, bidi controls and lone surrogates become U+FFFD", () => {
  it("replaces every C1 control U+0080–U+009F", () => {
    for (let code = 0x80; code <= 0x9f; code++) {
      const input = `x${String.fromCharCode(code)}y`;
      expect(sanitizeText(input), `U+${code.toString(16)}`).toBe(`x${FFFD}y`);
      expect(sanitizeLine(input), `U+${code.toString(16)}`).toBe(`x${FFFD}y`);
    }
  });

  it("replaces the 8-bit CSI \\u009b (an escape introducer on some terminals)", () => {
    expect(sanitizeText("\u009b31mred")).toBe(`${FFFD}31mred`);
    expect(sanitizeText("\u0085")).toBe(FFFD); // NEL is a C1 control, not a line break here
  });

  it("replaces the bidi embeddings, overrides and isolates", () => {
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      const input = `a${String.fromCharCode(code)}b`;
      expect(sanitizeText(input), `U+${code.toString(16)}`).toBe(`a${FFFD}b`);
      expect(sanitizeLine(input), `U+${code.toString(16)}`).toBe(`a${FFFD}b`);
    }
  });

  it("replaces RLO (the 'Trojan Source' override)", () => {
    expect(sanitizeText("user\u202Egnp.exe")).toBe(`user${FFFD}gnp.exe`);
    expect(sanitizeLine("\u202E")).toBe(FFFD);
  });

  it("leaves the neighbouring format characters alone", () => {
    // U+2029 is a paragraph separator (a line break) and U+206A is a deprecated format char,
    // neither a bidi override: only the listed ranges are touched.
    expect(sanitizeText("a\u2065b\u206Ac")).toBe("a\u2065b\u206Ac");
    expect(sanitizeText("a\u2029b")).toBe("a\nb");
  });

  it("replaces lone surrogates, keeps proper pairs", () => {
    expect(sanitizeText("\uD800")).toBe(FFFD);
    expect(sanitizeText("\uDFFF")).toBe(FFFD);
    expect(sanitizeText("a\uD83Db")).toBe(`a${FFFD}b`);
    expect(sanitizeText("a\uDE00b")).toBe(`a${FFFD}b`);
    // A low surrogate before a high one is two lone halves, not a pair.
    expect(sanitizeText("\uDE00\uD83D")).toBe(`${FFFD}${FFFD}`);
    // A high surrogate at the very end, after a complete pair.
    expect(sanitizeText("\uD83D\uDE00\uD83D")).toBe(`\uD83D\uDE00${FFFD}`);
    expect(sanitizeText("\uD83D\uDE00")).toBe("😀");
    expect(sanitizeLine("\uD800x")).toBe(`${FFFD}x`);
  });
});

describe("sanitizeText: whitespace", () => {
  it("turns a tab into one space", () => {
    expect(sanitizeText("a\tb")).toBe("a b");
    expect(sanitizeText("\t\t")).toBe("  ");
    expect(sanitizeLine("a\tb")).toBe("a b");
  });

  it("keeps line breaks in a paragraph as \\n: LF, CRLF, lone CR, U+2028, U+2029", () => {
    expect(sanitizeText("a\nb")).toBe("a\nb");
    expect(sanitizeText("a\r\nb")).toBe("a\nb");
    expect(sanitizeText("a\rb")).toBe("a\nb");
    expect(sanitizeText("a\u2028b")).toBe("a\nb");
    expect(sanitizeText("a\u2029b")).toBe("a\nb");
    expect(sanitizeText("a\r\n\r\nb")).toBe("a\n\nb"); // a blank line survives
    expect(sanitizeText("a\n\rb")).toBe("a\n\nb"); // LF then a lone CR: two breaks
    expect(sanitizeText("a\r\r\nb")).toBe("a\n\nb");
  });

  it("makes line breaks a space in a one-line field (title, name, heading)", () => {
    expect(sanitizeLine("a\r\nb")).toBe("a b");
    expect(sanitizeLine("a\nb")).toBe("a b");
    expect(sanitizeLine("a\rb")).toBe("a b");
    expect(sanitizeLine("a\u2028b")).toBe("a b");
    expect(sanitizeLine("a\u2029b")).toBe("a b");
    expect(sanitizeLine("a\r\n\r\nb")).not.toMatch(/\n/);
  });
});

describe("sanitizeText: what must pass through untouched", () => {
  const untouched = [
    "plain ASCII text, with punctuation!",
    "👨‍👩‍👧‍👦 family (ZWJ sequence)",
    "🏳️‍🌈 🏴‍☠️ 👩🏽‍💻 🧑‍🤝‍🧑",
    "🇺🇳🇯🇵 flags",
    "e\u0301 a\u0300 n\u0303 Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334 (combining marks)",
    "❤\uFE0F ❤\uFE0E 1\uFE0F\u20E3 (variation selectors, keycap)",
    "漢字 かな 한국어 中文 (CJK)",
    "ﷺ عربي עברית (RTL letters, no controls)",
    "zero\u200Bwidth\u200Cnon\u200Djoiner\u2060joiner",
    "\u00AD soft hyphen, \u00A0 no-break space, \uFEFF BOM",
    "\u200E LRM and \u200F RLM marks", // marks, not embeddings/overrides/isolates
    "ᚠᛇᚻ ⠃⠗⠁⠊⠇⠇⠑ 𝕋𝕖𝕤𝕥 𓀀",
    "Control Pictures already: ␀ ␛ ␡",
    "\uFFFD already a replacement character",
  ];
  for (const s of untouched) {
    it(`keeps ${JSON.stringify(s).slice(0, 40)}`, () => {
      expect(hex(sanitizeText(s))).toEqual(hex(s));
      expect(hex(sanitizeLine(s))).toEqual(hex(s));
    });
  }

  it("keeps untouched parts around replaced ones", () => {
    expect(sanitizeText("👨‍👩‍👧\u001b[1m e\u0301\u202E❤\uFE0F")).toBe(
      `👨‍👩‍👧␛[1m e\u0301${FFFD}❤\uFE0F`,
    );
  });

  it("returns the very same string when there is nothing to do", () => {
    const s = "nothing to see here";
    expect(sanitizeText(s)).toBe(s);
    expect(sanitizeLine(s)).toBe(s);
  });
});

describe("sanitize: properties over arbitrary code units", () => {
  // Any UTF-16 code unit, lone surrogates included, with the interesting ranges weighted up.
  const unit = fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
    fc.integer({ min: 0, max: 0xa0 }).map((c) => String.fromCharCode(c)),
    fc.constantFrom(
      "\r\n",
      "\r",
      "\n",
      "\t",
      "\u2028",
      "\u2029",
      "\u202E",
      "\u2066",
      "\u2069",
      "\uD800",
      "\uDC00",
      "\u200D",
      "\uFE0F",
      "\u0301",
      "👩‍👩‍👦",
      "漢",
    ),
  );
  const text = fc.string({ unit, maxLength: 40 });

  it("output has no controls, DEL, C1, bidi controls or lone surrogates", () => {
    fc.assert(
      fc.property(text, (s) => {
        const t = sanitizeText(s);
        const l = sanitizeLine(s);
        expect(t).not.toMatch(FORBIDDEN_IN_TEXT);
        expect(t).not.toMatch(LONE_SURROGATE);
        expect(l).not.toMatch(FORBIDDEN_IN_LINE);
        expect(l).not.toMatch(LONE_SURROGATE);
      }),
      { numRuns: 2000 },
    );
  });

  it("is idempotent, and sanitizeLine is sanitizeText with line breaks made spaces", () => {
    fc.assert(
      fc.property(text, (s) => {
        const t = sanitizeText(s);
        expect(sanitizeText(t)).toBe(t);
        const l = sanitizeLine(s);
        expect(sanitizeLine(l)).toBe(l);
        expect(sanitizeText(l)).toBe(l);
        expect(l).toBe(t.replace(/\n+/g, " "));
      }),
      { numRuns: 2000 },
    );
  });

  it("changes only what it must: strings without targets come back unchanged", () => {
    const safe = fc.string({ unit: "grapheme", maxLength: 30 });
    fc.assert(
      fc.property(safe, (s) => {
        fc.pre(!FORBIDDEN_IN_LINE.test(s));
        expect(sanitizeText(s)).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });

  it("never removes a character: one-for-one except CRLF → one break", () => {
    fc.assert(
      fc.property(text, (s) => {
        const expected = s.replace(/\r\n/g, "\n");
        const out = sanitizeText(s);
        // Lone surrogates (1 unit) become U+FFFD (1 unit); everything else maps 1:1 too.
        expect(out.length).toBe(expected.length);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("sanitizeArticle", () => {
  const hostile = "\u001b[2J\u202E\u009b\uD800\t\r\nx";
  const article: Article = articleSchema.parse({
    id: "hostile-article",
    title: hostile,
    author: { name: hostile, bio: hostile },
    source: { name: hostile, url: "https://example.com/\u001b[31m", note: hostile },
    published: "2012-02-22",
    sections: [{ heading: hostile, paragraphs: [hostile, "clean"] }, { paragraphs: [hostile] }],
    comments: [
      { id: "c\u001b1", author: hostile, paragraphs: [hostile] },
      { id: "c2", parentId: "c\u001b1", paragraphs: [hostile, hostile] },
    ],
  });
  const clean = sanitizeArticle(article);
  const asLine = `␛[2J${FFFD}${FFFD}${FFFD}  x`;
  const asText = `␛[2J${FFFD}${FFFD}${FFFD} \nx`;

  it("makes one-line fields one line", () => {
    expect(clean.title).toBe(asLine);
    expect(clean.author?.name).toBe(asLine);
    expect(clean.source?.name).toBe(asLine);
    expect(clean.sections[0]?.heading).toBe(asLine);
    expect(clean.comments?.[0]?.author).toBe(asLine);
    expect(clean.source?.url).toBe("https://example.com/␛[31m");
  });

  it("keeps line breaks in paragraphs, bio and note", () => {
    expect(clean.author?.bio).toBe(asText);
    expect(clean.source?.note).toBe(asText);
    expect(clean.sections[0]?.paragraphs).toEqual([asText, "clean"]);
    expect(clean.sections[1]?.paragraphs).toEqual([asText]);
    expect(clean.comments?.[0]?.paragraphs).toEqual([asText]);
    expect(clean.comments?.[1]?.paragraphs).toEqual([asText, asText]);
  });

  it("leaves ids, parent ids and dates alone (they are not displayed) and adds no fields", () => {
    expect(clean.id).toBe("hostile-article");
    expect(clean.published).toBe("2012-02-22");
    expect(clean.comments?.[0]?.id).toBe("c\u001b1");
    expect(clean.comments?.[1]?.parentId).toBe("c\u001b1");
    expect(clean.comments?.[1]).not.toHaveProperty("author");
    expect(clean.sections[1]).not.toHaveProperty("heading");
  });

  it("does not modify its input", () => {
    expect(article.title).toBe(hostile);
    expect(article.sections[0]?.paragraphs[0]).toBe(hostile);
    expect(article.comments?.[0]?.author).toBe(hostile);
  });

  it("handles an article without author, source or comments", () => {
    const bare = sanitizeArticle(
      articleSchema.parse({ id: "bare", title: "T\r\n", sections: [{ paragraphs: ["p\r"] }] }),
    );
    expect(bare.title).toBe("T ");
    expect(bare.sections[0]?.paragraphs).toEqual(["p\n"]);
    expect(bare.author).toBeUndefined();
    expect(bare.source).toBeUndefined();
    expect(bare.comments).toBeUndefined();
  });

  it("keeps optional bio, url and note absent when they were absent", () => {
    const a = sanitizeArticle(
      articleSchema.parse({
        id: "a",
        title: "T",
        author: { name: "N" },
        source: { name: "S" },
        sections: [{ paragraphs: ["p"] }],
      }),
    );
    expect(a.author).toEqual({ name: "N" });
    expect(a.source).toEqual({ name: "S" });
  });
});
