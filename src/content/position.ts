// Offsets in a text → the line and column an editor shows (1-based; the column counts characters,
// not UTF-16 units; CR LF, a lone CR and LF each end a line).

export type LineColumn = { line: number; column: number };

/** The line and column of the character at `offset` (a UTF-16 index into `text`). */
export function lineColumn(text: string, offset: number): LineColumn {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    // In CR LF the LF ends the line.
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < end; i++) {
    const c = text.charCodeAt(i);
    // The high half of a surrogate pair starts a character; its low half does not.
    if (c < 0xdc00 || c > 0xdfff || i === lineStart) column++;
    else if (!isHighSurrogate(text.charCodeAt(i - 1))) column++;
  }
  return { line, column };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
