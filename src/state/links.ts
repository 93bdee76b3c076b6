// The links the link list offers: those of the section on screen (of the end matter past the
// last section), or of the selected comment when the comments pane has the focus. Read from the
// laid-out lines' marks, numbered in reading order, each address once per text.
import type { Article } from "../content/schema.js";
import type { Line } from "../layout/lines.js";
import type { Span } from "../rich/model.js";
import type { ReaderState } from "./reducer.js";
import { articleLayoutOf, commentCount, paneOf } from "./view.js";

export type Link = { text: string; href: string };

function collect(lines: Iterable<Line>): Link[] {
  const seen = new Set<Span>();
  const out: Link[] = [];
  for (const line of lines) {
    const source = line.source;
    if (!source || source.spans.length === 0) continue;
    const start = line.start ?? 0;
    const end = line.end ?? start + line.text.length;
    for (const span of source.spans) {
      if (span.mark !== "link" || !span.href || seen.has(span)) continue;
      if (span.end <= start || span.start >= end) continue;
      seen.add(span);
      const text = source.text.slice(span.start, span.end).replace(/\s+/g, " ").trim();
      out.push({ text: text === "" ? span.href : text, href: span.href });
    }
  }
  return out;
}

export function linksOf(article: Article, state: ReaderState): Link[] {
  if (state.focus === "pane" && state.paneOpen && commentCount(article) > 0) {
    return collect(paneOf(article, state).layout.lines(state.selected, false));
  }
  const layout = articleLayoutOf(article, state);
  const section = layout.sectionAt(state.top);
  const blocks = layout.outline.blocks;
  // The section's blocks: from its first block to the next section's (or the end matter).
  const first =
    section >= 0
      ? (layout.outline.sections[section]?.block ?? 0)
      : firstEndBlock(blocks, state.top, layout);
  let last = first;
  while (last + 1 < blocks.length && blocks[last + 1]?.section === blocks[first]?.section) last++;
  layout.ensureBlock(Math.min(blocks.length - 1, last + 1));
  const lines: Line[] = [];
  for (let l = layout.blockStart[first] ?? 0; l < layout.lines.length; l++) {
    const b = layout.lineBlock[l] as number;
    if (b > last) break;
    lines.push(layout.lines[l] as Line);
  }
  return collect(lines);
}

/** Outside any section: the title block (top) or the end matter (bottom), whichever holds `top`. */
function firstEndBlock(
  blocks: { section: number }[],
  top: number,
  layout: { lineBlock: number[] },
): number {
  const b = layout.lineBlock[Math.min(top, layout.lineBlock.length - 1)] ?? 0;
  let first = b;
  while (first > 0 && blocks[first - 1]?.section === -1) first--;
  return first;
}
