// Finds where and why a text is not JSON, in words for someone editing the file by hand. Runs only
// after JSON.parse has failed (V8's messages often carry no position and name no cause).
import { lineColumn } from "./position.js";

export type JsonSyntaxError = { offset: number; message: string };

type Open = { kind: "{" | "["; offset: number };
type Expect = "value" | "firstItemOrEnd" | "firstKeyOrEnd" | "key" | "colon" | "afterValue";

const WORD_START = /[A-Za-z_$]/;
const WORD = /[A-Za-z0-9_$]*/y;
const SIMPLE_ESCAPES = '"\\/bfnrt';
const HEX4 = /[0-9A-Fa-f]{4}/y;

/**
 * The first syntax error in `text`, or undefined if it is valid JSON. Iterative (no recursion), so
 * deep nesting costs no stack; linear in the length of the text.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const n = text.length;
  const stack: Open[] = [];
  let expect: Expect = "value";
  let lastComma = -1;
  let i = 0;
  for (;;) {
    i = skipWhitespace(text, i);
    const top = stack[stack.length - 1];
    if (i >= n) {
      if (expect === "afterValue" && top === undefined) return undefined;
      if (top === undefined) return { offset: n, message: "the file has no JSON value in it" };
      const at = lineColumn(text, top.offset);
      const what = top.kind === "{" ? "object" : "array";
      return {
        offset: n,
        message: `unexpected end of file (the ${what} opened with '${top.kind}' at line ${at.line}, column ${at.column} is never closed)`,
      };
    }
    const c = text.charAt(i);
    if (c === "/" && (text.charAt(i + 1) === "/" || text.charAt(i + 1) === "*")) {
      return { offset: i, message: "comments are not allowed in JSON" };
    }
    switch (expect) {
      case "firstItemOrEnd":
      case "value": {
        if (c === "]" && expect === "firstItemOrEnd") {
          stack.pop();
          expect = "afterValue";
          i++;
          break;
        }
        if ((c === "]" || c === "}") && expect === "value") {
          if (lastComma >= 0 && top?.kind === "[" && c === "]") {
            return { offset: lastComma, message: "trailing comma before ']'" };
          }
          return { offset: i, message: `expected a value but found '${c}'` };
        }
        if (c === "{" || c === "[") {
          stack.push({ kind: c, offset: i });
          expect = c === "{" ? "firstKeyOrEnd" : "firstItemOrEnd";
          lastComma = -1;
          i++;
          break;
        }
        const scanned = scanValue(text, i);
        if (typeof scanned !== "number") return scanned;
        i = scanned;
        expect = "afterValue";
        break;
      }
      case "firstKeyOrEnd":
      case "key": {
        if (c === "}") {
          if (expect === "key") return { offset: lastComma, message: "trailing comma before '}'" };
          stack.pop();
          expect = "afterValue";
          i++;
          break;
        }
        if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== "number") return end;
          i = end;
          expect = "colon";
          break;
        }
        return { offset: i, message: badKey(text, i) };
      }
      case "colon": {
        if (c !== ":") return { offset: i, message: "expected ':' after the property name" };
        expect = "value";
        lastComma = -1;
        i++;
        break;
      }
      case "afterValue": {
        if (top === undefined) {
          return {
            offset: i,
            message: `unexpected ${describe(text, i)} after the end of the JSON`,
          };
        }
        const close = top.kind === "{" ? "}" : "]";
        if (c === ",") {
          lastComma = i;
          expect = top.kind === "{" ? "key" : "value";
          i++;
          break;
        }
        if (c === close) {
          stack.pop();
          i++;
          break;
        }
        if (top.kind === "{") {
          if (c === "]") {
            return { offset: i, message: "found ']' where '}' should close the object" };
          }
          return { offset: i, message: "expected ',' or '}' after a property value" };
        }
        if (c === "}") {
          return { offset: i, message: "found '}' where ']' should close the array" };
        }
        return { offset: i, message: "expected ',' or ']' after an array item" };
      }
    }
  }
}

/** The JSON whitespace characters: space, tab, LF and CR (nothing else). */
function skipWhitespace(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else return i;
  }
}

/** A string, number or word starting at `i`: the offset after it, or the error. */
function scanValue(text: string, i: number): number | JsonSyntaxError {
  const c = text.charAt(i);
  if (c === '"') return scanString(text, i);
  if (c === "-" || (c >= "0" && c <= "9")) return scanNumber(text, i);
  if (WORD_START.test(c)) {
    const word = readWord(text, i);
    if (word === "true" || word === "false" || word === "null") return i + word.length;
    return { offset: i, message: badWord(word) };
  }
  if (c === "'") {
    return { offset: i, message: "strings must be in double quotes (\"), not single quotes (')" };
  }
  if (c === "+") return { offset: i, message: "a number must not start with '+'" };
  if (c === ".") return { offset: i, message: "a number must start with a digit (0.5, not .5)" };
  if (isCurlyQuote(c)) return { offset: i, message: curlyQuote(c) };
  return { offset: i, message: `expected a value but found ${describe(text, i)}` };
}

