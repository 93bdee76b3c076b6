// The fast check must give zod's answer, always: over every fixture, the seed, and random
// mutations of valid articles (a key renamed or dropped, a value replaced by another type, an
// empty string or array, a bad date, slug or url, a reply to a later or missing comment).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidArticle } from "../../src/content/fast-check.js";
import { articleSchema } from "../../src/content/schema.js";

const root = join(import.meta.dirname, "..", "..");
const agree = (data: unknown) =>
  expect(isValidArticle(data), JSON.stringify(data)?.slice(0, 300)).toBe(
    articleSchema.safeParse(data).success,
  );

function jsonFiles(dir: string): unknown[] {
  const out: unknown[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".json")) continue;
    try {
      out.push(JSON.parse(readFileSync(join(dir, name), "utf8").replace(/^\uFEFF/, "")));
    } catch {
      // Not JSON: the fast check never sees it.
    }
  }
  return out;
}

const base = JSON.parse(
  readFileSync(join(root, "tests", "fixtures", "threads", "long-discussion.json"), "utf8"),
);

/** Every path to a value inside `value`, as keys. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) out.push(...paths(value[i], [...prefix, i]));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

function at(value: unknown, path: (string | number)[]): unknown {
  let v = value as Record<string | number, unknown>;
  for (const k of path) v = v[k] as Record<string | number, unknown>;
  return v;
}

const REPLACEMENTS: unknown[] = [
  "",
  "x",
  "Not A Slug",
  "2012-13-01",
  "2012-02-24T18:45",
  "javascript:alert(1)",
  "https://example.org/",
  0,
  1.5,
  true,
  null,
  [],
  ["x"],
  [""],
  {},
  { name: "n" },
  { paragraphs: ["p"] },
  { id: "c1", paragraphs: ["p"] },
  "c1",
  "c26",
  "__proto__",
];

describe("the fast validity check", () => {
  it("agrees with zod on every fixture and the bundled article", () => {
    const files = [
      ...jsonFiles(join(root, "tests", "fixtures", "invalid")),
      ...jsonFiles(join(root, "tests", "fixtures", "valid")),
      ...jsonFiles(join(root, "tests", "fixtures", "threads")),
      ...jsonFiles(join(root, "content")).filter((d) => !(d as { $id?: string }).$id),
    ];
    expect(files.length).toBeGreaterThan(20);
    for (const data of files) agree(data);
    expect(isValidArticle(base)).toBe(true);
  });

  it("agrees with zod when one value is replaced, a key dropped, renamed or added", () => {
    const all = paths(base);
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.constantFrom(...REPLACEMENTS),
        fc.constantFrom("replace", "drop", "rename", "add"),
        (path, replacement, how) => {
          const data = structuredClone(base);
          if (path.length === 0) {
            agree(how === "replace" ? replacement : data);
            return;
          }
          const parent = at(data, path.slice(0, -1)) as Record<string | number, unknown>;
          const key = path[path.length - 1] as string | number;
          if (how === "replace") parent[key] = structuredClone(replacement);
          else if (how === "drop") {
            if (Array.isArray(parent)) parent.splice(key as number, 1);
            else delete parent[key];
          } else if (how === "rename" && !Array.isArray(parent)) {
            parent[`${String(key)}x`] = parent[key];
            delete parent[key];
          } else if (how === "add" && !Array.isArray(parent)) {
            parent.extra = structuredClone(replacement);
          } else if (Array.isArray(parent)) {
            parent.push(structuredClone(replacement));
          }
          agree(data);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("agrees on a JSON __proto__ key, and on the thread rules", () => {
    agree(JSON.parse('{"id":"a","title":"t","sections":[{"paragraphs":["p"]}],"__proto__":{}}'));
    const reply = structuredClone(base);
    reply.comments[0].parentId = reply.comments[5].id; // a reply to a later comment
    agree(reply);
    const twice = structuredClone(base);
    twice.comments[3].id = twice.comments[1].id;
    agree(twice);
  });
});
