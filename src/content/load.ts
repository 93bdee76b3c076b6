// Loading articles: file, folder or stdin → bytes → text → JSON → schema → sanitized Article, or
// one-line messages naming the file and the place ("x.json:12:5: …"). Never throws.
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { sep } from "node:path";
import { foreignShape, isUnknownShape, SHAPE_NAMES, UNKNOWN_SHAPE } from "../import/shape.js";
import { decodeArticleBytes } from "./decode.js";
import { describeValue } from "./describe.js";
import { describeDuplicates } from "./duplicate-keys.js";
import type { checkArticle } from "./explain.js";
import { isValidArticle } from "./fast-check.js";
import { findJsonSyntaxError, fromV8Message } from "./json-error.js";
import { lineColumn } from "./position.js";
import { sanitizeArticle, sanitizeLine } from "./sanitize.js";
import type { Article } from "./schema.js";

/** Files larger than this are refused before they are read. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/**
 * An article, with `notices` when it was imported from another shape and something was left out;
 * or messages. `foreign` holds parsed JSON of a known foreign shape whose importer was not yet
 * loaded, `unchecked` a file the fast check turned down before the schema was loaded (see
 * finishImports, which finishes both).
 */
export type Loaded =
  | { ok: true; file: string; article: Article; notices?: string[] }
  | {
      ok: false;
      file: string;
      errors: string[];
      foreign?: unknown;
      unchecked?: { name: string; text: string; data: unknown };
    };

type Importer = (data: unknown, file: string) => Loaded;
let importer: Importer | undefined;

/** Loads the importers of foreign JSON (a chunk of its own); afterwards loading maps such files. */
export async function loadImporters(): Promise<void> {
  importer ??= (await import("../import/index.js")).importForeign;
}

let check: typeof checkArticle | undefined;

/**
 * Loads the schema (zod, a chunk of its own) that explains why a file is not a valid article;
 * afterwards parseArticle gives the full explanation at once. Valid files never need it.
 */
export async function loadChecks(): Promise<void> {
  check ??= (await import("./explain.js")).checkArticle;
}

/**
 * Entries of a foreign shape imported, and entries the fast check turned down explained
 * (loading the importers or the schema only if some entry needs them).
 */
export async function finishImports(entries: Loaded[]): Promise<Loaded[]> {
  const pending = (e: Loaded) => !e.ok && (e.foreign !== undefined || e.unchecked !== undefined);
  if (!entries.some(pending)) return entries;
  if (entries.some((e) => !e.ok && e.foreign !== undefined)) await loadImporters();
  if (entries.some((e) => !e.ok && e.unchecked !== undefined)) await loadChecks();
  return entries.map((e) => {
    if (e.ok) return e;
    if (e.foreign !== undefined) return (importer as Importer)(e.foreign, e.file);
    if (e.unchecked !== undefined) return explained(e.unchecked, e.file);
    return e;
  });
}

/** The schema's verdict on a file the fast check turned down (loadChecks has run). */
function explained(what: { name: string; text: string; data: unknown }, file: string): Loaded {
  const verdict = (check as typeof checkArticle)(what.name, what.text, what.data);
  return verdict.ok
    ? { ok: true, file, article: sanitizeArticle(verdict.article) }
    : { ok: false, file, errors: verdict.errors };
}

export type Listing = { ok: true; files: string[] } | { ok: false; error: string };

const ONLY_WHITESPACE = /^[ \t\r\n]*$/;

/** Bytes of an article → the sanitized Article, or messages. `file` names it in the messages. */
export function parseArticle(bytes: Uint8Array, file: string): Loaded {
  const name = sanitizeLine(file);
  const fail = (...errors: string[]): Loaded => ({ ok: false, file, errors });
  try {
    const decoded = decodeArticleBytes(bytes);
    if (!decoded.ok) {
      const place = decoded.at ? `${name}:${decoded.at.line}:${decoded.at.column}` : name;
      return fail(`${place}: ${decoded.message}`);
    }
    const text = decoded.text;
    if (ONLY_WHITESPACE.test(text)) return fail(`${name}: the file contains only whitespace`);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return fail(syntaxError(name, text, error));
    }
    // Most files are valid: the fast check says so cheaply; zod explains the others.
    if (isValidArticle(data)) {
      // Reported like unknown keys: JSON.parse would otherwise keep the last one silently.
      const duplicates = describeDuplicates(name, text, data);
      if (duplicates.length > 0) return fail(...duplicates);
      return { ok: true, file, article: sanitizeArticle(data) };
    }
    const shape = foreignShape(data);
    if (shape !== undefined) {
      if (importer) return importer(data, file);
      return {
        ok: false,
        file,
        errors: [`${name}: ${SHAPE_NAMES[shape]} (not imported)`],
        foreign: data,
      };
    }
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      return fail(`${name}: the top level must be an object (found ${describeValue(data)})`);
    }
    if (isUnknownShape(data)) return fail(`${name}: ${UNKNOWN_SHAPE}`);
    const unchecked = { name, text, data };
    if (check) return explained(unchecked, file);
    // finishImports loads the schema and explains; until then, the short form.
    return { ok: false, file, errors: [`${name}: not a valid article`], unchecked };
  } catch (error) {
    return fail(`${name}: could not be loaded (${describeError(error)})`);
  }
}

