// `lectern config`: the whole default config file, every setting commented out with what it does
// and its default, ready to copy to the path `lectern config --path` prints and edit. The [keys]
// part is written from the key table, so it always lists every command with its default keys.
import { BINDINGS, CONTEXT_NAMES, CONTEXT_ORDER } from "../state/keymap.js";
import { commandName, MAX_WIDTH, MIN_WIDTH } from "./schema.js";

/** The key table's names → how the config file writes them (the table's own name otherwise). */
const WRITTEN: Record<string, string> = { pageDown: "pgdn", pageUp: "pgup", escape: "esc" };

export function writtenKey(key: string): string {
  return WRITTEN[key] ?? key;
}

export function configTemplate(path: string): string {
  const out = [
    "# Lectern's settings. Copy this file to the path below and take the # off what you change:",
    `#   ${path}`,
    "# Only what you change needs to be there. Editors that read JSON Schemas for TOML can check",
    "# it with config.schema.json from Lectern's package.",
    "",
    '# Colours: "dark" (dark backgrounds), "light" (light ones) or "mono" (no colour: bold,',
    "# underline, reverse video and dim only). NO_COLOR in the environment or --color=never give",
    "# mono whatever is set here.",
    '# theme = "dark"',
    "",
    `# The text's width in columns (${MIN_WIDTH} to ${MAX_WIDTH}). + and - change it while reading (the`,
    "# change is remembered), = comes back to this.",
    "# width = 80",
    "",
    '# Links as terminal hyperlinks you can click: "auto" (when the terminal is known to show',
    '# them), "always" or "never". LECTERN_HYPERLINKS=1 or 0 in the environment overrides this.',
    '# hyperlinks = "auto"',
    "",
    "# The mouse: the wheel scrolls what is under the pointer, a click selects a comment. Off by",
    "# default: while a program takes the mouse, the terminal's own selection (select to copy)",
    "# needs Shift held, or does not work at all in some terminals.",
    "# mouse = false",
    "",
    "# Keys, per context: a command takes a key or a list of keys, and only those. Key names: a",
    '# character ("j", "G", "?"), up, down, left, right, pgup, pgdn, home, end, tab, shift+tab,',
    "# enter, esc, space, backspace, ctrl+ and a letter. A key given to a command here leaves the",
    "# command that had it by default (in [keys.global]: in every context); two commands on one",
    "# key in one context is an error. A context's own keys are read before [keys.global]'s.",
  ];
  for (const context of CONTEXT_ORDER) {
    const bindings = BINDINGS.filter((b) => b.context === context);
    if (bindings.length === 0) continue;
    out.push("", `# ${CONTEXT_NAMES[context]}`, `# [keys.${context}]`);
    const seen = new Set<string>();
    for (const b of bindings) {
      const name = commandName(b.command);
      if (seen.has(name)) continue;
      seen.add(name);
      const keys = b.keys.map((k) => JSON.stringify(writtenKey(k))).join(", ");
      out.push(`# ${name} = [${keys}]  # ${b.help}`);
    }
  }
  return `${out.join("\n")}\n`;
}
