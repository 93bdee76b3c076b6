// Duplicate keys in an object (`"title": "FIRST", "title": "SECOND"`): JSON.parse keeps the last
// one silently, so a file would not say what it seems to. Finding them costs one pass over the
// quotes of the text, counting the keys written there, against the members JSON.parse produced
// (equal in every file without duplicates); only a file where the counts differ is scanned again,
// slowly, to name each duplicate and where it is. Runs only on text JSON.parse has accepted.
// Measured on the bench's 10 MB article (95,200 keys): ~20 ms on first use, ~15 ms warm.
import { quote } from "./describe.js";
import { lineColumn } from "./position.js";

export type DuplicateKey = { key: string; offset: number; firstOffset: number };

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The index of the quote that closes the string opened at `open`. */
function closingQuote(text: string, open: number): number {
  let j = open;
  for (;;) {
    j = text.indexOf('"', j + 1);
    if (j < 0) return text.length;
    let k = j - 1;
    while (text.charCodeAt(k) === 92) k--;
    if ((j - 1 - k) % 2 === 0) return j; // preceded by an even number of backslashes
  }
}

/** The index of the first character after `from` that is not JSON whitespace. */
function skipSpace(text: string, from: number): number {
  let i = from;
  while (isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** How many keys the text writes: strings followed by a colon. */
function countKeys(text: string): number {
  let keys = 0;
  let i = text.indexOf('"');
  while (i >= 0) {
    const close = closingQuote(text, i);
    const after = skipSpace(text, close + 1);
    if (text.charCodeAt(after) === 58) keys++;
    i = text.indexOf('"', after);
  }
  return keys;
}

/** How many members the objects of a parsed value have in all (no recursion: any depth). */
function countMembers(data: unknown): number {
  let members = 0;
  const stack: object[] = [];
  if (typeof data === "object" && data !== null) stack.push(data);
  while (stack.length > 0) {
    const value = stack.pop() as Record<string, unknown> | unknown[];
    if (Array.isArray(value)) {
      // An article's arrays hold only objects (sections, comments) or only strings (paragraphs):
      // one that starts with a string is not walked. Should it hold an object after all, the
      // count falls short and the exact scan decides: never a wrong answer, only a slower one.
      if (typeof value[0] === "string") continue;
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (typeof item === "object" && item !== null) stack.push(item);
      }
      continue;
    }
    // for…in: no array of keys made per object; JSON.parse's objects inherit nothing enumerable.
    for (const key in value) {
      members++;
      const item = value[key];
      if (typeof item === "object" && item !== null) stack.push(item);
    }
  }
  return members;
}

/** Every key written twice in one object, in the order of the text, at most `max` of them. */
function scanDuplicates(text: string, max: number): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  // One entry per open object (its keys and where each first appears) or array (undefined).
  const stack: (Map<string, number> | undefined)[] = [];
  let i = 0;
  while (i < text.length && found.length < max) {
    const c = text.charCodeAt(i);
    if (c === 123) stack.push(new Map());
    else if (c === 91) stack.push(undefined);
    else if (c === 125 || c === 93) stack.pop();
    else if (c === 34) {
      const close = closingQuote(text, i);
      const after = skipSpace(text, close + 1);
      const keys = stack[stack.length - 1];
      if (text.charCodeAt(after) === 58 && keys) {
        const raw = text.slice(i, close + 1);
        const key = raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        const first = keys.get(key);
        if (first === undefined) keys.set(key, i);
        else found.push({ key, offset: i, firstOffset: first });
      }
      i = after;
      continue;
    }
    i++;
  }
  return found;
}

/** The keys of `text` that an object holds twice; `data` is what JSON.parse made of `text`. */
export function findDuplicateKeys(text: string, data: unknown, max = 5): DuplicateKey[] {
  if (countKeys(text) === countMembers(data)) return [];
  return scanDuplicates(text, max);
}

/**
 * One line per duplicate key, as the loader reports problems: `x.json:9:3: duplicate key
 * "title" (also at line 2, column 3; JSON keeps only the last)`. `name` is the sanitized file name.
 */
export function describeDuplicates(name: string, text: string, data: unknown): string[] {
  return findDuplicateKeys(text, data).map(({ key, offset, firstOffset }) => {
    const at = lineColumn(text, offset);
    const first = lineColumn(text, firstOffset);
    return `${name}:${at.line}:${at.column}: duplicate key ${quote(key)} (also at line ${first.line}, column ${first.column}; JSON keeps only the last)`;
  });
}
