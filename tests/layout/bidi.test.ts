// Right-to-left paragraphs in terminals that draw in the order they receive: each line reordered
// by the Unicode Bidirectional Algorithm and right-aligned, numbers and Latin words kept in their
// own order, brackets mirrored, combining marks kept on their letter, a left-to-right paragraph
// with an Arabic word left alone but for that word, and nothing reordered with bidi off.
import { afterEach, describe, expect, it } from "vitest";
import { sanitizeArticle } from "../../src/content/sanitize.js";
import type { Article } from "../../src/content/schema.js";
import { setBidiMode } from "../../src/layout/bidi.js";
import { textWidth } from "../../src/layout/wrap.js";
import { renderPrint } from "../../src/print.js";
import { prepareFormats } from "../../src/rich/parse.js";

const ARABIC = "هذه فقرة باللغة العربية فيها رقم 2024 وكلمة English (بين قوسين).";
const HEBREW = "שלום עולם עם מספר 42.";
const MIXED = "An English sentence with the word سلام inside.";
const HARAKAT = "بِسْمِ اللَّهِ";

async function printed(paragraphs: string[], width = 100): Promise<string[]> {
  const article: Article = sanitizeArticle({
    id: "rtl",
    title: "RTL",
    sections: [{ paragraphs }],
  });
  await prepareFormats(article);
  return renderPrint(article, { width, color: false }).split("\n");
}

const reversed = (s: string) =>
  [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(s)]
    .map((g) => g.segment)
    .reverse()
    .join("");

afterEach(() => setBidiMode("on"));

describe("right-to-left paragraphs", () => {
  it("are reordered for display and right-aligned, numbers and Latin words kept in order", async () => {
    setBidiMode("on");
    const lines = await printed([ARABIC], 100);
    const line = lines.find((l) => l.includes("2024")) ?? "";
    expect(textWidth(line)).toBe(100);
    expect(line.startsWith(" ")).toBe(true);
    const shown = line.trim();
    // The first word of the paragraph is at the right end, its letters reversed for display.
    expect(shown.endsWith(reversed("هذه"))).toBe(true);
    expect(shown).toContain("2024");
    expect(shown).toContain("English");
    // Brackets are mirrored inside right-to-left text: "(بين قوسين)" reads ")...(" reversed.
    expect(shown).toContain(`(${reversed("بين قوسين")})`);
    const hebrew = (await printed([HEBREW], 60)).find((l) => l.includes("42")) ?? "";
    expect(hebrew.trim().endsWith(reversed("שלום"))).toBe(true);
    expect(hebrew).toContain("42");
  });

  it("keep combining marks on their letter", async () => {
    const line = (await printed([HARAKAT], 40)).find((l) => /\S/.test(l) && l.includes("ب")) ?? "";
    // Every combining mark still follows a letter, never leads a cluster.
    expect(line.trim()).not.toMatch(/(^|\s)[\u064b-\u0652]/u);
    expect(line.trim()).toBe(reversed(HARAKAT));
  });

  it("leave a left-to-right paragraph left-aligned, reordering only its Arabic word", async () => {
    const line = (await printed([MIXED], 100)).find((l) => l.startsWith("An English")) ?? "";
    expect(line).toBe(`An English sentence with the word ${reversed("سلام")} inside.`);
  });

  it("stay in logical order with bidi off (for terminals that reorder themselves)", async () => {
    setBidiMode("off");
    const lines = await printed([ARABIC], 100);
    expect(lines).toContain(ARABIC);
  });
});
