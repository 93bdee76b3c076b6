// Print mode: the whole article and its discussion as text, every line within the width, the
// seed's wording (headings, bio, note, discussion heading, comment meta), replies indented.
import { readFileSync } from "node:fs";
import { stripVTControlCharacters } from "node:util";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { sanitizeArticle } from "../src/content/sanitize.js";
import { type Article, articleSchema, type Comment } from "../src/content/schema.js";
import { threadsOf } from "../src/layout/comments.js";
import { renderPrint, writePrint } from "../src/print.js";

function fixture(path: string): Article {
  const url = new URL(path, import.meta.url);
  return sanitizeArticle(articleSchema.parse(JSON.parse(readFileSync(url, "utf8"))));
}

const seed = fixture("../content/azerbaijan-and-israel.json");
const threads = fixture("fixtures/threads/long-discussion.json");

const leading = (text: string) => text.length - text.trimStart().length;

describe("renderPrint", () => {
  for (const width of [40, 80, 120]) {
    it(`keeps every line within ${width} columns`, () => {
      for (const article of [seed, threads]) {
        for (const color of [false, true]) {
          const out = renderPrint(article, { width, color });
          expect(out.endsWith("\n")).toBe(true);
          for (const line of out.slice(0, -1).split("\n")) {
            expect(stringWidth(stripVTControlCharacters(line)), line).toBeLessThanOrEqual(width);
          }
        }
      }
    });
  }

  it("prints the seed's headings, bio, note, discussion heading and comment meta", () => {
    const out = renderPrint(seed, { width: 80, color: false });
    const lines = out.split("\n");
    expect(lines[0]).toBe("Azerbaijan And Israel: The Enemy Of My Enemy Is My Friend");
    expect(lines).toContain("By Shahin Abbasov · 4 min");
    for (const section of seed.sections) expect(lines).toContain(section.heading);
    expect(out).toContain("Shahin Abbasov is a freelance journalist based in Baku.");
    expect(out).toContain("Originally published at Eurasianet.");
    expect(out).toContain("https://eurasianet.org/");
    expect(lines).toContain(
      "2 thoughts on “Azerbaijan And Israel: The Enemy Of My Enemy Is My Friend”",
    );
    expect(lines).toContain("• Anonymous · February 24, 2012 at 6:45 pm");
    expect(lines).toContain("• Anonymous · March 6, 2012 at 12:11 am");
    // Order: headings in article order, then the bio, the note and the discussion.
    const at = (needle: string) => out.indexOf(needle);
    const headingsAt = seed.sections.map((s) => at(s.heading as string));
    expect([...headingsAt].sort((a, b) => a - b)).toEqual(headingsAt);
    expect(at("freelance journalist")).toBeGreaterThan(headingsAt.at(-1) as number);
    expect(at("Originally published")).toBeGreaterThan(at("freelance journalist"));
    expect(at("2 thoughts on")).toBeGreaterThan(at("Originally published"));
    expect(at("February 24, 2012")).toBeGreaterThan(at("2 thoughts on"));
  });

  it("has no escape sequences without colour, and styles headings with colour", () => {
    expect(renderPrint(seed, { width: 80, color: false })).not.toContain("\x1b");
    const colored = renderPrint(seed, { width: 80, color: true });
    expect(colored).toContain("\x1b[1;36mTension with Tehran\x1b[0m");
    expect(stripVTControlCharacters(colored)).toBe(renderPrint(seed, { width: 80, color: false }));
  });

  it("indents each reply under its parent (threads fixture)", () => {
    const out = renderPrint(threads, { width: 80, color: false });
    const lines = out.split("\n");
    const comments = threads.comments ?? [];
    const t = threadsOf(threads);
    // Meta lines of the comments, in the order printed.
    const metaRe = /^( *)[•▾▸] /;
    const metas = lines
      .map((text, i) => ({ text, i, m: metaRe.exec(text) }))
      .filter((x) => x.m !== null);
    expect(metas).toHaveLength(comments.length);
    expect(lines).toContain("26 thoughts on “A Short Article With A Long Discussion”");
    for (let pos = 0; pos < t.order.length; pos++) {
      const meta = metas[pos];
      const comment = comments[t.order[pos] as number] as Comment;
      expect(meta?.text.trim()).toContain(comment.author ?? "Anonymous");
      const p = t.parent[pos] as number;
      if (p >= 0) {
        const parent = metas[p];
        expect(meta?.i).toBeGreaterThan(parent?.i as number);
        expect(leading(meta?.text ?? "")).toBe(leading(parent?.text ?? "") + 2);
      } else {
        expect(leading(meta?.text ?? "")).toBe(0);
      }
    }
    // The chain c1 → c7 steps in two columns a level.
    expect(metas.slice(0, 7).map((m) => leading(m.text))).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(out).toContain("• Anonymous · March 8, 2024 at 1:31 am");
  });

  it("writePrint writes the same text in chunks", () => {
    let written = "";
    writePrint(threads, { width: 60, color: false }, (chunk) => {
      written += chunk;
    });
    expect(written).toBe(renderPrint(threads, { width: 60, color: false }));
  });
});
