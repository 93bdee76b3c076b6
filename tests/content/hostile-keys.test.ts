// Keys a person would not write: megabytes long (the message quotes a short prefix, cut between
// graphemes, and finishes at once) and written twice in one object (reported with their place,
// not silently resolved to the last).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/content/load.js";

const SEED = JSON.parse(
  readFileSync(
    join(import.meta.dirname, "..", "..", "content", "azerbaijan-and-israel.json"),
    "utf8",
  ),
);
const bytes = (text: string) => new TextEncoder().encode(text);
const errorsOf = (text: string) => {
  const loaded = parseArticle(bytes(text), "x.json");
  if (loaded.ok) throw new Error("expected the file to be refused");
  return loaded.errors;
};
const withKey = (key: string) => JSON.stringify({ ...SEED, [key]: 1 });

describe("huge keys", () => {
  it("a 3,000,000-character unknown key: one short line quoting its start", () => {
    const errors = errorsOf(withKey("k".repeat(3_000_000)));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.length).toBeLessThan(300);
    expect(errors[0]).toMatch(/^x\.json: \["k{20,}…"\]: unknown key "k{20,}…"$/);
  });

  it("a key of a million family emoji is cut between graphemes", () => {
    const family = "👨‍👩‍👧‍👦";
    const [error] = errorsOf(withKey(family.repeat(1_000_000)));
    expect(error?.length).toBeLessThan(400);
    const quoted = /unknown key "(.*)…"$/u.exec(error ?? "")?.[1] ?? "";
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.split(family).join("")).toBe("");
  });

  it("a key with line breaks and quotes stays on one line", () => {
    const [error] = errorsOf(withKey(`a"b\\c\r\nd\u001b[31m`.repeat(100_000)));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no raw control may reach the terminal
    expect(error).not.toMatch(/[\n\r\u001b]/);
    expect(error?.length).toBeLessThan(400);
  });

  it("a typo of a real key is still told what it means", () => {
    const { title, ...rest } = SEED;
    expect(errorsOf(JSON.stringify({ ...rest, titel: title }))).toEqual([
      'x.json: titel: unknown key "titel" (did you mean "title"?)',
    ]);
  });
});

describe("duplicate keys", () => {
  it("the same key twice in the article: file, line, column, and the key", () => {
    const text =
      '{\n  "id": "x",\n  "title": "FIRST",\n  "sections": [{"paragraphs": ["p"]}],\n  "title": "SECOND"\n}\n';
    expect(errorsOf(text)).toEqual([
      'x.json:5:3: duplicate key "title" (also at line 3, column 3; JSON keeps only the last)',
    ]);
  });

  it("written with an escape, nested in a comment, or in a file with other problems", () => {
    expect(
      errorsOf('{"id":"x","title":"A","t\\u0069tle":"B","sections":[{"paragraphs":["p"]}]}'),
    ).toEqual([
      'x.json:1:23: duplicate key "title" (also at line 1, column 11; JSON keeps only the last)',
    ]);
    const comment = '{"id":"c1","paragraphs":["a"],"id":"c2"}';
    expect(
      errorsOf(`{"id":"x","title":"A","sections":[{"paragraphs":["p"]}],"comments":[${comment}]}`),
    ).toEqual([
      'x.json:1:99: duplicate key "id" (also at line 1, column 70; JSON keeps only the last)',
    ]);
    const both = errorsOf('{"id":"x","title":"A","title":"B","sections":[]}');
    expect(both[0]).toMatch(/^x\.json:1:23: duplicate key "title"/);
    expect(both[1]).toMatch(/^x\.json: sections: /);
  });

  it("no false alarm: quotes, colons and key-like text inside strings, the same key in sibling objects", () => {
    const tricky = {
      ...SEED,
      title: 'He said \\"title\\": no, ":)" and "a":"b"',
      sections: [
        { heading: ":", paragraphs: [':"title":', '\\\\":', '"', "\\"] },
        { heading: "x", paragraphs: ["y"] },
      ],
    };
    const loaded = parseArticle(bytes(JSON.stringify(tricky, null, 2)), "x.json");
    expect(loaded.ok).toBe(true);
    expect(parseArticle(bytes(JSON.stringify(SEED)), "x.json").ok).toBe(true);
  });
});
