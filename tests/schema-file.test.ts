// The published JSON Schema must be exactly what the zod schema generates.
// `npm run schema` rewrites content/article.schema.json after a change to src/content/schema.ts.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { articleJsonSchema } from "../src/content/json-schema.js";

const file = join(import.meta.dirname, "..", "content", "article.schema.json");
const generated = `${JSON.stringify(articleJsonSchema(), null, 2)}\n`;

describe("content/article.schema.json", () => {
  it("is what the zod schema generates", () => {
    if (process.env.UPDATE_SCHEMA === "1") writeFileSync(file, generated);
    expect(readFileSync(file, "utf8")).toBe(generated);
  });

  it("rejects unknown keys and requires id, title and sections", () => {
    const schema = articleJsonSchema() as { additionalProperties?: unknown; required?: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(["id", "title", "sections"]));
  });
});
