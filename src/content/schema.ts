// The article format: one zod schema is the single source of truth for validation, the
// TypeScript types and the published JSON Schema (content/article.schema.json).
import * as z from "zod/mini";
import { FORMATS, HTTP_URL, ISO_DATE, SLUG, threadProblems } from "./rules.js";

export { FORMATS, type Format, HTTP_URL, ISO_DATE, SLUG, threadProblems } from "./rules.js";

const text = z.string().check(z.minLength(1, "must be a non-empty string"));

const slug = z
  .string()
  .check(z.regex(SLUG, "must be a lowercase slug such as azerbaijan-and-israel"));

const httpUrl = z.string().check(z.regex(HTTP_URL, "must be an http:// or https:// address"));

const format = z.enum(FORMATS);

const count = z.int().check(z.minimum(0, "must be 0 or more"));

const isoDate = z
  .string()
  .check(z.regex(ISO_DATE, "must be an ISO date (2012-02-22) or date-time (2012-02-24T18:45)"));

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
  /** Overrides the article's format for this comment. */
  format: z.optional(format),
  /** Score or points, where the source has them (shown in the comment's header). */
  points: z.optional(z.int()),
  /** Replies the source knows of that are not in this file (a Reddit "more" stub). */
  moreReplies: z.optional(count),
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
    /** How paragraphs, the bio and the note are written; comments may override it. */
    format: z.optional(format),
    sections: z.array(sectionSchema).check(z.minLength(1, "must have at least one section")),
    comments: z.optional(z.array(commentSchema)),
    /** Comments the source holds in all, when the file has only some of them. */
    commentsTotal: z.optional(count),
  })
  .check(
    z.superRefine((article, ctx) => {
      for (const problem of threadProblems(article.comments ?? [])) ctx.addIssue(problem);
    }),
  );

export type Article = z.infer<typeof articleSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Comment = z.infer<typeof commentSchema>;
