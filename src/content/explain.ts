// The schema's verdict on parsed JSON that the fast check (fast-check.ts) turned down: zod says
// what is wrong, in the words of issues.ts, with any duplicate keys first. Loaded on demand
// (load.ts: loadChecks), since a valid file is read without zod.
import { describeDuplicates } from "./duplicate-keys.js";
import { describeIssues } from "./issues.js";
import { type Article, articleSchema } from "./schema.js";

/** Schema problems listed per file; the rest are counted. */
const MAX_PROBLEMS = 5;

export type Checked = { ok: true; article: Article } | { ok: false; errors: string[] };

/** `name` is the file as messages show it (sanitised), `text` what JSON.parse read. */
export function checkArticle(name: string, text: string, data: unknown): Checked {
  const result = articleSchema.safeParse(data);
  if (!result.success) {
    const problems = describeIssues(result.error.issues, data);
    const lines = problems.slice(0, MAX_PROBLEMS).map((p) => `${name}: ${p.path}: ${p.message}`);
    const more = problems.length - MAX_PROBLEMS;
    if (more > 0) lines.push(`${name}: … and ${more} more problem${more === 1 ? "" : "s"}`);
    return { ok: false, errors: [...describeDuplicates(name, text, data), ...lines] };
  }
  const duplicates = describeDuplicates(name, text, data);
  if (duplicates.length > 0) return { ok: false, errors: duplicates };
  return { ok: true, article: result.data };
}
