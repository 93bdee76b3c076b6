// Which clusters Lectern asks the terminal about: emoji sequences and flags always, East Asian
// ambiguous characters only where a terminal may draw them wide (a Chinese, Japanese or Korean
// locale, or LECTERN_MEASURE=all), each once; and the conservative widths used when it is silent.
import { afterEach, describe, expect, it } from "vitest";
import type { Article } from "../../src/content/schema.js";
import { conservativeWidth, disputedClusters } from "../../src/terminal/measure-widths.js";

const saved = { ...process.env };
afterEach(() => {
  for (const name of ["LANG", "LC_ALL", "LC_CTYPE", "LECTERN_MEASURE"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

const article: Article = {
  id: "w",
  title: "“Quoted” 👍🏽",
  sections: [{ paragraphs: ["A flag 🇯🇵, a family 👨‍👩‍👧‍👦, ±3 and 👍🏽 again, “quotes”."] }],
};

describe("disputedClusters", () => {
  it("asks about emoji sequences and flags, once each, under any locale", () => {
    process.env.LANG = "en_US.UTF-8";
    delete process.env.LC_ALL;
    delete process.env.LC_CTYPE;
    delete process.env.LECTERN_MEASURE;
    expect(disputedClusters(article)).toEqual(["👍🏽", "🇯🇵", "👨‍👩‍👧‍👦"]);
  });

  it("asks about ambiguous characters too under a CJK locale or LECTERN_MEASURE=all", () => {
    delete process.env.LC_ALL;
    delete process.env.LC_CTYPE;
    process.env.LANG = "ja_JP.UTF-8";
    expect(disputedClusters(article)).toEqual(expect.arrayContaining(["“", "”", "±", "👍🏽"]));
    process.env.LANG = "C.UTF-8";
    process.env.LECTERN_MEASURE = "all";
    expect(disputedClusters(article)).toContain("“");
  });

  it("gives a silent terminal the widths of a sequence's parts", () => {
    expect(conservativeWidth("👍🏽")).toBe(4);
    expect(conservativeWidth("👨‍👩‍👧‍👦")).toBe(8);
    expect(conservativeWidth("a")).toBe(1);
  });
});
