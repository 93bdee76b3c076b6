// The user's [keys] tables applied to the key table: each command named gets exactly the keys
// written for it (in that context), and those keys leave any other command of the defaults that
// had them there (a key the user binds globally leaves the defaults of every context, so that it
// works everywhere). Two commands given one key in one context is a problem, as is a key name
// that is not one; a context's own key is read there before a global one (as the defaults do
// with Esc in the search prompt). The defaults are never changed in place: the result is a new
// table for createKeymap.
import { BINDINGS, type Binding, type Command, type Context } from "../state/keymap.js";
import { parseKey } from "./keys.js";
import { commandName, commandsByContext } from "./schema.js";

export type KeyProblem = { path: (string | number)[]; message: string };
export type UserKeys = Partial<Record<string, Record<string, string | string[] | undefined>>>;

type Chosen = { context: Context; command: Command; keys: string[]; path: (string | number)[] };

export function applyKeys(
  user: UserKeys,
  defaults: readonly Binding[] = BINDINGS,
): { bindings: Binding[]; problems: KeyProblem[] } {
  const problems: KeyProblem[] = [];
  const chosen: Chosen[] = [];
  const commands = commandsByContext();
  for (const [context, list] of commands) {
    const table = user[context];
    // Tables and values of the wrong type are the schema's to report.
    if (typeof table !== "object" || table === null || Array.isArray(table)) continue;
    for (const command of list) {
      const name = commandName(command);
      const written = table[name];
      if (typeof written !== "string" && !Array.isArray(written)) continue;
      const path = ["keys", context, name];
      const keys: string[] = [];
      const each = typeof written === "string" ? [written] : written;
      each.forEach((text: unknown, i) => {
        if (typeof text !== "string") return;
        const parsed = parseKey(text);
        const at = typeof written === "string" ? path : [...path, i];
        if ("problem" in parsed) problems.push({ path: at, message: parsed.problem });
        else if (!keys.includes(parsed.key)) keys.push(parsed.key);
      });
      chosen.push({ context, command, keys, path });
    }
  }
  // Two of the user's own commands on one key where both are read.
  for (let i = 0; i < chosen.length; i++) {
    const a = chosen[i] as Chosen;
    for (let j = 0; j < i; j++) {
      const b = chosen[j] as Chosen;
      if (a.context !== b.context || a.command === b.command) continue;
      for (const key of a.keys) {
        if (!b.keys.includes(key)) continue;
        problems.push({
          path: a.path,
          message: `"${key}" is also given to keys.${b.context}.${commandName(b.command)}: one key, one command`,
        });
      }
    }
  }
  const bindings: Binding[] = defaults.map((b) => {
    const mine = chosen.find((c) => c.context === b.context && c.command === b.command);
    if (mine) return { ...b, keys: mine.keys };
    // A default keeps the keys the user has not taken for something else where it is read.
    const taken = (key: string) =>
      chosen.some(
        (c) => (c.context === b.context || c.context === "global") && c.keys.includes(key),
      );
    const keys = b.keys.filter((key) => !taken(key));
    return keys.length === b.keys.length ? b : { ...b, keys };
  });
  return { bindings, problems };
}
