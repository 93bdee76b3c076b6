// The loader: valid fixtures load sanitized; syntax errors point at the right line and column;
// size, encoding and file-system problems get their own messages; big inputs load or are refused fast.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildSync } from "esbuild";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "../../src/content/json-error.js";
import {
  type Loaded,
  listArticles,
  loadArticleFile,
  MAX_FILE_BYTES,
  parseArticle,
} from "../../src/content/load.js";
import { lineColumn } from "../../src/content/position.js";

const validDir = fileURLToPath(new URL("../fixtures/valid/", import.meta.url));
const encoder = new TextEncoder();

function parse(text: string | Uint8Array, file = "x.json"): Loaded {
  return parseArticle(typeof text === "string" ? encoder.encode(text) : text, file);
}

function errorsOf(loaded: Loaded): string[] {
  if (loaded.ok) throw new Error(`${loaded.file} loaded`);
  return loaded.errors;
}

function articleOf(loaded: Loaded) {
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  return loaded.article;
}

const minimal = { id: "a", title: "T", sections: [{ paragraphs: ["p"] }] };

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "lectern-load-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe("valid articles", () => {
  it.each(readdirSync(validDir).sort())("%s loads", (file) => {
    const loaded = loadArticleFile(`${validDir}${file}`, file);
    expect(loaded.ok).toBe(true);
    expect(loaded.file).toBe(file);
  });

  it("keeps every field of the full example", () => {
    const article = articleOf(loadArticleFile(`${validDir}full.json`));
    expect(article.id).toBe("everything-at-once");
    expect(article.author).toEqual({
      name: "Ada Writer",
      bio: "Writes about formats.\nAnd about lines.",
    });
    expect(article.source?.url).toBe("https://example.com/articles/everything");
    expect(article.sections).toHaveLength(2);
    expect(article.comments?.map((c) => c.parentId)).toEqual([undefined, "c1", "c2", undefined]);
  });

  it("accepts a UTF-8 byte-order mark", () => {
    expect(articleOf(loadArticleFile(`${validDir}bom.json`)).id).toBe("with-bom");
  });

  it("returns the article sanitized", () => {
    const article = articleOf(
      parse(
        JSON.stringify({
          ...minimal,
          title: "Red \u001b[31malert\u0007",
          sections: [{ heading: "a\nb", paragraphs: ["one\r\ntwo\u009b"] }],
        }),
      ),
    );
    expect(article.title).toBe("Red \u241B[31malert\u2407");
    expect(article.sections[0]?.heading).toBe("a b");
    expect(article.sections[0]?.paragraphs[0]).toBe("one\ntwo\uFFFD");
  });
});

