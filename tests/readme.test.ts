// The README's key list is generated from the key table; `npm run readme` rewrites it.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keysMarkdown } from "../src/state/keymap.js";

const file = join(import.meta.dirname, "..", "README.md");
const START = "<!-- keys:start (generated from src/state/keymap.ts by npm run readme) -->";
const END = "<!-- keys:end -->";

describe("README.md", () => {
  it("lists the keys exactly as the key table has them", () => {
    const readme = readFileSync(file, "utf8");
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const expected = `${readme.slice(0, start + START.length)}\n${keysMarkdown()}\n${readme.slice(end)}`;
    if (process.env.UPDATE_README === "1") writeFileSync(file, expected);
    expect(readFileSync(file, "utf8")).toBe(expected);
  });

  it("names the test command that CI runs", () => {
    const readme = readFileSync(file, "utf8");
    const ci = readFileSync(join(import.meta.dirname, "..", ".ci", "run"), "utf8");
    expect(readme).toContain("npm test");
    expect(ci).toContain("npm test");
  });
});
