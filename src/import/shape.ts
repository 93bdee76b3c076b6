// Recognises the discussion formats Lectern opens besides its own (from their content, never the
// file name). Tiny on purpose: load.ts imports it statically and asks it only about JSON that is
// not a Lectern article; the importers themselves are loaded on demand (see import/index.ts).

export type Shape = "hn" | "reddit" | "lobsters" | "discourse";

export const SHAPE_NAMES: Record<Shape, string> = {
  hn: "a Hacker News item",
  reddit: "a Reddit thread",
  lobsters: "a Lobsters story",
  discourse: "a Discourse topic",
};

/** The one line for JSON of no known shape. */
export const UNKNOWN_SHAPE =
  "not an article Lectern knows: it opens Lectern articles and, as saved JSON, Hacker News items (hn.algolia.com/api/v1/items/ID), Reddit threads (…/comments/ID.json), Lobsters stories (/s/ID.json) and Discourse topics (/t/ID.json)";

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Which foreign shape this parsed JSON has, if any. */
export function foreignShape(data: unknown): Shape | undefined {
  if (Array.isArray(data)) {
    const listing = data[0];
    if (!isObject(listing) || listing.kind !== "Listing" || !isObject(listing.data)) return;
    const first = (listing.data.children as unknown[] | undefined)?.[0];
    return isObject(first) && first.kind === "t3" ? "reddit" : undefined;
  }
  if (!isObject(data)) return;
  if (isObject(data.post_stream) && Array.isArray(data.post_stream.posts)) return "discourse";
  if (typeof data.short_id === "string" && Array.isArray(data.comments)) return "lobsters";
  if (Array.isArray(data.children) && ("created_at_i" in data || "story_id" in data)) return "hn";
  return;
}

const ARTICLE_KEYS = new Set(["$schema", "id", "title", "sections", "comments", "author"]);

/** True for an object with none of a Lectern article's main keys: no known shape at all. */
export function isUnknownShape(data: unknown): boolean {
  if (!isObject(data)) return false;
  for (const key of Object.keys(data)) if (ARTICLE_KEYS.has(key)) return false;
  return true;
}
