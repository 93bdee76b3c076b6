// Naming things from an article file in a message, without zod: a JSON value's kind, a place in
// the file (`sections[2].heading`), a quoted key, a long text cut between graphemes. Used on the
// way every file is read (duplicate-keys.ts), so it stays off the schema's module (issues.ts).
import { sanitizeLine } from "./sanitize.js";

type Key = PropertyKey;

const MAX_QUOTED = 60;
/** A place (`comments[3].paragraphs[0]`) longer than this is cut: its keys come from the file. */
const MAX_PATH = 160;

// Made on first use: creating a segmenter loads ICU data (~15 ms of start-up).
let segmenter: Intl.Segmenter | undefined;
const graphemes = {
  segment(text: string): Intl.Segments {
    segmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" });
    return segmenter.segment(text);
  },
};

/**
 * At most `max` UTF-16 units of `text`, cut between graphemes (never inside an emoji) and marked
 * with an ellipsis. Only the first `max` + 2 units are segmented: they decide every boundary up
 * to `max`, and segmenting a string of millions of characters takes seconds.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { index, segment } of graphemes.segment(text.slice(0, max + 2))) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end)}…`;
}

/** How a JSON value is named in a message: "a string", "an array", "null", "true". */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return String(value);
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}

/** `title`, `sections[2].heading`, `["odd key"]`; the root is `(top level)`. */
export function formatPath(path: readonly Key[]): string {
  if (path.length === 0) return "(top level)";
  let out = "";
  for (const key of path) {
    if (out.length > MAX_PATH) break;
    if (typeof key === "number") out += `[${key}]`;
    else if (
      typeof key === "string" &&
      key.length <= MAX_QUOTED &&
      /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)
    ) {
      out += out === "" ? key : `.${key}`;
    } else out += `[${quote(String(key))}]`;
  }
  return shorten(out, MAX_PATH);
}

/** A string from the file, quoted for a message: neutralised, on one line, not too long. */
export function quote(text: string): string {
  // Only a prefix is looked at (a key can be megabytes long): enough for MAX_QUOTED even if
  // every CR LF in it becomes one space.
  const prefix = text.length > 2 * MAX_QUOTED + 4 ? text.slice(0, 2 * MAX_QUOTED + 4) : text;
  const safe = sanitizeLine(prefix).replace(/["\\]/g, (c) => `\\${c}`);
  return `"${shorten(safe, MAX_QUOTED)}"`;
}
