// The article format's rules that are not zod: the patterns of slugs, web addresses and dates,
// the formats, and the thread rule. Shared by the schema (schema.ts) and the fast check
// (fast-check.ts), which reads every valid file without loading zod.

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
// A calendar date or a local date-time, as the seed shows them: 2012-02-22 or 2012-02-24T18:45.
// Seconds, fractions and a zone are allowed; nothing is converted between zones.
export const ISO_DATE =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?$/;

/** How the strings of `paragraphs` are written: plain text (the default), Markdown or HTML. */
export const FORMATS = ["text", "markdown", "html"] as const;
export type Format = (typeof FORMATS)[number];

/**
 * Comment ids are unique and a reply names an earlier comment, so threads form a tree in
 * posting order (checked in one pass, no recursion). Shared by the schema and the fast check.
 */
export function threadProblems(
  comments: readonly { id: string; parentId?: string | undefined }[],
): { code: "custom"; path: (string | number)[]; message: string }[] {
  const problems: { code: "custom"; path: (string | number)[]; message: string }[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < comments.length; i++) {
    const comment = comments[i] as { id: string; parentId?: string };
    if (comment.parentId !== undefined && !seen.has(comment.parentId)) {
      problems.push({
        code: "custom",
        path: ["comments", i, "parentId"],
        message:
          comment.parentId === comment.id
            ? `comment "${comment.id}" cannot reply to itself`
            : `"${comment.parentId}" is not the id of an earlier comment`,
      });
    }
    if (seen.has(comment.id)) {
      problems.push({
        code: "custom",
        path: ["comments", i, "id"],
        message: `duplicate comment id "${comment.id}"`,
      });
    }
    seen.add(comment.id);
  }
  return problems;
}
