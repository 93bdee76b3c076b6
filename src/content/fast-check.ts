// A hand-written check that answers one question fast: is this parsed JSON a valid article?
// For a 10 MB article zod takes ~80 ms to say yes (most of it warming up), this takes a few. It
// follows src/content/schema.ts rule for rule, sharing its regexes and thread rule; when it says
// no, the loader asks zod, which explains what is wrong. tests/content/fast-check.test.ts holds
// the two to the same answers over the invalid corpus and random mutations.
import { FORMATS, HTTP_URL, ISO_DATE, SLUG, threadProblems } from "./rules.js";
import type { Article } from "./schema.js";

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Obj, allowed: ReadonlySet<string>): boolean {
  // Object.keys, not for…in: a "__proto__" key in JSON is an own property to be rejected.
  for (const key of Object.keys(value)) if (!allowed.has(key)) return false;
  return true;
}

const text = (value: unknown): boolean => typeof value === "string" && value.length > 0;
const optional = (value: unknown, check: (v: unknown) => boolean): boolean =>
  value === undefined || check(value);
const matches = (re: RegExp) => (value: unknown) => typeof value === "string" && re.test(value);

function texts(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  for (let i = 0; i < value.length; i++) if (!text(value[i])) return false;
  return true;
}

const ARTICLE_KEYS = new Set([
  "$schema",
  "id",
  "title",
  "author",
  "source",
  "published",
  "format",
  "sections",
  "comments",
  "commentsTotal",
]);
const AUTHOR_KEYS = new Set(["name", "bio"]);
const SOURCE_KEYS = new Set(["name", "url", "note"]);
const SECTION_KEYS = new Set(["heading", "paragraphs"]);
const COMMENT_KEYS = new Set([
  "id",
  "parentId",
  "author",
  "postedAt",
  "format",
  "points",
  "moreReplies",
  "paragraphs",
]);
const FORMAT_SET = new Set<unknown>(FORMATS);
const isFormat = (value: unknown): boolean => FORMAT_SET.has(value);
const isInt = (value: unknown): boolean => Number.isSafeInteger(value);
const isCount = (value: unknown): boolean => isInt(value) && (value as number) >= 0;

function author(value: unknown): boolean {
  return (
    isObject(value) && onlyKeys(value, AUTHOR_KEYS) && text(value.name) && optional(value.bio, text)
  );
}

function source(value: unknown): boolean {
  return (
    isObject(value) &&
    onlyKeys(value, SOURCE_KEYS) &&
    text(value.name) &&
    optional(value.url, matches(HTTP_URL)) &&
    optional(value.note, text)
  );
}

function section(value: unknown): boolean {
  return (
    isObject(value) &&
    onlyKeys(value, SECTION_KEYS) &&
    optional(value.heading, text) &&
    texts(value.paragraphs)
  );
}

function comment(value: unknown): boolean {
  return (
    isObject(value) &&
    onlyKeys(value, COMMENT_KEYS) &&
    text(value.id) &&
    optional(value.parentId, text) &&
    optional(value.author, text) &&
    optional(value.postedAt, matches(ISO_DATE)) &&
    optional(value.format, isFormat) &&
    optional(value.points, isInt) &&
    optional(value.moreReplies, isCount) &&
    texts(value.paragraphs)
  );
}

function every(value: unknown, check: (v: unknown) => boolean, min: number): boolean {
  if (!Array.isArray(value) || value.length < min) return false;
  for (let i = 0; i < value.length; i++) if (!check(value[i])) return false;
  return true;
}

/** True only when the schema would accept `data` as it is. */
export function isValidArticle(data: unknown): data is Article {
  if (!isObject(data) || !onlyKeys(data, ARTICLE_KEYS)) return false;
  if (!optional(data.$schema, (v) => typeof v === "string")) return false;
  if (!matches(SLUG)(data.id) || !text(data.title)) return false;
  if (!optional(data.author, author) || !optional(data.source, source)) return false;
  if (!optional(data.published, matches(ISO_DATE))) return false;
  if (!optional(data.format, isFormat) || !optional(data.commentsTotal, isCount)) return false;
  if (!every(data.sections, section, 1)) return false;
  if (data.comments === undefined) return true;
  if (!every(data.comments, comment, 0)) return false;
  return threadProblems(data.comments as { id: string; parentId?: string }[]).length === 0;
}
