// Where a key of a TOML file is written: its line, found by reading the file's table headers
// (`[keys.article]`) and `key = value` lines, for messages such as
// `config.toml:12: keys.article.line-dwn: unknown command`. The TOML parser gives values, not
// places; a config file is small, and this reading covers the forms people write (bare, quoted and
// dotted keys, tables), falling back to the nearest enclosing table when a key is not found.

/** A key as written ("line-down", "\"odd key\"", 'x') → its name. */
function unquote(part: string): string {
  const t = part.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) {
    return t.slice(1, -1);
  }
  return t;
}

/** A dotted key (`keys . article`, `"a.b".c`) → its parts. */
function splitDotted(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quote: string | undefined;
  for (const char of text) {
    if (quote) {
      current += char;
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
      current += char;
    } else if (char === ".") {
      parts.push(unquote(current));
      current = "";
    } else current += char;
  }
  parts.push(unquote(current));
  return parts;
}

/** Every table and key of the file by its dotted path (JSON of the parts) → its line (1-based). */
export function keyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let table: string[] = [];
  const note = (path: string[], line: number) => {
    for (let n = 1; n <= path.length; n++) {
      const key = JSON.stringify(path.slice(0, n));
      if (!lines.has(key)) lines.set(key, line);
    }
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const header = /^\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(line);
    if (header) {
      table = splitDotted(header[1] as string);
      note(table, i + 1);
      return;
    }
    const assignment = /^((?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-.\s])+?)\s*=/.exec(line);
    if (assignment) note([...table, ...splitDotted(assignment[1] as string)], i + 1);
  });
  return lines;
}

/** The line of `path` (or of its nearest enclosing table or key that is written), if any. */
export function lineOf(
  lines: Map<string, number>,
  path: readonly (string | number)[],
): number | undefined {
  const keys = path.filter((p): p is string => typeof p === "string");
  for (let n = keys.length; n > 0; n--) {
    const line = lines.get(JSON.stringify(keys.slice(0, n)));
    if (line !== undefined) return line;
  }
  return undefined;
}
