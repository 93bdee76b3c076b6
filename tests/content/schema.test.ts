// The article schema and the wording of its problems: what it accepts and rejects, and how zod's
// issues become "place: problem" lines (paths, found types, required keys, typo suggestions).
import { describe, expect, it } from "vitest";
import { describeIssues, formatPath, quote } from "../../src/content/issues.js";
import { articleSchema } from "../../src/content/schema.js";

const base = { id: "an-article", title: "T", sections: [{ paragraphs: ["p"] }] };

/** The problems for `input` as "path: message" lines ([] when it is valid). */
function problems(input: unknown): string[] {
  const result = articleSchema.safeParse(input);
  if (result.success) return [];
  return describeIssues(result.error.issues, input).map((p) => `${p.path}: ${p.message}`);
}

describe("the schema", () => {
  it("accepts the minimal article and optional fields", () => {
    expect(problems(base)).toEqual([]);
    expect(
      problems({
        ...base,
        $schema: "./article.schema.json",
        author: { name: "A" },
        source: { name: "S", url: "http://example.com/x" },
        published: "2012-02-24T18:45:00.5+02:00",
        comments: [
          { id: "1", paragraphs: ["a"] },
          { id: "2", parentId: "1", paragraphs: ["b"] },
        ],
      }),
    ).toEqual([]);
  });

  it.each([
    ["ftp://example.com", "source.url: must be an http:// or https:// address"],
    ["javascript:alert(1)", "source.url: must be an http:// or https:// address"],
    ["https://", "source.url: must be an http:// or https:// address"],
  ])("rejects the URL %s", (url, message) => {
    expect(problems({ ...base, source: { name: "S", url } })).toEqual([message]);
  });

  it.each(["2012-2-22", "2012-02-32", "2012-02-22T25:00", "22/02/2012", ""])(
    "rejects the date %j",
    (published) => {
      expect(problems({ ...base, published })).toEqual([
        "published: must be an ISO date (2012-02-22) or date-time (2012-02-24T18:45)",
      ]);
    },
  );

  it.each(["Upper", "two words", "trailing-", "-leading", "double--dash", ""])(
    "rejects the slug %j",
    (id) => {
      expect(problems({ ...base, id })).toEqual([
        "id: must be a lowercase slug such as azerbaijan-and-israel",
      ]);
    },
  );
});

describe("problem wording", () => {
  it("names the type found", () => {
    expect(problems({ ...base, title: 1 })).toEqual(["title: must be a string (found a number)"]);
    expect(problems({ ...base, title: true })).toEqual(["title: must be a string (found true)"]);
    expect(problems({ ...base, author: [] })).toEqual([
      "author: must be an object (found an array)",
    ]);
    expect(problems({ ...base, author: null })).toEqual(["author: must be an object (found null)"]);
    expect(problems({ ...base, sections: [null] })).toEqual([
      "sections[0]: must be an object (found null)",
    ]);
  });

  it("says a missing key is required, at its full path", () => {
    expect(problems({ ...base, comments: [{ paragraphs: ["x"] }] })).toEqual([
      "comments[0].id: is required",
    ]);
    expect(problems({ ...base, author: {} })).toEqual(["author.name: is required"]);
  });

  it("suggests the key an unknown key looks like a typo of", () => {
    expect(problems({ ...base, Source: { name: "x" } })).toEqual([
      'Source: unknown key "Source" (did you mean "source"?)',
    ]);
    expect(
      problems({
        ...base,
        comments: [
          { id: "a", paragraphs: ["x"] },
          { id: "b", parent_id: "a", paragraphs: ["y"] },
        ],
      }),
    ).toEqual(['comments[1].parent_id: unknown key "parent_id" (did you mean "parentId"?)']);
    expect(problems({ ...base, commnets: [] })).toEqual([
      'commnets: unknown key "commnets" (did you mean "comments"?)',
    ]);
    expect(problems({ ...base, schema: "x" })).toEqual([
      'schema: unknown key "schema" (did you mean "$schema"?)',
    ]);
  });

  it("reports a missing key and a misspelling of it once, as the misspelling", () => {
    const { title: _, ...untitled } = base;
    expect(problems({ ...untitled, tilte: "T" })).toEqual([
      'tilte: unknown key "tilte" (did you mean "title"?)',
    ]);
  });

  it("does not suggest a key that is already there, or a far one", () => {
    expect(problems({ ...base, Title: "x" })).toEqual(['Title: unknown key "Title"']);
    expect(problems({ ...base, body: "x" })).toEqual(['body: unknown key "body"']);
  });

  it("lists each unknown key of an object", () => {
    expect(problems({ ...base, author: { name: "a", nmae: "b", website: "c" } })).toEqual([
      'author.nmae: unknown key "nmae"',
      'author.website: unknown key "website"',
    ]);
  });

  it("neutralises and shortens text quoted from the file", () => {
    expect(quote("a\u001b[0m\nb")).toBe('"a\u241B[0m b"');
    expect(quote('say "hi"')).toBe('"say \\"hi\\""');
    expect(quote("x".repeat(100))).toBe(`"${"x".repeat(60)}…"`);
    const long = "\u202Eid".repeat(200);
    const lines = problems({ ...base, comments: [{ id: "a", parentId: long, paragraphs: ["x"] }] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("\u202E");
    expect(lines[0]?.length).toBeLessThan(400);
  });
});

describe("formatPath", () => {
  it.each([
    [[], "(top level)"],
    [["title"], "title"],
    [["sections", 2, "heading"], "sections[2].heading"],
    [["comments", 4, "parentId"], "comments[4].parentId"],
    [["$schema"], "$schema"],
    [["odd key", 0], '["odd key"][0]'],
    [["sections", 0, "a-b"], 'sections[0]["a-b"]'],
  ])("%j → %s", (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});
