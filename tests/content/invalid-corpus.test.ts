// Every file in tests/fixtures/invalid is wrong in its own way; this pins the exact first message
// each one gets, and checks that every message is one clean line naming the file.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadArticleFile } from "../../src/content/load.js";

const dir = fileURLToPath(new URL("../fixtures/invalid/", import.meta.url));

/**
 * File → what follows "file:" in the first message it gets (display name = the base name):
 * "line:column: problem" for a place in the text, " problem" or " path: problem" otherwise.
 */
const EXPECTED: Record<string, string> = {
  // JSON syntax: file:line:column and a plain explanation
  "syntax-missing-comma.json": "4:3: expected ',' or '}' after a property value",
  "syntax-trailing-comma-object.json": "4:40: trailing comma before '}'",
  "syntax-trailing-comma-array.json": "4:41: trailing comma before ']'",
  "syntax-single-quotes.json": "3:12: strings must be in double quotes (\"), not single quotes (')",
  "syntax-single-quoted-key.json":
    "2:3: property names must be in double quotes (\"), not single quotes (')",
  "syntax-unquoted-key.json": "2:3: property names must be in double quotes (found id)",
  "syntax-unterminated-string.json":
    "3:12: unterminated string (a string must end on the line it starts on; write \\n for a line break)",
  "syntax-truncated.json":
    "4:36: unexpected end of file (the array opened with '[' at line 4, column 32 is never closed)",
  "syntax-raw-control-char.json":
    "3:23: control character U+001B inside a string (write it as \\u001b)",
  "syntax-line-comment.json": "2:3: comments are not allowed in JSON",
  "syntax-block-comment.json": "2:26: comments are not allowed in JSON",
  "syntax-nan.json": "3:12: NaN is not allowed in JSON",
  "syntax-extra-text.json": "6:1: unexpected '}' after the end of the JSON",
  "syntax-bad-escape.json":
    "3:24: invalid escape '\\U' in a string (a backslash itself is written \\\\)",
  "syntax-curly-quotes.json":
    '3:12: found a typographic quote \u201C; JSON needs straight double quotes (")',
  "syntax-missing-colon.json": "3:11: expected ':' after the property name",
  "syntax-python-true.json": "5:15: None is not a JSON value (write null)",
  "syntax-leading-zero.json": "3:12: a number must not start with 0 (write 7, not 07)",
  "syntax-wrong-bracket.json": "4:39: found '}' where ']' should close the array",
  // encoding and emptiness
  "empty.json": " the file is empty",
  "whitespace-only.json": " the file contains only whitespace",
  "utf16le.json": " the file is UTF-16; save it as UTF-8",
  "utf16be-no-bom.json": " the file is UTF-16; save it as UTF-8",
  "invalid-utf8.json": "3:16: invalid UTF-8 (byte 0xE9 at offset 35); save the file as UTF-8",
  "binary.json": " this is not a text file (found a NUL byte at offset 8)",
  // the top level
  "top-level-array.json": " the top level must be an object (found an array)",
  "null.json": " the top level must be an object (found null)",
  "top-level-number.json": " the top level must be an object (found a number)",
  "top-level-string.json": " the top level must be an object (found a string)",
  // the schema: path and problem
  "unknown-key-titel.json": ' titel: unknown key "titel" (did you mean "title"?)',
  "unknown-key-heading2.json":
    ' sections[0].heading2: unknown key "heading2" (did you mean "heading"?)',
  "unknown-key-nested-in-comment.json":
    ' comments[0].autor: unknown key "autor" (did you mean "author"?)',
  "unknown-key-no-suggestion.json": ' wordCount: unknown key "wordCount"',
  "unknown-key-with-escape.json": ' ["\u241B[2Jevil\u2407"]: unknown key "\u241B[2Jevil\u2407"',
  "missing-title.json": " title: is required",
  "missing-id.json": " id: is required",
  "missing-sections.json": " sections: is required",
  "empty-sections.json": " sections: must have at least one section",
  "empty-paragraph.json": " sections[1].paragraphs[0]: must be a non-empty string",
  "empty-paragraphs-array.json": " sections[0].paragraphs: must have at least one paragraph",
  "wrong-type-title-number.json": " title: must be a string (found a number)",
  "wrong-type-sections-object.json": " sections: must be an array (found an object)",
  "wrong-type-author-string.json": " author: must be an object (found a string)",
  "wrong-type-paragraph-null.json": " sections[0].paragraphs[1]: must be a string (found null)",
  "wrong-type-paragraphs-string.json": " sections[0].paragraphs: must be an array (found a string)",
  "bad-slug.json": " id: must be a lowercase slug such as azerbaijan-and-israel",
  "bad-url-javascript.json": " source.url: must be an http:// or https:// address",
  "bad-date.json": " published: must be an ISO date (2012-02-22) or date-time (2012-02-24T18:45)",
  "bad-comment-date.json":
    " comments[0].postedAt: must be an ISO date (2012-02-22) or date-time (2012-02-24T18:45)",
  "comment-missing-paragraphs.json": " comments[0].paragraphs: is required",
  "duplicate-comment-id.json": ' comments[2].id: duplicate comment id "c1"',
  "reply-to-later-comment.json": ' comments[0].parentId: "c2" is not the id of an earlier comment',
  "reply-to-unknown.json": ' comments[1].parentId: "c9" is not the id of an earlier comment',
  "reply-to-self.json": ' comments[0].parentId: comment "c1" cannot reply to itself',
  "comment-id-with-escape.json":
    ' comments[1].parentId: "\u241B]0;pwned\u2407" is not the id of an earlier comment',
  "many-problems.json": " id: must be a lowercase slug such as azerbaijan-and-israel",
};

const files = readdirSync(dir)
  .filter((name) => name.endsWith(".json"))
  .sort();

function expectedMessage(file: string): string {
  return `${file}:${EXPECTED[file]}`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: asserting that none get through
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

describe("the invalid corpus", () => {
  it("has at least 30 files, each with an expected message", () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.filter((f) => !(f in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(files)("%s gets its exact first message", (file) => {
    const loaded = loadArticleFile(`${dir}${file}`, file);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.file).toBe(file);
    expect(loaded.errors[0]).toBe(expectedMessage(file));
  });

  it.each(files)("%s: every message is one clean line naming the file", (file) => {
    const path = `${dir}${file}`;
    const loaded = loadArticleFile(path);
    if (loaded.ok) throw new Error(`${file} loaded`);
    expect(loaded.errors.length).toBeGreaterThan(0);
    for (const message of loaded.errors) {
      expect(message.startsWith(`${path}:`)).toBe(true);
      expect(message).not.toMatch(CONTROL);
      expect(message).not.toMatch(/[\u2028\u2029]/);
      expect(message.startsWith("lectern:")).toBe(false);
      expect(message.length).toBeLessThan(path.length + 400);
    }
  });

  it("lists up to five schema problems, then counts the rest", () => {
    const loaded = loadArticleFile(`${dir}many-problems.json`, "many-problems.json");
    expect(loaded).toEqual({
      ok: false,
      file: "many-problems.json",
      errors: [
        "many-problems.json: id: must be a lowercase slug such as azerbaijan-and-israel",
        "many-problems.json: title: must be a non-empty string",
        "many-problems.json: author.name: must be a string (found a number)",
        "many-problems.json: published: must be an ISO date (2012-02-22) or date-time (2012-02-24T18:45)",
        "many-problems.json: sections[0].heading: must be a string (found a number)",
        "many-problems.json: … and 3 more problems",
      ],
    });
  });
});