function syntaxError(name: string, text: string, error: unknown): string {
  const found: { offset?: number; message: string } =
    findJsonSyntaxError(text) ??
    fromV8Message(error instanceof Error ? error.message : String(error));
  const message = sanitizeLine(found.message);
  if (found.offset === undefined) return `${name}: ${message}`;
  const at = lineColumn(text, found.offset);
  return `${name}:${at.line}:${at.column}: ${message}`;
}

/** Read and parse one file. `display` (default: `path` as given) names it in messages. */
export function loadArticleFile(path: string, display: string = path): Loaded {
  const name = sanitizeLine(display);
  const fail = (message: string): Loaded => ({
    ok: false,
    file: display,
    errors: [`${name}: ${message}`],
  });
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    return fail(fileError(error));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return fail("this is a folder, not an article file");
    if (stat.isFile()) {
      if (stat.size > MAX_FILE_BYTES) return fail(tooLarge(stat.size));
      return parseArticle(readExactly(fd, stat.size), display);
    }
    // A pipe or device (/dev/stdin, <(…)): its size is unknown until it ends.
    const bytes = readToEnd(fd);
    if (bytes === undefined) return fail(tooLarge());
    return parseArticle(bytes, display);
  } catch (error) {
    return fail(fileError(error));
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Nothing useful to say: the content was read or the error already reported.
    }
  }
}

/** Read all of standard input (synchronously) and parse it, named "<stdin>" in messages. */
export function readArticleStdin(): Loaded {
  const file = "<stdin>";
  const fail = (message: string): Loaded => ({ ok: false, file, errors: [`${file}: ${message}`] });
  try {
    const stat = fstatSync(0);
    if (stat.isFile() && stat.size > MAX_FILE_BYTES) return fail(tooLarge(stat.size));
    const bytes = readToEnd(0);
    if (bytes === undefined) return fail(tooLarge());
    return parseArticle(bytes, file);
  } catch (error) {
    return fail(fileError(error));
  }
}

/** A file → itself; a folder → its articles (*.json except *.schema.json), sorted by name. */
export function listArticles(path: string): Listing {
  const name = sanitizeLine(path);
  try {
    const stat = statSync(path);
    if (!stat.isDirectory()) return { ok: true, files: [path] };
    const prefix = path.endsWith("/") || path.endsWith(sep) ? path : `${path}${sep}`;
    const files: string[] = [];
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const lower = entry.name.toLowerCase();
      // Hidden files include editors' lock and backup files (".#x.json").
      if (
        entry.name.startsWith(".") ||
        !lower.endsWith(".json") ||
        lower.endsWith(".schema.json")
      ) {
        continue;
      }
      const full = `${prefix}${entry.name}`;
      if (entry.isFile() || (entry.isSymbolicLink() && isFile(full))) files.push(full);
    }
    if (files.length === 0)
      return { ok: false, error: `${name}: no articles (*.json) in this folder` };
    files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { ok: true, files };
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") {
      return { ok: false, error: `${name}: no such file or folder` };
    }
    return { ok: false, error: `${name}: ${fileError(error)}` };
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readExactly(fd: number, size: number): Uint8Array {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const got = readSync(fd, buffer, filled, size - filled, null);
    if (got === 0) break; // the file shrank since fstat
    filled += got;
  }
  return buffer.subarray(0, filled);
}

const CHUNK = 1024 * 1024;

/** Everything until end of input, or undefined once it passes MAX_FILE_BYTES. */
function readToEnd(fd: number): Uint8Array | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  let chunk = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  for (;;) {
    if (used === CHUNK) {
      chunks.push(chunk);
      chunk = Buffer.allocUnsafe(CHUNK);
      used = 0;
    }
    let got: number;
    try {
      got = readSync(fd, chunk, used, CHUNK - used, null);
    } catch (error) {
      const code = errorCode(error);
      if (code === "EAGAIN") {
        // A non-blocking pipe with nothing in it yet: wait a little and try again.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === "EOF") break;
      throw error;
    }
    if (got === 0) break;
    used += got;
    total += got;
    if (total > MAX_FILE_BYTES) return undefined;
  }
  chunks.push(chunk.subarray(0, used));
  return Buffer.concat(chunks, total);
}

const MiB = 1024 * 1024;

function sizeText(bytes: number): string {
  return bytes >= 1024 * MiB
    ? `${(bytes / (1024 * MiB)).toFixed(1)} GB`
    : `${(bytes / MiB).toFixed(1)} MB`;
}

function tooLarge(size?: number): string {
  const limit = `${Math.round(MAX_FILE_BYTES / MiB)} MB`;
  return size === undefined
    ? `the input is larger than the limit of ${limit}`
    : `the file is ${sizeText(size)}; the limit is ${limit}`;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

function fileError(error: unknown): string {
  switch (errorCode(error)) {
    case "ENOENT":
    case "ENOTDIR":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "this is a folder, not an article file";
    case "ELOOP":
      return "too many levels of symbolic links";
    case "EIO":
      return "could not be read (input/output error)";
    default:
      return `could not be read (${describeError(error)})`;
  }
}

function describeError(error: unknown): string {
  const code = errorCode(error);
  if (code !== undefined) return sanitizeLine(code);
  return sanitizeLine(error instanceof Error ? error.message : String(error));
}
