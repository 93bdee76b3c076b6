// The last step of every import: the article an importer built is checked like a file (fast
// check, then zod to explain) and sanitised; its notices travel with it in the Loaded value.
import { isValidArticle } from "../content/fast-check.js";
import { describeIssues } from "../content/issues.js";
import type { Loaded } from "../content/load.js";
import { sanitizeArticle, sanitizeLine } from "../content/sanitize.js";
import { articleSchema } from "../content/schema.js";
import type { Notices, Obj } from "./common.js";

export function finish(article: Obj, notices: Notices, file: string): Loaded {
  const name = sanitizeLine(file);
  const lines = notices.list().map((line) => `${name}: ${sanitizeLine(line)}`);
  const withNotices = (ok: Loaded & { ok: true }): Loaded =>
    lines.length > 0 ? { ...ok, notices: lines } : ok;
  if (isValidArticle(article)) {
    return withNotices({ ok: true, file, article: sanitizeArticle(article) });
  }
  const result = articleSchema.safeParse(article);
  if (result.success) return withNotices({ ok: true, file, article: sanitizeArticle(result.data) });
  // An importer made something the schema refuses: a bug here, reported as one line per problem.
  const problems = describeIssues(result.error.issues, article).slice(0, 5);
  return {
    ok: false,
    file,
    errors: problems.map((p) => `${name}: could not be imported (${p.path}: ${p.message})`),
  };
}
