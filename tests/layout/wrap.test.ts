// Word wrapping by display width: no line wider than the column (wide characters count two),
// long words broken, hard breaks kept, spaces at breaks dropped, words preserved.
import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { padTo, textWidth, truncate, wrapText } from "../../src/layout/wrap.js";

const words = (text: string) => text.split(/\s+/).filter(Boolean);

function expectFits(lines: string[], width: number) {
  for (const line of lines)
    expect(stringWidth(line), JSON.stringify(line)).toBeLessThanOrEqual(width);
}

describe("textWidth", () => {
  it("counts ASCII as one column, CJK and emoji as two, combining marks as none", () => {
    expect(textWidth("hello")).toBe(5);
    expect(textWidth("日本語")).toBe(6);
    expect(textWidth("😀")).toBe(2);
    expect(textWidth("e\u0301")).toBe(1);
    expect(textWidth("")).toBe(0);
  });
});

describe("wrapText", () => {
  const prose =
    "As the showdown over Iranian nuclear ambitions intensifies, political analysts in Azerbaijan are urging the government to deepen ties.";

  it("keeps short text on one line", () => {
    expect(wrapText("short line", 80)).toEqual(["short line"]);
  });

  it("wraps at spaces and drops the spaces at the breaks", () => {
    const lines = wrapText(prose, 20);
    expectFits(lines, 20);
    for (const line of lines) {
      expect(line.startsWith(" ")).toBe(false);
      expect(line.endsWith(" ")).toBe(false);
    }
    expect(lines.join(" ")).toBe(prose);
  });

  it("breaks a word longer than the column and never overflows", () => {
    const long = "x".repeat(25);
    expect(wrapText(long, 10)).toEqual(["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"]);
    const lines = wrapText(`a ${long} b`, 7);
    expectFits(lines, 7);
    expect(lines.join("").replaceAll(" ", "")).toBe(`a${long}b`);
  });

  it("counts CJK and emoji as two columns", () => {
    const cjk = "日本語のテキストを折り返す";
    const lines = wrapText(cjk, 6);
    expectFits(lines, 6);
    expect(lines.join("")).toBe(cjk);
    expect(lines[0]).toBe("日本語");
    const emoji = "😀😀😀 👍🏽👍🏽 ok";
    const e = wrapText(emoji, 4);
    expectFits(e, 4);
    expect(words(e.join(" ")).join("")).toBe(words(emoji).join(""));
  });

  it("works at width 1 (a wide character that cannot fit shows as ?)", () => {
    expect(wrapText("ab cd", 1)).toEqual(["a", "b", "c", "d"]);
    const wide = wrapText("日本", 1);
    expectFits(wide, 1);
    expect(wide).toEqual(["?", "?"]);
    expect(wrapText("x", 0)).toEqual(["x"]);
  });

  it("keeps hard line breaks, including empty lines", () => {
    expect(wrapText("one\ntwo\n\nthree", 80)).toEqual(["one", "two", "", "three"]);
    expect(wrapText("", 10)).toEqual([""]);
  });

  it("keeps runs of spaces inside a line", () => {
    expect(wrapText("a  b", 10)).toEqual(["a  b"]);
  });

  it("property: lines fit and the words come back, for any text and width", () => {
    const alphabet = fc.constantFrom("a", "b", " ", " ", "日", "😀", "é", "\n", "-", "Z");
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 200 }),
        fc.integer({ min: 1, max: 40 }),
        (chars, width) => {
          const text = chars.join("");
          const lines = wrapText(text, width);
          for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
          // Hard lines are kept: at least one output line per input line.
          expect(lines.length).toBeGreaterThanOrEqual(text.split("\n").length);
          if (width >= 2) {
            // Words are only ever split, never altered: their concatenation is the same.
            expect(words(lines.join(" ")).join("")).toBe(words(text).join(""));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("truncate and padTo", () => {
  it("truncate cuts with an ellipsis and never exceeds the width", () => {
    expect(truncate("hello world", 20)).toBe("hello world");
    expect(truncate("hello world", 6)).toBe("hello…");
    expect(truncate("日本語テキスト", 5)).toBe("日本…");
    expect(stringWidth(truncate("日本語テキスト", 4))).toBeLessThanOrEqual(4);
    expect(truncate("abc", 0)).toBe("");
    expect(truncate("abc", 1)).toBe("…");
  });

  it("padTo pads or cuts to exactly the width", () => {
    expect(padTo("ab", 5)).toBe("ab   ");
    expect(padTo("abcdefgh", 5)).toBe("abcd…");
    expect(stringWidth(padTo("日本語テキスト", 5))).toBe(5);
    expect(stringWidth(padTo("日本語", 4))).toBe(4);
    expect(padTo("x", 0)).toBe("");
  });
});

describe("the narrow-text fast path", () => {
  it("takes only characters string-width measures as one column each", async () => {
    const { NARROW } = await import("../../src/layout/wrap.js");
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      if (NARROW.test(char)) expect(stringWidth(char), `U+${code.toString(16)}`).toBe(1);
    }
  });

  it("measures mixed narrow text exactly as string-width does", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom("a", "’", "“", "–", "é", "ж", "λ", "€", " ", "\u0301", "中", "👍"),
          maxLength: 40,
        }),
        (text) => {
          expect(textWidth(text)).toBe(stringWidth(text));
        },
      ),
    );
  });
});

describe("the simple-text fast path (CJK and the like, without the segmenter)", () => {
  it("takes only characters string-width measures as the fast path says", async () => {
    const { SIMPLE, simpleWidth } = await import("../../src/layout/measure.js");
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      if (SIMPLE.test(char))
        expect(stringWidth(char), `U+${code.toString(16)}`).toBe(simpleWidth(code));
    }
  });

  it("wraps long runs without spaces in time linear in their length", () => {
    const time = (n: number, ch: string) => {
      const text = ch.repeat(n);
      const t = performance.now();
      const lines = wrapText(text, 80);
      const ms = performance.now() - t;
      expect(lines.join("")).toBe(text);
      expectFits(lines.slice(0, 50), 80);
      return ms;
    };
    for (const ch of ["一", "␛", "ア", "한"]) {
      time(20_000, ch); // warm up
      const small = time(100_000, ch);
      const large = time(400_000, ch);
      // Four times the text: well under sixteen times the time (quadratic would be sixteen).
      expect(large, `${ch}: ${small.toFixed(1)} ms then ${large.toFixed(1)} ms`).toBeLessThan(
        small * 8 + 50,
      );
    }
  });
});

describe("truncate on very long text", () => {
  it("never leaves half a surrogate pair where it looks only at the head of the text", () => {
    for (const width of [10, 37, 80]) {
      for (let shift = 0; shift < 3; shift++) {
        const text = `${"x".repeat(shift)}${"\u{E0041}".repeat(400)}`;
        const cut = truncate(text, width);
        expect(cut).not.toMatch(
          /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
        );
      }
    }
  });
});
