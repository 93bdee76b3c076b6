// The article format: one zod schema is the single source of truth for validation, the
// TypeScript types and the published JSON Schema (content/article.schema.json).
import * as z from "zod/mini";

const text = z.string().check(z.minLength(1, "must be a non-empty string"));

const slug = z
  .string()
  .check(
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lowercase slug such as azerbaijan-and-israel"),
  );

const httpUrl = z
  .string()
  .check(z.regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i, "must be an http:// or https:// address"));

// A calendar date or a local date-time, as the seed shows them: 2012-02-22 or 2012-02-24T18:45.
// Seconds, fractions and a zone are allowed; nothing is converted between zones.
const isoDate = z
  .string()
  .check(
    z.regex(
      /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?$/,
      "must be an ISO date (2012-02-22) or date-time (2012-02-24T18:45)",
    ),
  );

export const authorSchema = z.strictObject({
  name: text,
  bio: z.optional(text),
});

export const sourceSchema = z.strictObject({
  name: text,
  url: z.optional(httpUrl),
  note: z.optional(text),
});

export const sectionSchema = z.strictObject({
  heading: z.optional(text),
  paragraphs: z.array(text).check(z.minLength(1, "must have at least one paragraph")),
});

export const commentSchema = z.strictObject({
  id: text,
  parentId: z.optional(text),
  author: z.optional(text),
  postedAt: z.optional(isoDate),
  paragraphs: z.array(text).check(z.minLength(1, "must have at least one paragraph")),
});

export const articleSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    id: slug,
    title: text,
    author: z.optional(authorSchema),
    source: z.optional(sourceSchema),
    published: z.optional(isoDate),
    sections: z.array(sectionSchema).check(z.minLength(1, "must have at least one section")),
    comments: z.optional(z.array(commentSchema)),
  })
  .check(
    z.superRefine((article, ctx) => {
      // Comment ids are unique and a reply names an earlier comment, so threads form a tree
      // in posting order (checked in one pass, no recursion).
      const seen = new Set<string>();
      const comments = article.comments ?? [];
      for (let i = 0; i < comments.length; i++) {
        const comment = comments[i] as Comment;
        if (comment.parentId !== undefined && !seen.has(comment.parentId)) {
          ctx.addIssue({
            code: "custom",
            path: ["comments", i, "parentId"],
            message:
              comment.parentId === comment.id
                ? `comment "${comment.id}" cannot reply to itself`
                : `"${comment.parentId}" is not the id of an earlier comment`,
          });
        }
        if (seen.has(comment.id)) {
          ctx.addIssue({
            code: "custom",
            path: ["comments", i, "id"],
            message: `duplicate comment id "${comment.id}"`,
          });
        }
        seen.add(comment.id);
      }
    }),
  );

export type Article = z.infer<typeof articleSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Comment = z.infer<typeof commentSchema>;
