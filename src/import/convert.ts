// `lectern convert SOURCE`: any shape Lectern reads (its own or foreign JSON, a saved web page,
// Markdown, plain text; recognised from the content) → a Lectern article as pretty JSON on
// stdout, which `lectern validate` accepts; notices and errors go to stderr, one line each.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { decodeArticleBytes } from "../content/decode.js";
import {
  type Loaded,
  loadChecks,
  loadImporters,
  MAX_FILE_BYTES,
  parseArticle,
} from "../content/load.js";
import { sanitizeLine } from "../content/sanitize.js";
import { writeAll } from "../terminal/output.js";
import { Notices, type Obj } from "./common.js";
import { finish } from "./finish.js";

type Kind = "json" | "html" | "markdown" | "text";

/** What a source is, from its first characters and its lines. */
export function sourceKind(text: string): Kind {
  const start = text.trimStart();
  if (start.startsWith("{") || start.startsWith("[")) return "json";
  if (/^<(?:!doctype\s+html|html|head|body|meta|title|article|!--)/i.test(start)) return "html";
  if (/^---\r?\n/.test(start) || /^#{1,6}\s+\S/m.test(text) || /^\s{0,3}(```|~~~)/m.test(text))
    return "markdown";
  return "text";
}

/** Reads, imports and validates SOURCE ("-" is stdin). */
export async function convertSource(path: string): Promise<Loaded> {
  const file = path === "-" ? "<stdin>" : path;
  const name = sanitizeLine(file);
  const fail = (message: string): Loaded => ({ ok: false, file, errors: [`${name}: ${message}`] });
  let bytes: Uint8Array;
  try {
    bytes = readAll(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return fail("no such file");
    if (code === "EISDIR") return fail("this is a folder; convert takes one file");
    if (code === "TOO_LARGE")
      return fail(`larger than the limit of ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    return fail(`could not be read (${sanitizeLine(String(code ?? error))})`);
  }
  const decoded = decodeArticleBytes(bytes);
  if (!decoded.ok) return fail(decoded.message);
  const kind = sourceKind(decoded.text);
  if (kind === "json") {
    await Promise.all([loadImporters(), loadChecks()]);
    return parseArticle(bytes, file);
  }
  const notices = new Notices();
  let article: Obj;
  if (kind === "html")
    article = (await import("./html.js")).importHtml(decoded.text, notices).article;
  else if (kind === "markdown")
    article = (await import("./markdown.js")).importMarkdown(decoded.text, notices).article;
  else article = (await import("./text.js")).importText(decoded.text, notices).article;
  return finish(article, notices, file);
}

function readAll(path: string): Uint8Array {
  const fd = path === "-" ? 0 : openSync(path, "r");
  try {
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error("folder"), { code: "EISDIR" });
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      const got = readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      chunks.push(chunk.subarray(0, got));
      total += got;
      if (total > MAX_FILE_BYTES)
        throw Object.assign(new Error("too large"), { code: "TOO_LARGE" });
    }
    return Buffer.concat(chunks, total);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/** The command: 0 when the article was written, 1 when SOURCE could not be converted. */
export async function runConvert(path: string): Promise<number> {
  const loaded = await convertSource(path);
  if (!loaded.ok) {
    for (const error of loaded.errors) process.stderr.write(`lectern: ${error}\n`);
    return 1;
  }
  // Through writeAll: `lectern convert x | head` ends the pipe early, which is not an error.
  writeAll(`${JSON.stringify(loaded.article, null, 2)}\n`);
  for (const notice of loaded.notices ?? []) process.stderr.write(`lectern: ${notice}\n`);
  return 0;
}
