// Whether links are drawn as real terminal hyperlinks (OSC 8), decided once at start-up:
// LECTERN_HYPERLINKS=1 or 0 decides, else the config's `hyperlinks` ("always", "never"), else
// ("auto") the terminal's known support (supports-hyperlinks).
// The address written is the link's checked address (rich/href.ts): no control characters.

let enabled = false;

export function setHyperlinks(on: boolean): void {
  enabled = on;
}

export function hyperlinksOn(): boolean {
  return enabled;
}

/** Decide from the environment, the setting and the output stream. */
export async function detectHyperlinks(
  stream: { isTTY?: boolean },
  setting: "auto" | "always" | "never" = "auto",
): Promise<boolean> {
  const forced = process.env.LECTERN_HYPERLINKS;
  if (forced === "1") return true;
  if (forced === "0") return false;
  if (setting !== "auto") return setting === "always";
  const { createSupportsHyperlinks } = await import("supports-hyperlinks");
  return createSupportsHyperlinks(stream);
}

/** Text wrapped in an OSC 8 hyperlink (BEL-terminated, the form Ink's output parser knows). */
export function osc8(href: string, text: string): string {
  return `\x1b]8;;${href}\x07${text}\x1b]8;;\x07`;
}
