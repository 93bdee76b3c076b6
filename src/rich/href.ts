// Which link addresses Lectern will link: http, https and mailto only, with nothing in them that
// could end or extend a terminal escape sequence. Anything else is shown as text, not linked.

// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const UNSAFE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffd]/;
const SCHEME = /^(https?:\/\/[^/?#\s]|mailto:[^\s@]+@)/i;

/** The address if it may be linked, else undefined. */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  if (trimmed.length === 0 || trimmed.length > 4096) return undefined;
  if (UNSAFE.test(trimmed) || !SCHEME.test(trimmed)) return undefined;
  return trimmed;
}

/** A word of plain text that is a web address (bare URLs in plain-text articles). */
export const BARE_URL = /^(https?:\/\/|www\.)[^\s]+$/i;
