// zod's issues about an article → one-line messages a person can act on, each "place: problem",
// such as `sections[2].heading: must be a string (found a number)`.
import type * as z from "zod/mini";
import { $ZodArray, $ZodObject, $ZodOptional } from "zod/v4/core";
import { describeValue, formatPath, quote, shorten } from "./describe.js";
import { sanitizeLine } from "./sanitize.js";
import { articleSchema } from "./schema.js";

type Issue = z.core.$ZodIssue;
type Key = PropertyKey;

export { describeValue, formatPath, quote };

export type Problem = { path: string; message: string };

const MAX_MESSAGE = 300;

/**
 * One problem per issue (and per unknown key), in zod's order. `input` is the parsed JSON. A
 * missing key that an unknown key looks like a typo of is not reported twice: "titel" is told
 * "did you mean title?" and "title: is required" is left out.
 */
export function describeIssues(issues: readonly Issue[], input: unknown): Problem[] {
  const typos = new Set<string>();
  const unknown = new Map<Issue, Problem[]>();
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const path = issue.path as Key[];
    const present = valueAt(input, path);
    const allowed = allowedKeys(path).filter(
      (key) => !(isRecord(present) && Object.hasOwn(present, key)),
    );
    const problems: Problem[] = [];
    for (const key of issue.keys) {
      const guess = suggest(key, allowed);
      if (guess !== undefined) typos.add(JSON.stringify([...path, guess]));
      problems.push({
        path: formatPath([...path, key]),
        message: `unknown key ${quote(key)}${guess === undefined ? "" : ` (did you mean ${quote(guess)}?)`}`,
      });
    }
    unknown.set(issue, problems);
  }
  const problems: Problem[] = [];
  for (const issue of issues) {
    const listed = unknown.get(issue);
    if (listed !== undefined) {
      problems.push(...listed);
      continue;
    }
    const path = issue.path as Key[];
    const missing = issue.code === "invalid_type" && valueAt(input, path) === undefined;
    if (missing && typos.has(JSON.stringify(path))) continue;
    problems.push({ path: formatPath(path), message: describeIssue(issue, input) });
  }
  return problems;
}

function describeIssue(issue: Issue, input: unknown): string {
  if (issue.code === "invalid_type") {
    const found = valueAt(input, issue.path as Key[]);
    if (found === undefined) return "is required";
    return `must be ${expected(issue.expected)} (found ${describeValue(found)})`;
  }
  // The schema's own messages (slug, URL, date, non-empty, comment ids) already read well.
  const text = sanitizeLine(issue.message.slice(0, 2 * MAX_MESSAGE + 4));
  const message = /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
  return shorten(message, MAX_MESSAGE);
}

function expected(type: string): string {
  switch (type) {
    case "object":
    case "array":
      return `an ${type}`;
    case "string":
    case "number":
      return `a ${type}`;
    case "boolean":
      return "true or false";
    default:
      return type;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function valueAt(input: unknown, path: readonly Key[]): unknown {
  let value = input;
  for (const key of path) {
    if (Array.isArray(value) && typeof key === "number") value = value[key];
    else if (isRecord(value) && typeof key === "string" && Object.hasOwn(value, key)) {
      value = value[key];
    } else return undefined;
  }
  return value;
}

/** The keys the schema allows in the object at `path`, in the schema's order. */
function allowedKeys(path: readonly Key[]): string[] {
  let schema: unknown = articleSchema;
  for (const key of path) {
    schema = unwrap(schema);
    if (schema instanceof $ZodArray && typeof key === "number") schema = schema._zod.def.element;
    else if (schema instanceof $ZodObject && typeof key === "string") {
      schema = (schema._zod.def.shape as Record<string, unknown>)[key];
    } else return [];
  }
  schema = unwrap(schema);
  return schema instanceof $ZodObject ? Object.keys(schema._zod.def.shape) : [];
}

function unwrap(schema: unknown): unknown {
  let s = schema;
  while (s instanceof $ZodOptional) s = s._zod.def.innerType;
  return s;
}

/** The allowed key closest to `key` by edit distance, if it is close enough to be a typo. */
export function suggest(key: string, allowed: readonly string[]): string | undefined {
  // A typo is within 3 edits, so no longer than the longest allowed key plus 3 (and a few "_").
  const longest = Math.max(0, ...allowed.map((a) => a.length));
  if (key.length > 2 * longest + 3) return undefined;
  const wanted = normalise(key);
  const limit = Math.max(1, Math.min(3, Math.floor(wanted.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of allowed) {
    const d = editDistance(wanted, normalise(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Case, "_" and "-" do not count: Title, parent_id and posted-at are near misses. */
function normalise(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, "");
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3 || a.length > 64 || b.length > 64) return 99;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j] as number;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = v;
    }
  }
  return at(a.length, b.length);
}
