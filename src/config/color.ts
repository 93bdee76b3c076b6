// Whether output is styled and whether it has colour, by the usual rules, decided once at
// start-up: --color=always|never first (a flag beats the environment, as no-color.org asks), then
// FORCE_COLOR (0 or false: no colour; any other value: colour, even into a pipe), then NO_COLOR
// (any non-empty value: no colour), then whether the output is a terminal. Taking colour away
// never takes the styling with it: bold, underline, reverse video and dim stay (the reader's status
// line and selection are reverse video), and only --color=never, or print mode into a pipe,
// prints plain text.

export type ColorFlag = "auto" | "always" | "never";
export const COLOR_FLAGS: readonly ColorFlag[] = ["auto", "always", "never"];

export type ColorChoice = {
  /** Any SGR styling at all. The reader is always styled. */
  styled: boolean;
  /** Colours among the styling (else the mono theme). */
  color: boolean;
};

export function resolveColor(
  flag: ColorFlag,
  env: Record<string, string | undefined>,
  isTTY: boolean,
): ColorChoice {
  if (flag === "never") return { styled: false, color: false };
  if (flag === "always") return { styled: true, color: true };
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    const off = force === "0" || force === "false";
    return { styled: off ? isTTY : true, color: !off };
  }
  const color = !env.NO_COLOR;
  return { styled: isTTY && env.TERM !== "dumb", color };
}

/**
 * Ink styles text with chalk, which decides its level from FORCE_COLOR, the command line
 * (`--color=never`, `--no-color`) and the terminal. Level 0 would drop bold and reverse video too,
 * so the reader raises it to 1 (16 colours, all a theme uses); the theme decides the colours.
 */
export function keepStyling(chalk: { level: number }): void {
  if (chalk.level === 0) chalk.level = 1;
}
