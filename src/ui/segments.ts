// A laid-out line → styled segments: its prefix pieces, then its text cut where marks (emphasis,
// code, links…) begin and end, each piece styled from the theme. Shared by the reader's frame and
// by coloured print mode; a segment that is part of a link carries its address.
import type { Line } from "../layout/lines.js";
import { textWidth, truncate } from "../layout/wrap.js";
import { theme as defaultTheme, merge, type Style, type Theme } from "./theme.js";

export type Segment = { text: string; style?: Style; href?: string };

/** The segments of a line, styled with `base` under the line kind's own style. */
export function lineSegments(line: Line, base?: Style, theme: Theme = defaultTheme): Segment[] {
  const out: Segment[] = [];
  if (line.prefix) {
    for (const p of line.prefix) {
      if (p.text !== "") out.push({ text: p.text, style: theme.prefixes[p.role] });
    }
  }
  const kindStyle = base ? merge(theme.kinds[line.kind], base) : theme.kinds[line.kind];
  const source = line.source;
  const start = line.start ?? 0;
  const end = line.end ?? start + line.text.length;
  const plain =
    !source ||
    source.spans.length === 0 ||
    end - start !== line.text.length ||
    source.text.slice(start, end) !== line.text;
  if (plain) {
    if (line.text !== "") out.push({ text: line.text, style: kindStyle });
    return out;
  }
  // Cut points: the line's ends and every mark boundary inside it.
  const cuts = new Set<number>([start, end]);
  for (const s of source.spans) {
    if (s.end <= start || s.start >= end) continue;
    if (s.start > start) cuts.add(s.start);
    if (s.end < end) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i] as number;
    const b = points[i + 1] as number;
    let style = kindStyle;
    let href: string | undefined;
    for (const s of source.spans) {
      if (s.start <= a && s.end >= b) {
        style = merge(style, theme.marks[s.mark]);
        if (s.mark === "link" && s.href) href = s.href;
      }
    }
    out.push({ text: source.text.slice(a, b), style, ...(href && { href }) });
  }
  return out;
}

/** Segments cut to at most `width` columns (a cut ends in "…"); returns them and their width. */
export function fitSegments(segments: Segment[], width: number): { row: Segment[]; used: number } {
  const row: Segment[] = [];
  let used = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] as Segment;
    const w = textWidth(s.text);
    if (used + w <= width) {
      // The last segment that fits whole, unless more follow and nothing is left for them.
      row.push(s);
      used += w;
      continue;
    }
    const text = truncate(s.text, width - used);
    if (text !== "") row.push({ ...s, text });
    used += textWidth(text);
    // Anything after a cut segment is dropped; if the cut left no room for "…", mark the end.
    if (text === "" && row.length > 0) {
      const last = row[row.length - 1] as Segment;
      row[row.length - 1] = { ...last, text: truncate(`${last.text}…`, textWidth(last.text)) };
    }
    break;
  }
  return { row, used };
}