describe("JSON syntax errors", () => {
  it("finds lines after LF, CR LF and a lone CR, and counts an emoji as one column", () => {
    const text = "a\nb\r\nc\rd\u{1F389}e";
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(text, text.indexOf("b"))).toEqual({ line: 2, column: 1 });
    expect(lineColumn(text, text.indexOf("c"))).toEqual({ line: 3, column: 1 });
    expect(lineColumn(text, text.indexOf("e"))).toEqual({ line: 4, column: 3 });
    expect(lineColumn(text, text.length)).toEqual({ line: 4, column: 4 });
  });

  it("count lines and columns in characters, after a BOM, across CR LF", () => {
    const text = '{\r\n  "title": "\u{1F389}\u00e9", "id": 1 "x"\r\n}';
    expect(errorsOf(parse(text))).toEqual([
      "x.json:2:26: expected ',' or '}' after a property value",
    ]);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('{"a": tru}')]);
    expect(errorsOf(parse(bom))).toEqual([
      "x.json:1:7: expected a value but found the word tru (text must be in double quotes)",
    ]);
  });

  it.each([
    ['{"a": 1,, "b": 2}', "1:9: expected a property name in double quotes but found ','"],
    [
      "[1, 2",
      "1:6: unexpected end of file (the array opened with '[' at line 1, column 1 is never closed)",
    ],
    ['{"a": Infinity}', "1:7: Infinity is not allowed in JSON"],
    ['{"a": -Infinity}', "1:7: -Infinity is not allowed in JSON"],
    [
      '{"a": undefined}',
      "1:7: undefined is not allowed in JSON (use null, or leave the property out)",
    ],
    ['{"a": True}', "1:7: True is not a JSON value (write true, in lowercase)"],
    ['{"a": +1}', "1:7: a number must not start with '+'"],
    ['{"a": .5}', "1:7: a number must start with a digit (0.5, not .5)"],
    ['{"a": 1.}', "1:9: expected a digit after the decimal point"],
    ['{"a": 1e}', "1:9: expected a digit in the exponent"],
    ['{"a": -}', "1:8: expected a digit after '-'"],
    ['{"a": "\\u12"}', "1:8: \\u must be followed by four hex digits, as in \\u00e9"],
    ['{"a": "tab\there"}', "1:11: control character U+0009 inside a string (write it as \\t)"],
    ['{"a": "x', "1:7: unterminated string (the file ends inside it)"],
    ['{"a": 1] ', "1:8: found ']' where '}' should close the object"],
    ["{}\u00a0", "1:3: unexpected character U+00A0 after the end of the JSON"],
    ['{"a"\u00a0: 1}', "1:5: expected ':' after the property name"],
    ["{} {}", "1:4: unexpected '{' after the end of the JSON"],
    ["[}", "1:2: expected a value but found '}'"],
  ])("%j → %s", (text, message) => {
    expect(errorsOf(parse(text))).toEqual([`x.json:${message}`]);
  });

  it("agrees with JSON.parse about what is valid (property test)", () => {
    const agree = (text: string) => {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      const found = findJsonSyntaxError(text);
      expect(found === undefined).toBe(valid);
      if (found) expect(found.offset).toBeLessThanOrEqual(text.length);
    };
    fc.assert(fc.property(fc.json(), agree), { numRuns: 300 });
    const mutated = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom("", ",", "}", "]", '"', "\\", "x", " ", "0", "\n"),
      )
      .map(([json, at, insert]) => {
        const cut = json.length === 0 ? 0 : at % json.length;
        return at % 2 === 0
          ? json.slice(0, cut) + insert + json.slice(cut)
          : json.slice(0, cut) + json.slice(cut + 1);
      });
    fc.assert(fc.property(mutated, agree), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ maxLength: 12 }), agree), { numRuns: 500 });
  });

  it("handles deep nesting without recursion", () => {
    const depth = 200_000;
    expect(errorsOf(parse("[".repeat(depth)))[0]).toBe(
      `x.json:1:${depth + 1}: unexpected end of file (the array opened with '[' at line 1, column ${depth} is never closed)`,
    );
    const deep = `{"id": ${"[".repeat(depth)}${"]".repeat(depth)}, "title": "t", "sections": [{"paragraphs": ["p"]}]}`;
    expect(errorsOf(parse(deep))).toEqual(["x.json: id: must be a string (found an array)"]);
  });
});

