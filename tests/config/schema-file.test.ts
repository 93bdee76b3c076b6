// The published config.schema.json must be exactly what the config's zod schema generates
// (`npm run schema` rewrites it), and must agree with the program on which files are good: a
// small checker for the parts of JSON Schema the file uses reads sample configs with it.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { configJsonSchema } from "../../src/config/json-schema.js";
import { parseConfig } from "../../src/config/parse.js";
import { configPath } from "../../src/config/settings.js";
import { configTemplate } from "../../src/config/template.js";

const file = join(import.meta.dirname, "..", "..", "config.schema.json");
const generated = `${JSON.stringify(configJsonSchema(), null, 2)}\n`;

type Schema = Record<string, unknown>;

/** Whether `value` satisfies `schema` (type, enum, properties, additionalProperties, anyOf, items, bounds). */
function accepts(schema: Schema, value: unknown): boolean {
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Schema[]).some((s) => accepts(s, value));
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  switch (schema.type) {
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "integer":
      return (
        Number.isInteger(value) &&
        (schema.minimum === undefined || (value as number) >= (schema.minimum as number)) &&
        (schema.maximum === undefined || (value as number) <= (schema.maximum as number))
      );
    case "array":
      return Array.isArray(value) && value.every((v) => accepts(schema.items as Schema, v));
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      return Object.entries(value).every(([k, v]) =>
        properties[k] ? accepts(properties[k], v) : schema.additionalProperties !== false,
      );
    }
    default:
      return true;
  }
}

const uncommented = configTemplate(configPath())
  .split("\n")
  .map((line) => (/^# (\[keys\.|[a-z-]+ = )/.test(line) ? line.slice(2) : line))
  .join("\n");

const SAMPLES = [
  uncommented,
  'theme = "light"\nmouse = true\n[keys.article]\nline-down = ["down", "n"]\n',
  "width = 100\n",
  'theme = "lite"\n',
  "widht = 90\n",
  "width = 5\n",
  'mouse = "yes"\n',
  "[keys.article]\nline-dwn = []\n",
  "[keys.paen]\n",
  "[keys.article]\nline-down = 3\n",
];

describe("config.schema.json", () => {
  it("is what the zod schema generates", () => {
    if (process.env.UPDATE_SCHEMA === "1") writeFileSync(file, generated);
    expect(readFileSync(file, "utf8")).toBe(generated);
  });

  it.each(SAMPLES.map((s) => [s.split("\n")[0], s]))(
    "agrees with lectern on %s",
    (_first, text) => {
      const schema = JSON.parse(readFileSync(file, "utf8")) as Schema;
      // Key names and clashes are beyond a schema; these samples have none of those problems.
      expect(accepts(schema, parse(text))).toBe(parseConfig(text, "config.toml").ok);
    },
  );
});
