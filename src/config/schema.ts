// The config file's shape, as one zod schema: the settings, and [keys.<context>] tables whose keys
// are the commands of that context in the key table (state/keymap.ts), written in kebab-case
// (`line-down`), each a key name or a list of them. Built from the key table, so a command added
// there can be rebound at once. Also the source of the published config.schema.json.
import * as z from "zod/mini";
import { BINDINGS, CONTEXT_ORDER, type Command, type Context } from "../state/keymap.js";
import { THEME_NAMES } from "../ui/theme.js";

export const HYPERLINK_CHOICES = ["auto", "always", "never"] as const;
export type HyperlinkChoice = (typeof HYPERLINK_CHOICES)[number];

import { MAX_WIDTH, MIN_WIDTH } from "./limits.js";

export { MAX_WIDTH, MIN_WIDTH };

/** `lineDown` → `line-down`, as commands are written in the config. */
export function commandName(command: Command): string {
  return command.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The commands of each context, in the key table's order. */
export function commandsByContext(): Map<Context, Command[]> {
  const out = new Map<Context, Command[]>();
  for (const context of CONTEXT_ORDER) out.set(context, []);
  for (const b of BINDINGS) {
    const list = out.get(b.context) ?? [];
    if (!list.includes(b.command)) list.push(b.command);
    out.set(b.context, list);
  }
  return out;
}

const keyList = z.union([z.string(), z.array(z.string())]);

function keysSchema() {
  const contexts: Record<string, z.ZodMiniOptional<z.ZodMiniObject>> = {};
  for (const [context, commands] of commandsByContext()) {
    const shape: Record<string, z.ZodMiniOptional<typeof keyList>> = {};
    for (const command of commands) shape[commandName(command)] = z.optional(keyList);
    contexts[context] = z.optional(z.strictObject(shape));
  }
  return z.strictObject(contexts);
}

export const configSchema = z.strictObject({
  theme: z.optional(z.enum(THEME_NAMES)),
  width: z.optional(
    z
      .int()
      .check(
        z.minimum(MIN_WIDTH, `must be a whole number from ${MIN_WIDTH} to ${MAX_WIDTH}`),
        z.maximum(MAX_WIDTH, `must be a whole number from ${MIN_WIDTH} to ${MAX_WIDTH}`),
      ),
  ),
  hyperlinks: z.optional(z.enum(HYPERLINK_CHOICES)),
  mouse: z.optional(z.boolean()),
  keys: z.optional(keysSchema()),
});

export type ConfigFile = z.infer<typeof configSchema>;
