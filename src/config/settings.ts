// The user's settings: where the config file is ($XDG_CONFIG_HOME/lectern/config.toml, else
// ~/.config/lectern/config.toml, on macOS too, as terminal tools do), the defaults, and loading.
// A missing file is the defaults; a file that cannot be used is its problems, one line each, for
// the caller to print before exiting with status 2. The TOML parser is loaded only when there is
// a file to read.
import { readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import { DEFAULT_KEYMAP, type Keymap } from "../state/keymap.js";
import type { ThemeName } from "../ui/theme.js";

export type HyperlinkSetting = "auto" | "always" | "never";

export type Settings = {
  theme: ThemeName;
  /** The measure, when the file sets one (else --width, what + and - left, or 80). */
  width?: number;
  hyperlinks: HyperlinkSetting;
  mouse: boolean;
  keymap: Keymap;
};

export const DEFAULT_SETTINGS: Settings = {
  theme: "dark",
  hyperlinks: "auto",
  mouse: false,
  keymap: DEFAULT_KEYMAP,
};

/** A config file larger than this is not one. */
const MAX_BYTES = 1024 * 1024;

/** Where the config file is read from. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), ".config");
  return join(base, "lectern", "config.toml");
}

export type LoadedSettings = { ok: true; settings: Settings } | { ok: false; problems: string[] };

/** The settings from the config file at `file` (the defaults if there is none). */
export async function loadSettings(file: string = configPath()): Promise<LoadedSettings> {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { ok: false, problems: [`${file}: is not a file`] };
    size = stat.size;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { ok: true, settings: DEFAULT_SETTINGS };
    return { ok: false, problems: [`${file}: cannot be read (${code ?? "error"})`] };
  }
  if (size > MAX_BYTES) return { ok: false, problems: [`${file}: is too large for a config file`] };
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, problems: [`${file}: cannot be read (${code ?? "error"})`] };
  }
  const { parseConfig } = await import("./parse.js");
  return parseConfig(text, file);
}
