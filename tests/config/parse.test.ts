// The config file: what a user who makes a mistake is told (one line per problem, naming the
// file, the line and the key, with a "did you mean" where it helps), and what a good file does to
// the keys, the theme and the other settings. `lectern config`'s own text is a valid config.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyKeys } from "../../src/config/keymap.js";
import { parseKey } from "../../src/config/keys.js";
import { parseConfig } from "../../src/config/parse.js";
import { configPath, DEFAULT_SETTINGS, loadSettings } from "../../src/config/settings.js";
import { configTemplate } from "../../src/config/template.js";
import { helpLines } from "../../src/state/help.js";
import { BINDINGS } from "../../src/state/keymap.js";

const FILE = "config.toml";

function problems(text: string): string[] {
  const parsed = parseConfig(text, FILE);
  if (parsed.ok) throw new Error("expected problems");
  return parsed.problems;
}

function settings(text: string) {
  const parsed = parseConfig(text, FILE);
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  return parsed.settings;
}

describe("a config with mistakes", () => {
  it("names the file, the line and the key of each, with a suggestion for a typo", () => {
    const text = [
      'theme = "ligt"',
      "widht = 90",
      'mouse = "yes"',
      "[keys.article]",
      'line-dwn = ["n"]',
      'line-up = ["pgdwn", "alt+k"]',
      'quit = "x"',
      "[keys.paen]",
    ].join("\n");
    expect(problems(text)).toEqual([
      'config.toml:1: theme: must be one of "dark", "light", "mono" (did you mean "light"?)',
      'config.toml:2: widht: unknown setting "widht" (did you mean "width"?)',
      "config.toml:3: mouse: must be true or false (found a string)",
      'config.toml:5: keys.article.line-dwn: unknown command "line-dwn" (did you mean "line-down"?)',
      'config.toml:6: keys.article.line-up[0]: unknown key "pgdwn" (did you mean "pgdn"?)',
      'config.toml:6: keys.article.line-up[1]: "alt+k": Alt, Meta and Super keys are not read',
      'config.toml:7: keys.article.quit: unknown command "quit" (it is a command of [keys.global])',
      'config.toml:8: keys.paen: unknown context "paen" (did you mean "pane"?)',
    ]);
  });

  it("reports TOML syntax with line and column", () => {
    expect(problems('theme = "dark"\nwidth = [1,\n')).toEqual([
      expect.stringMatching(/^config\.toml:3:\d+: \S/),
    ]);
  });

  it("refuses two commands on one key in one context", () => {
    expect(problems('[keys.article]\nline-down = "x"\nline-up = "x"\n')).toEqual([
      'config.toml:3: keys.article.line-up: "x" is also given to keys.article.line-down: one key, one command',
    ]);
    // A context's own key is read there before a global one: no clash.
    const s = settings('[keys.global]\nhelp = "x"\n[keys.pane]\nexpand = ["x"]\n');
    expect(s.keymap.commandFor("x", "pane")).toBe("expand");
    expect(s.keymap.commandFor("x", "article")).toBe("help");
  });

  it("refuses a width out of range and a value of the wrong type", () => {
    expect(problems("width = 5\nhyperlinks = true\n")).toEqual([
      "config.toml:1: width: must be a whole number from 20 to 1000",
      'config.toml:2: hyperlinks: must be one of "auto", "always", "never"',
    ]);
  });

  it("is no error when missing, and one line when it is a folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lectern-config-"));
    expect(await loadSettings(join(dir, "none.toml"))).toEqual({
      ok: true,
      settings: DEFAULT_SETTINGS,
    });
    const folder = await loadSettings(dir);
    expect(folder.ok ? [] : folder.problems).toEqual([`${dir}: is not a file`]);
    const file = join(dir, "config.toml");
    writeFileSync(file, "mouse = true\n");
    const loaded = await loadSettings(file);
    expect(loaded.ok && loaded.settings.mouse).toBe(true);
  });
});

