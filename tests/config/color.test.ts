// Colour rules and themes: NO_COLOR takes the colour away and keeps bold, underline and reverse;
// FORCE_COLOR and --color follow their usual rules; print mode styles only when asked or on a
// terminal; every theme has every role, and mono names no colour.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveColor } from "../../src/config/color.js";
import { loadArticleFile } from "../../src/content/load.js";
import { renderPrint } from "../../src/print.js";
import { chooseTheme, DARK, LIGHT, MONO, type Style, THEMES } from "../../src/ui/theme.js";

describe("resolveColor", () => {
  it.each([
    ["auto", {}, true, { styled: true, color: true }],
    ["auto", {}, false, { styled: false, color: true }],
    ["auto", { NO_COLOR: "1" }, true, { styled: true, color: false }],
    ["auto", { NO_COLOR: "" }, true, { styled: true, color: true }],
    ["auto", { FORCE_COLOR: "0" }, true, { styled: true, color: false }],
    ["auto", { FORCE_COLOR: "1" }, false, { styled: true, color: true }],
    ["auto", { FORCE_COLOR: "1", NO_COLOR: "1" }, true, { styled: true, color: true }],
    ["auto", { TERM: "dumb" }, true, { styled: false, color: true }],
    ["always", { NO_COLOR: "1" }, false, { styled: true, color: true }],
    ["never", { FORCE_COLOR: "3" }, true, { styled: false, color: false }],
  ] as const)("--color=%s with %j (tty %s) → %j", (flag, env, tty, expected) => {
    expect(resolveColor(flag, env, tty)).toEqual(expected);
  });
});

function styles(theme: typeof DARK): Style[] {
  return [theme.kinds, theme.prefixes, theme.marks, theme.chrome].flatMap((g) => Object.values(g));
}

describe("themes", () => {
  it("have every role of the dark theme", () => {
    for (const theme of Object.values(THEMES)) {
      for (const group of ["kinds", "prefixes", "marks", "chrome"] as const) {
        expect(Object.keys(theme[group]).sort()).toEqual(Object.keys(DARK[group]).sort());
      }
    }
  });

  it("mono has no colour but keeps reverse video for the status line and the selection", () => {
    expect(styles(MONO).filter((s) => s.color !== undefined)).toEqual([]);
    expect(MONO.chrome.status.inverse).toBe(true);
    expect(MONO.chrome.selectedMeta.inverse).toBe(true);
    expect(chooseTheme("light", false)).toBe(MONO);
  });

  it("light has no yellow or cyan (unreadable on white)", () => {
    const pale = styles(LIGHT).filter(
      (s) => (s.color === "yellow" || s.color === "cyan") && !s.inverse,
    );
    expect(pale).toEqual([]);
  });
});

describe("print mode", () => {
  const seed = join(import.meta.dirname, "..", "..", "content", "azerbaijan-and-israel.json");
  const loaded = loadArticleFile(seed);
  if (!loaded.ok) throw new Error("seed did not load");
  const article = loaded.article;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: SGR codes are the point
  const COLOUR = /\x1b\[[0-9;]*(?:3[0-9]|9[0-7])[;m]/;

  it("with NO_COLOR is bold and underlined, never coloured", () => {
    const choice = resolveColor("always", {}, false);
    const coloured = renderPrint(article, { width: 80, color: choice.styled, theme: DARK });
    expect(coloured).toMatch(COLOUR);
    const mono = renderPrint(article, {
      width: 80,
      color: true,
      theme: chooseTheme("dark", false),
    });
    expect(mono).not.toMatch(COLOUR);
    expect(mono).toContain("\x1b[1m");
  });
});