describe("encodings", () => {
  it("gives the line and column of the first byte that is not UTF-8", () => {
    const bytes = new Uint8Array([
      ...encoder.encode('{\n  "t": "\u00e9\u00e9'),
      0xc0,
      0xaf,
      0x22,
      0x7d,
    ]);
    expect(errorsOf(parse(bytes))).toEqual([
      "x.json:2:11: invalid UTF-8 (byte 0xC0 at offset 14); save the file as UTF-8",
    ]);
  });

  it.each([
    ["an encoded surrogate", [0xed, 0xa0, 0x80]],
    ["a code point above U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
    ["a truncated sequence", [0xe2, 0x82]],
    ["a lone continuation byte", [0x80]],
  ])("rejects %s", (_, bad) => {
    const bytes = new Uint8Array([0x7b, ...bad, 0x7d]);
    expect(errorsOf(parse(bytes))).toEqual([
      `x.json:1:2: invalid UTF-8 (byte 0x${bad[0]?.toString(16).toUpperCase()} at offset 1); save the file as UTF-8`,
    ]);
  });

  it("names UTF-32 and binary data", () => {
    const utf32 = new Uint8Array([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0, 0x7d, 0, 0, 0]);
    expect(errorsOf(parse(utf32))).toEqual(["x.json: the file is UTF-32; save it as UTF-8"]);
    const binary = new Uint8Array([0x7b, 0x22, 0x61, 0x00, 0x01, 0x02]);
    expect(errorsOf(parse(binary))).toEqual([
      "x.json: this is not a text file (found a NUL byte at offset 3)",
    ]);
  });

  it("tells a BOM-only file from an empty one", () => {
    expect(errorsOf(parse(new Uint8Array([0xef, 0xbb, 0xbf])))).toEqual([
      "x.json: the file contains only whitespace",
    ]);
  });
});

describe("files", () => {
  it("names the file as the caller gave it", () => {
    const loaded = loadArticleFile("tests/fixtures/invalid/null.json");
    expect(errorsOf(loaded)).toEqual([
      "tests/fixtures/invalid/null.json: the top level must be an object (found null)",
    ]);
  });

  it("says when there is no such file", () => {
    expect(errorsOf(loadArticleFile(join(tmp, "missing.json"), "missing.json"))).toEqual([
      "missing.json: no such file",
    ]);
    expect(errorsOf(loadArticleFile(`${validDir}minimal.json/x`, "m/x"))).toEqual([
      "m/x: no such file",
    ]);
  });

  it("says when it is given a folder", () => {
    expect(errorsOf(loadArticleFile(tmp, "dir"))).toEqual([
      "dir: this is a folder, not an article file",
    ]);
  });

  it.skipIf(process.getuid?.() === 0)("says when the file cannot be read", () => {
    const path = join(tmp, "locked.json");
    writeFileSync(path, JSON.stringify(minimal));
    chmodSync(path, 0o000);
    try {
      expect(errorsOf(loadArticleFile(path, "locked.json"))).toEqual([
        "locked.json: permission denied",
      ]);
    } finally {
      chmodSync(path, 0o644);
    }
  });

  it("keeps control characters in a file name out of messages", () => {
    const loaded = loadArticleFile(join(tmp, "nope.json"), "evil\u001b[2J\n.json");
    expect(errorsOf(loaded)).toEqual(["evil\u241B[2J .json: no such file"]);
    expect(loaded.file).toBe("evil\u001b[2J\n.json");
  });
});

describe("size limits and big inputs", () => {
  it("allows a 10 MB article", () => {
    expect(MAX_FILE_BYTES).toBeGreaterThan(12 * 1000 * 1000);
  });

  it("refuses a file over the limit from its size alone", () => {
    const path = join(tmp, "huge.json");
    writeFileSync(path, "");
    truncateSync(path, 40 * 1024 * 1024); // sparse: 40 MiB of NUL bytes
    const started = performance.now();
    const loaded = loadArticleFile(path, "huge.json");
    // Reading it would have reported the NUL bytes instead.
    expect(errorsOf(loaded)).toEqual(["huge.json: the file is 40.0 MB; the limit is 32 MB"]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("refuses an enormous file without trying to read it", () => {
    const path = join(tmp, "enormous.json");
    writeFileSync(path, "");
    try {
      truncateSync(path, 8 * 1024 ** 3);
    } catch {
      return; // this file system cannot hold a sparse 8 GiB file
    }
    const started = performance.now();
    expect(errorsOf(loadArticleFile(path, "enormous.json"))).toEqual([
      "enormous.json: the file is 8.0 GB; the limit is 32 MB",
    ]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("loads a file of exactly the limit's size if it is valid", () => {
    const base = JSON.stringify(minimal);
    const path = join(tmp, "at-limit.json");
    writeFileSync(path, base + " ".repeat(MAX_FILE_BYTES - base.length));
    expect(loadArticleFile(path).ok).toBe(true);
  });

  it("loads a 10 MB article", () => {
    const paragraph = "A sentence of ordinary prose, long enough to be a paragraph. ".repeat(30);
    const sections = Array.from({ length: 700 }, (_, i) => ({
      heading: `Part ${i}`,
      paragraphs: Array.from({ length: 9 }, () => paragraph),
    }));
    const path = join(tmp, "ten-mb.json");
    const json = JSON.stringify({ id: "big", title: "Big", sections });
    expect(json.length).toBeGreaterThan(9.5 * 1024 * 1024);
    writeFileSync(path, json);
    const article = articleOf(loadArticleFile(path));
    expect(article.sections).toHaveLength(700);
  });

  it("loads a 10,000-deep reply chain", () => {
    const comments = Array.from({ length: 10_000 }, (_, i) => ({
      id: `c${i}`,
      ...(i > 0 && { parentId: `c${i - 1}` }),
      paragraphs: [`reply ${i}`],
    }));
    const path = join(tmp, "chain.json");
    writeFileSync(path, JSON.stringify({ ...minimal, comments }));
    const article = articleOf(loadArticleFile(path));
    expect(article.comments).toHaveLength(10_000);
    expect(article.comments?.[9999]?.parentId).toBe("c9998");
  });

  it("loads a 1 MB paragraph with no spaces", () => {
    const word = "x".repeat(1024 * 1024);
    const path = join(tmp, "long-word.json");
    writeFileSync(path, JSON.stringify({ ...minimal, sections: [{ paragraphs: [word] }] }));
    expect(articleOf(loadArticleFile(path)).sections[0]?.paragraphs[0]).toHaveLength(word.length);
  });
});

describe("listArticles", () => {
  let dir: string;
  beforeAll(() => {
    dir = join(tmp, "library");
    mkdirSync(dir);
    for (const name of [
      "b.json",
      "a.json",
      "C.JSON",
      "article.schema.json",
      "notes.txt",
      ".#a.json",
    ]) {
      writeFileSync(join(dir, name), "{}");
    }
    mkdirSync(join(dir, "folder.json"));
    symlinkSync(join(dir, "a.json"), join(dir, "link.json"));
    symlinkSync(join(dir, "gone.json"), join(dir, "dangling.json"));
    mkdirSync(join(tmp, "empty"));
  });

  it("lists a folder's articles sorted by name, keeping the path as given", () => {
    expect(listArticles(dir)).toEqual({
      ok: true,
      files: ["C.JSON", "a.json", "b.json", "link.json"].map((name) => join(dir, name)),
    });
    expect(listArticles(`${dir}/`)).toEqual({
      ok: true,
      files: ["C.JSON", "a.json", "b.json", "link.json"].map((name) => `${dir}/${name}`),
    });
    const listing = listArticles("tests/fixtures/valid");
    expect(listing.ok && listing.files[0]).toBe("tests/fixtures/valid/bom.json");
  });

  it("returns a named file as it is, whatever its name", () => {
    expect(listArticles(join(dir, "notes.txt"))).toEqual({
      ok: true,
      files: [join(dir, "notes.txt")],
    });
  });

  it("says when the path is missing or the folder has no articles", () => {
    expect(listArticles(join(tmp, "nowhere"))).toEqual({
      ok: false,
      error: `${join(tmp, "nowhere")}: no such file or folder`,
    });
    expect(listArticles(join(tmp, "empty"))).toEqual({
      ok: false,
      error: `${join(tmp, "empty")}: no articles (*.json) in this folder`,
    });
  });
});

describe("readArticleStdin", () => {
  let script: string;
  beforeAll(() => {
    const bundle = join(tmp, "load.mjs");
    buildSync({
      entryPoints: [fileURLToPath(new URL("../../src/content/load.ts", import.meta.url))],
      bundle: true,
      platform: "node",
      format: "esm",
      outfile: bundle,
      logLevel: "silent",
    });
    script = `import { readArticleStdin } from ${JSON.stringify(pathToFileURL(bundle).href)};
const r = readArticleStdin();
process.stdout.write(JSON.stringify(r.ok ? { ok: true, file: r.file, id: r.article.id } : r));`;
  });

  function run(stdin: string | Buffer | number) {
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      ...(typeof stdin === "number" ? { stdio: [stdin, "pipe", "pipe"] } : { input: stdin }),
      maxBuffer: 1024 * 1024,
    });
    expect(result.stderr.toString()).toBe("");
    return JSON.parse(result.stdout.toString());
  }

  it("reads a piped article", () => {
    expect(run(JSON.stringify(minimal))).toEqual({ ok: true, file: "<stdin>", id: "a" });
  });

  it("names <stdin> in its messages", () => {
    expect(run("")).toEqual({ ok: false, file: "<stdin>", errors: ["<stdin>: the file is empty"] });
    expect(run("{,}")).toEqual({
      ok: false,
      file: "<stdin>",
      errors: ["<stdin>:1:2: expected a property name in double quotes but found ','"],
    });
  });

  it("stops reading a pipe at the limit", () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 0x20);
    expect(run(big)).toEqual({
      ok: false,
      file: "<stdin>",
      errors: ["<stdin>: the input is larger than the limit of 32 MB"],
    });
  });

  it("refuses a redirected file over the limit from its size", () => {
    const path = join(tmp, "stdin-huge.json");
    writeFileSync(path, "");
    truncateSync(path, 40 * 1024 * 1024);
    const fd = openSync(path, "r");
    try {
      expect(run(fd)).toEqual({
        ok: false,
        file: "<stdin>",
        errors: ["<stdin>: the file is 40.0 MB; the limit is 32 MB"],
      });
    } finally {
      closeSync(fd);
    }
  });
});
