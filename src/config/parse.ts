// A config file's text → settings, or one line per problem: TOML syntax (with line and column),
// unknown keys (with "did you mean"), wrong types, bad key names, two commands on one key. Loaded
// only when a config file exists (it brings the TOML parser).
import { parse, TomlError } from "smol-toml";
import { describeValue, suggest } from "../content/issues.js";
import { sanitizeLine } from "../content/sanitize.js";
import { type Context, createKeymap } from "../state/keymap.js";
import { applyKeys, type UserKeys } from "./keymap.js";
import { keyLines, lineOf } from "./locate.js";
import { type ConfigFile, commandName, commandsByContext, configSchema } from "./schema.js";
import { DEFAULT_SETTINGS, type Settings } from "./settings.js";

type Path = (string | number)[];
type Problem = { path: Path; message: string };

export type ParsedConfig = { ok: true; settings: Settings } | { ok: false; problems: string[] };

function dotted(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else {
      const name = /^[A-Za-z0-9_-]+$/.test(part) ? part : JSON.stringify(part);
      out += out === "" ? name : `.${name}`;
    }
  }
  return sanitizeLine(out);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The keys allowed in the table at `path`, and for a command, where else it belongs. */
function allowed(path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(configSchema._zod.def.shape);
  const commands = commandsByContext();
  if (path.length === 1 && path[0] === "keys") return [...commands.keys()];
  if (path.length === 2 && path[0] === "keys") {
    return (commands.get(path[1] as Context) ?? []).map(commandName);
  }
  return [];
}

function otherContext(command: string): string | undefined {
  for (const [context, list] of commandsByContext()) {
    if (list.some((c) => commandName(c) === command)) return context;
  }
  return undefined;
}

function describe(issues: readonly import("zod/mini").core.$ZodIssue[], input: unknown): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path as Path;
    switch (issue.code) {
      case "unrecognized_keys":
        for (const key of issue.keys) {
          const guess = suggest(key, allowed(path));
          const elsewhere = path.length === 2 && path[0] === "keys" ? otherContext(key) : undefined;
          const hint = guess
            ? ` (did you mean "${guess}"?)`
            : elsewhere
              ? ` (it is a command of [keys.${elsewhere}])`
              : "";
          const what = path.length === 2 ? "command" : path.length === 1 ? "context" : "setting";
          out.push({
            path: [...path, key],
            message: `unknown ${what} ${JSON.stringify(sanitizeLine(key))}${hint}`,
          });
        }
        break;
      case "invalid_type": {
        const found = describeValue(valueAt(input, path));
        const expected =
          issue.expected === "boolean"
            ? "true or false"
            : issue.expected === "object"
              ? "a table"
              : issue.expected === "int" || issue.expected === "number"
                ? "a whole number"
                : `a ${issue.expected}`;
        out.push({ path, message: `must be ${expected} (found ${found})` });
        break;
      }
      case "invalid_union":
        out.push({
          path,
          message: `must be a key name or a list of them, such as ["j", "down"] (found ${describeValue(valueAt(input, path))})`,
        });
        break;
      case "invalid_value": {
        const found = valueAt(input, path);
        const choices = issue.values.map(String);
        const guess = typeof found === "string" ? suggest(found, choices) : undefined;
        out.push({
          path,
          message: `must be one of ${choices.map((c) => `"${c}"`).join(", ")}${guess ? ` (did you mean "${guess}"?)` : ""}`,
        });
        break;
      }
      default:
        out.push({ path, message: sanitizeLine(issue.message) });
    }
  }
  return out;
}

/** The settings a config file's text gives, or its problems as lines naming `file`. */
export function parseConfig(text: string, file: string): ParsedConfig {
  const name = sanitizeLine(file);
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = (error.message.split("\n")[0] ?? "").replace(/^Invalid TOML document:\s*/, "");
      return {
        ok: false,
        problems: [`${name}:${error.line}:${error.column}: ${sanitizeLine(reason)}`],
      };
    }
    throw error;
  }
  const lines = keyLines(text);
  const say = (problems: Problem[]) =>
    problems
      .map((p) => ({ ...p, line: lineOf(lines, p.path) }))
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
      .map(
        (p) =>
          `${name}${p.line === undefined ? "" : `:${p.line}`}: ${dotted(p.path)}: ${p.message}`,
      );
  const checked = configSchema.safeParse(data);
  // Key names and clashes are checked even when the schema fails, so that every problem is told
  // at once.
  const keys = (data as { keys?: unknown }).keys;
  const { bindings, problems } = applyKeys(
    (typeof keys === "object" && keys !== null ? keys : {}) as UserKeys,
  );
  if (!checked.success) {
    return { ok: false, problems: say([...describe(checked.error.issues, data), ...problems]) };
  }
  const config: ConfigFile = checked.data;
  if (problems.length > 0) return { ok: false, problems: say(problems) };
  return {
    ok: true,
    settings: {
      theme: config.theme ?? DEFAULT_SETTINGS.theme,
      ...(config.width !== undefined && { width: config.width }),
      hyperlinks: config.hyperlinks ?? DEFAULT_SETTINGS.hyperlinks,
      mouse: config.mouse ?? DEFAULT_SETTINGS.mouse,
      keymap: config.keys ? createKeymap(bindings) : DEFAULT_SETTINGS.keymap,
    },
  };
}
