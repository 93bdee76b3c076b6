// A laid-out line → styled segments: its prefix pieces, then its text cut where marks (emphasis,
// code, links…) begin and end, each piece styled from the theme. Shared by the reader's frame and
// by coloured print mode; a segment that is part of a link carries its address.

import { visualLine } from "../layout/bidi.js";
import type { Line } from "../layout/lines.js";
import { textWidth, truncate } from "../layout/wrap.js";
import { theme as defaultTheme, merge, type Style, type Theme } from "./theme.js";

export type Segment = { text: string; style?: Style; href?: string };

/** Search matches over a line's source text: [start, end) pairs, and the current match's start. */
export type Highlights = { offsets: readonly number[]; current?: number };

/**
 * The segments of a line, styled with `base` under the line kind's own style; search matches
 * (offsets into the line's source) drawn in the theme's match styles on top of everything.
 */
export function lineSegments(
  line: Line,
  base?: Style,
  theme: Theme = defaultTheme,
  highlights?: Highlights,
  column?: number,
): Segment[] {
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
  const sliced =
    !!source && end - start === line.text.length && source.text.slice(start, end) === line.text;
  const offsets = highlights?.offsets ?? [];
  /** The style of the text at [a, b) (no mark boundary inside), and its link. */
  const styleAt = (a: number, b: number): { style: Style; href?: string } => {
    let style = kindStyle;
    let href: string | undefined;
    for (const s of source?.spans ?? []) {
      if (s.start <= a && s.end >= b) {
        style = merge(style, theme.marks[s.mark]);
        if (s.mark === "link" && s.href) href = s.href;
      }
    }
    for (let k = 0; k < offsets.length; k += 2) {
      if ((offsets[k] as number) <= a && (offsets[k + 1] as number) >= b) {
        const current = highlights?.current === offsets[k];
        style = merge(style, current ? theme.chrome.matchCurrent : theme.chrome.match);
        break;
      }
    }
    return href ? { style, href } : { style };
  };
  // Right-to-left paragraphs: the line in display order, right-aligned (see bidi.ts).
  const visual =
    sliced && source && line.kind !== "code" && line.kind !== "table"
      ? visualLine(source, start, end, line.kind === "meta")
      : undefined;
  if (visual) {
    if (visual.rtl && column !== undefined) {
      const used = out.reduce((w, seg) => w + textWidth(seg.text), 0) + textWidth(line.text);
      if (column > used) out.push({ text: " ".repeat(column - used) });
    }
    for (const piece of visual.pieces) {
      const { style, href } = styleAt(piece.start, piece.end);
      const last = out[out.length - 1];
      if (last && last.style === style && last.href === href) last.text += piece.text;
      else out.push({ text: piece.text, style, ...(href && { href }) });
    }
    return out;
  }
  const marks = offsets.length > 0;
  if (!sliced || !source || (source.spans.length === 0 && !marks)) {
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
  for (let k = 0; k < offsets.length; k += 2) {
    const a = offsets[k] as number;
    const b = offsets[k + 1] as number;
    if (b <= start || a >= end) continue;
    if (a > start) cuts.add(a);
    if (b < end) cuts.add(b);
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i] as number;
    const b = points[i + 1] as number;
    const { style, href } = styleAt(a, b);
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