function scanString(text: string, start: number): number | JsonSyntaxError {
  const n = text.length;
  let i = start + 1;
  for (;;) {
    if (i >= n) return { offset: start, message: "unterminated string (the file ends inside it)" };
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c === 92) {
      const e = text.charAt(i + 1);
      if (e === "")
        return { offset: start, message: "unterminated string (the file ends inside it)" };
      if (SIMPLE_ESCAPES.includes(e)) {
        i += 2;
        continue;
      }
      if (e === "u") {
        HEX4.lastIndex = i + 2;
        if (!HEX4.test(text)) {
          return { offset: i, message: "\\u must be followed by four hex digits, as in \\u00e9" };
        }
        i += 6;
        continue;
      }
      const shown = isPrintableAscii(e) ? `'\\${e}'` : `'\\' followed by ${codePoint(text, i + 1)}`;
      return {
        offset: i,
        message: `invalid escape ${shown} in a string (a backslash itself is written \\\\)`,
      };
    }
    if (c === 10 || c === 13) {
      return {
        offset: start,
        message:
          "unterminated string (a string must end on the line it starts on; write \\n for a line break)",
      };
    }
    if (c < 0x20) {
      const written = c === 9 ? "\\t" : `\\u${c.toString(16).padStart(4, "0")}`;
      return {
        offset: i,
        message: `control character ${codePoint(text, i)} inside a string (write it as ${written})`,
      };
    }
    i++;
  }
}

function scanNumber(text: string, start: number): number | JsonSyntaxError {
  let i = start;
  if (text.charAt(i) === "-") {
    i++;
    if (!isDigit(text, i)) {
      const word = WORD_START.test(text.charAt(i)) ? readWord(text, i) : "";
      if (word === "Infinity")
        return { offset: start, message: "-Infinity is not allowed in JSON" };
      return { offset: i, message: "expected a digit after '-'" };
    }
  }
  if (text.charAt(i) === "0") {
    i++;
    if (isDigit(text, i)) {
      return { offset: start, message: "a number must not start with 0 (write 7, not 07)" };
    }
  } else {
    while (isDigit(text, i)) i++;
  }
  if (text.charAt(i) === ".") {
    i++;
    if (!isDigit(text, i))
      return { offset: i, message: "expected a digit after the decimal point" };
    while (isDigit(text, i)) i++;
  }
  const e = text.charAt(i);
  if (e === "e" || e === "E") {
    i++;
    const sign = text.charAt(i);
    if (sign === "+" || sign === "-") i++;
    if (!isDigit(text, i)) return { offset: i, message: "expected a digit in the exponent" };
    while (isDigit(text, i)) i++;
  }
  return i;
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function readWord(text: string, i: number): string {
  WORD.lastIndex = i;
  WORD.test(text);
  return text.slice(i, WORD.lastIndex);
}

function badWord(word: string): string {
  if (word === "NaN" || word === "Infinity") return `${word} is not allowed in JSON`;
  if (word === "undefined") {
    return "undefined is not allowed in JSON (use null, or leave the property out)";
  }
  const lower = word.toLowerCase();
  if (lower === "true" || lower === "false" || lower === "null") {
    return `${word} is not a JSON value (write ${lower}, in lowercase)`;
  }
  if (word === "None" || word === "nil") return `${word} is not a JSON value (write null)`;
  return `expected a value but found the word ${shorten(word)} (text must be in double quotes)`;
}

function badKey(text: string, i: number): string {
  const c = text.charAt(i);
  if (c === "'") return "property names must be in double quotes (\"), not single quotes (')";
  if (isCurlyQuote(c)) return curlyQuote(c);
  if (WORD_START.test(c)) {
    return `property names must be in double quotes (found ${shorten(readWord(text, i))})`;
  }
  return `expected a property name in double quotes but found ${describe(text, i)}`;
}

function isCurlyQuote(c: string): boolean {
  return c === "\u201C" || c === "\u201D" || c === "\u2018" || c === "\u2019";
}

function curlyQuote(c: string): string {
  return `found a typographic quote ${c}; JSON needs straight double quotes (")`;
}

function shorten(word: string): string {
  return word.length > 40 ? `${word.slice(0, 40)}…` : word;
}

function isPrintableAscii(c: string): boolean {
  return c.length === 1 && c >= "!" && c <= "~";
}

/** The character at `i` for a message: 'x' if printable ASCII, else its code point (U+00A0). */
function describe(text: string, i: number): string {
  const c = text.charAt(i);
  return isPrintableAscii(c) ? `'${c}'` : `character ${codePoint(text, i)}`;
}

function codePoint(text: string, i: number): string {
  const cp = text.codePointAt(i) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * The fallback when the scanner finds nothing (it should not happen): V8's own message, made
 * lowercase, with its "at position N" turned into an offset.
 */
export function fromV8Message(message: string): { offset?: number; message: string } {
  const position = /\s*(?:in JSON )?at position (\d+)/.exec(message);
  const text = (position ? message.slice(0, position.index) : message).replace(/ in JSON$/, "");
  const lowered = text.charAt(0).toLowerCase() + text.slice(1);
  return position ? { offset: Number(position[1]), message: lowered } : { message: lowered };
}
