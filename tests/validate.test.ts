// `lectern validate`: "ok <file>" for good files, "lectern: …" lines for problems, status 0 or 1.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runValidate } from "../src/validate.js";

const valid = "tests/fixtures/valid";
const invalid = "tests/fixtures/invalid";

function validate(...paths: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = runValidate(
    paths,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { status, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), "lectern-validate-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("runValidate", () => {
  it("prints ok for each valid file and returns 0", () => {
    const result = validate(valid);
    const names = readdirSync(valid).sort();
    expect(result).toEqual({ status: 0, out: names.map((n) => `ok ${valid}/${n}`), err: [] });
  });

  it("reports every file of the invalid folder and returns 1", () => {
    const result = validate(invalid);
    expect(result.status).toBe(1);
    expect(result.out).toEqual([]);
    for (const name of readdirSync(invalid)) {
      const path = `${invalid}/${name}`;
      expect(result.err.some((line) => line.startsWith(`lectern: ${path}:`))).toBe(true);
    }
    for (const line of result.err) {
      expect(line).toMatch(/^lectern: tests\/fixtures\/invalid\/[^/]+\.json:/);
      expect(line).not.toContain("\n");
      // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting that none get through
      expect(line).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
    }
  });

  it("checks named files as well as folders, and keeps going after a bad one", () => {
    const result = validate(`${invalid}/null.json`, `${valid}/minimal.json`);
    expect(result).toEqual({
      status: 1,
      out: [`ok ${valid}/minimal.json`],
      err: [`lectern: ${invalid}/null.json: the top level must be an object (found null)`],
    });
  });

  it("returns 1 for a missing path", () => {
    expect(validate(`${valid}/minimal.json`, "no/such/place.json")).toEqual({
      status: 1,
      out: [`ok ${valid}/minimal.json`],
      err: ["lectern: no/such/place.json: no such file or folder"],
    });
  });

  it("returns 1 for a folder with no articles", () => {
    const empty = join(tmp, "empty");
    mkdirSync(empty);
    expect(validate(empty)).toEqual({
      status: 1,
      out: [],
      err: [`lectern: ${empty}: no articles (*.json) in this folder`],
    });
  });

  it("returns 1 when given nothing to check", () => {
    expect(validate()).toEqual({
      status: 1,
      out: [],
      err: ["lectern: nothing to validate (name article files or folders)"],
    });
  });
});
