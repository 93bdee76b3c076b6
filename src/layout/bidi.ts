// Right-to-left text for terminals that draw characters in the order they receive them (xterm,
// tmux, kitty, Alacritty, Windows Terminal): a paragraph whose first strong character is Arabic,
// Hebrew or another right-to-left script is broken into lines in logical order by layout, and each
// line is reordered here for display with the Unicode Bidirectional Algorithm (bidi-js), with
// mirrored brackets, and right-aligned in its column. Grapheme clusters are kept whole (Arabic
// harakat stay on their letter). Terminals that reorder by themselves (VTE, Konsole) want it off:
// LECTERN_BIDI=off (or auto, which turns it off under VTE or Konsole). bidi-js loads only for an
// article holding right-to-left text.
import type { Article } from "../content/schema.js";
import type { Inline } from "../rich/model.js";
import { graphemes } from "./measure.js";

type Bidi = {
  getEmbeddingLevels(
    text: string,
    direction?: "ltr" | "rtl",
  ): { levels: Uint8Array; paragraphs: { level: number }[] };
  getMirroredCharacter(char: string): string | null;
};

let bidi: Bidi | undefined;
let mode: "on" | "off" = "on";

/** Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, and their presentation forms. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|\ud802[\udc00-\udfff]|\ud83a[\udc00-\udfff]/;
const FIRST_LETTER = /\p{L}/u;

/** "on", "off", or "auto" (off where the terminal reorders by itself: VTE, Konsole). */
export function setBidiMode(setting: string | undefined): void {
  const auto = process.env.VTE_VERSION !== undefined || process.env.KONSOLE_VERSION !== undefined;
  mode = setting === "off" || (setting === "auto" && auto) ? "off" : "on";
}

export function bidiMode(): "on" | "off" {
  return mode;
}

function hasRtl(text: string): boolean {
  return RTL.test(text);
}

/** Load the algorithm if the article holds right-to-left text (and bidi is on). */
export async function prepareBidi(article: Article): Promise<void> {
  if (mode === "off" || bidi) return;
  const texts = [
    article.title,
    article.author?.bio ?? "",
    article.source?.note ?? "",
    ...article.sections.flatMap((s) => [s.heading ?? "", ...s.paragraphs]),
    ...(article.comments ?? []).flatMap((c) => [c.author ?? "", ...c.paragraphs]),
  ];
  if (!texts.some(hasRtl)) return;
  const { default: factory } = (await import("bidi-js")) as unknown as { default: () => Bidi };
  bidi = factory();
}

type Resolved = { levels: Uint8Array; rtl: boolean };
const resolved = new WeakMap<Inline, Resolved | null>();

/**
 * Levels of a paragraph, when it needs reordering (null when it is plain left-to-right).
 * `ltr` forces a left-to-right paragraph (Lectern's own lines: a comment's header).
 */
function resolve(source: Inline, ltr: boolean): Resolved | null {
  // Until bidi-js is loaded (the reader loads it after its first frame) nothing is remembered.
  if (!bidi) return null;
  let r = resolved.get(source);
  if (r !== undefined) return r;
  r = null;
  if (bidi && mode === "on" && hasRtl(source.text)) {
    const first = FIRST_LETTER.exec(source.text);
    const rtl = !ltr && first !== null && RTL.test(first[0]);
    // A very long paragraph's levels are computed over it whole once (linear in bidi-js).
    const { levels } = bidi.getEmbeddingLevels(source.text, rtl ? "rtl" : "ltr");
    r = { levels, rtl };
  }
  resolved.set(source, r);
  return r;
}

/** A line's graphemes in visual order: [start, end) in the source, and the text to show. */
export type Visual = { rtl: boolean; pieces: { start: number; end: number; text: string }[] };

/** The line source[start, end) in display order, or undefined when it needs none. */
export function visualLine(
  source: Inline,
  start: number,
  end: number,
  ltr = false,
): Visual | undefined {
  const r = resolve(source, ltr);
  if (!r || !bidi) return undefined;
  const pieces: { start: number; end: number; text: string; level: number }[] = [];
  let at = start;
  for (const g of graphemes(source.text.slice(start, end))) {
    const level = r.levels[at] ?? 0;
    const mirrored = level % 2 === 1 && g.length === 1 ? bidi.getMirroredCharacter(g) : null;
    pieces.push({ start: at, end: at + g.length, text: mirrored ?? g, level });
    at += g.length;
  }
  // Trailing spaces take the paragraph's level (rule L1).
  const base = r.rtl ? 1 : 0;
  for (let i = pieces.length - 1; i >= 0 && (pieces[i] as { text: string }).text === " "; i--) {
    (pieces[i] as { level: number }).level = base;
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every run at or above it.
  let highest = 0;
  let lowestOdd = 255;
  for (const p of pieces) {
    if (p.level > highest) highest = p.level;
    if (p.level % 2 === 1 && p.level < lowestOdd) lowestOdd = p.level;
  }
  for (let level = highest; level >= lowestOdd && level > 0; level--) {
    let i = 0;
    while (i < pieces.length) {
      if ((pieces[i] as { level: number }).level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < pieces.length && (pieces[j] as { level: number }).level >= level) j++;
      const run = pieces.slice(i, j).reverse();
      pieces.splice(i, j - i, ...run);
      i = j;
    }
  }
  return { rtl: r.rtl, pieces };
}
