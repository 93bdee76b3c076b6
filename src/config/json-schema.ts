// The JSON Schema published as config.schema.json, generated from the config's zod schema. Only
// the tests and `npm run schema` use it: the program itself never loads the generator.
import { toJSONSchema } from "zod/mini";
import { configSchema } from "./schema.js";

export function configJsonSchema(): Record<string, unknown> {
  const generated = toJSONSchema(configSchema, { target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: "config.schema.json",
    title: "Lectern settings",
    description:
      "Lectern's config.toml ($XDG_CONFIG_HOME/lectern/config.toml): theme, width, hyperlinks, mouse, and keys per context. `lectern config` prints every setting with its default.",
    ...rest,
  };
}