describe("a good config", () => {
  it("rebinds ↓ to n in the article, and the help lists n", () => {
    const s = settings('[keys.article]\nline-down = ["down", "n"]\n');
    expect(s.keymap.commandFor("n", "article")).toBe("lineDown");
    expect(s.keymap.commandFor("down", "article")).toBe("lineDown");
    // j was not written, so it no longer moves down; other contexts keep their keys.
    expect(s.keymap.commandFor("j", "article")).toBeUndefined();
    expect(s.keymap.commandFor("j", "pane")).toBe("lineDown");
    const help = helpLines(s.keymap).map((l) => l.text);
    expect(help).toContain(help.find((t) => /^↓ \/ n +down one line$/.test(t)));
  });

  it("takes a key from the default command that had it (a global key: in every context)", () => {
    const g = settings('[keys.global]\nhelp = "h"\n');
    expect(g.keymap.commandFor("h", "article")).toBe("help");
    expect(g.keymap.commandFor("h", "pane")).toBe("help");
    const s = settings('[keys.article]\nline-down = "d"\n');
    expect(s.keymap.commandFor("d", "article")).toBe("lineDown");
    expect(
      s.keymap.bindings.find((b) => b.command === "halfDown" && b.context === "article")?.keys,
    ).not.toContain("d");
  });

  it("writes keys as people do: pgdn, ctrl+d, shift+tab, space, esc", () => {
    const s = settings(
      '[keys.global]\nswitch-focus = ["shift+tab"]\nback = "esc"\n[keys.article]\npage-down = ["pgdn", "space", "ctrl+d"]\n',
    );
    expect(s.keymap.commandFor("shift+tab", "article")).toBe("switchFocus");
    expect(s.keymap.commandFor("escape", "pane")).toBe("back");
    expect(s.keymap.commandFor("pageDown", "article")).toBe("pageDown");
    expect(s.keymap.commandFor("ctrl+d", "article")).toBe("pageDown");
    expect(s.keymap.keyFor("pageDown", "article")).toBe("PgDn");
  });

  it("sets the theme, width, hyperlinks and mouse", () => {
    const s = settings('theme = "light"\nwidth = 100\nhyperlinks = "never"\nmouse = true\n');
    expect(s).toMatchObject({ theme: "light", width: 100, hyperlinks: "never", mouse: true });
  });
});

describe("key names", () => {
  it.each([
    ["j", "j"],
    ["G", "G"],
    ["down", "down"],
    ["PgDn", "pageDown"],
    ["page-up", "pageUp"],
    ["Ctrl+D", "ctrl+d"],
    ["shift+tab", "shift+tab"],
    ["shift+g", "G"],
    ["space", "space"],
    ["+", "+"],
  ])("%s is %s", (written, key) => {
    expect(parseKey(written)).toEqual({ key });
  });

  it("refuses what a terminal cannot send apart", () => {
    expect(parseKey("ctrl+i")).toEqual({ problem: "ctrl+i is Tab to a terminal: write tab" });
    expect(parseKey(" ")).toHaveProperty("problem");
  });
});

describe("lectern config", () => {
  const template = configTemplate(configPath({ XDG_CONFIG_HOME: "/x" }));

  it("names where the file goes: $XDG_CONFIG_HOME, else ~/.config", () => {
    expect(template).toContain("/x/lectern/config.toml");
    expect(configPath({ HOME: "/home/u" })).toBe("/home/u/.config/lectern/config.toml");
    expect(configPath({ HOME: "/home/u", XDG_CONFIG_HOME: "relative" })).toBe(
      "/home/u/.config/lectern/config.toml",
    );
  });

  it("is a valid config as printed (all commented), and with every setting uncommented is the defaults", () => {
    expect(settings(template).keymap.bindings).toEqual(BINDINGS);
    const uncommented = template
      .split("\n")
      .map((line) => (/^# (\[keys\.|[a-z-]+ = )/.test(line) ? line.slice(2) : line))
      .join("\n");
    const s = settings(uncommented);
    expect(s.theme).toBe("dark");
    expect(s.width).toBe(80);
    for (const b of BINDINGS) {
      for (const key of b.keys) {
        if (b.context === "global") continue;
        expect(s.keymap.commandFor(key, b.context), `${b.context} ${key}`).toBe(b.command);
      }
    }
  });

  it("lists every command of the key table", () => {
    for (const b of BINDINGS) {
      const name = b.command.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      expect(template).toMatch(new RegExp(`^# ${name} = `, "m"));
    }
  });
});

describe("applyKeys", () => {
  it("leaves the defaults alone when nothing is written", () => {
    expect(applyKeys({})).toEqual({ bindings: BINDINGS, problems: [] });
  });
});
