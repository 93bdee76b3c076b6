// The JSON Schema published as content/article.schema.json, generated from the zod schema. Only
// the tests and `npm run schema` use it: the program itself never loads the generator.
import { toJSONSchema } from "zod/mini";
import { articleSchema } from "./schema.js";

export function articleJsonSchema(): Record<string, unknown> {
  const generated = toJSONSchema(articleSchema, { target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: "article.schema.json",
    title: "Lectern article",
    description:
      "An article for the Lectern terminal reader: title, byline, sections of paragraphs, and an optional threaded discussion.",
    ...rest,
  };
}
