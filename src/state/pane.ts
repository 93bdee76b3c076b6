// The comments pane as pure functions: which comments are visible given the collapsed threads,
// how tall each is at a width, and how the window over them scrolls to keep the selection in view.
// Positions are reading positions (see content/threads.ts).
import type { CommentLayoutCache } from "../layout/comments.js";
import type { Line } from "../layout/lines.js";

export type PaneScroll = { pos: number; offset: number };

const visibleCache = new WeakMap<ReadonlySet<number>, { replies: Int32Array; list: Int32Array }>();

/** Reading positions not hidden inside a collapsed thread, in order. */
export function visibleComments(replies: Int32Array, collapsed: ReadonlySet<number>): Int32Array {
  const cached = visibleCache.get(collapsed);
  if (cached && cached.replies === replies) return cached.list;
  const n = replies.length;
  const list = new Int32Array(n);
  let count = 0;
  for (let pos = 0; pos < n; pos++) {
    list[count++] = pos;
    if (collapsed.has(pos)) pos += replies[pos] as number;
  }
  const result = list.slice(0, count);
  visibleCache.set(collapsed, { replies, list: result });
  return result;
}

/** Index of `pos` in the visible list (binary search), or of the visible comment before it. */
export function indexIn(list: Int32Array, pos: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** The pane as laid out: a comment's lines plus one blank separator line after it. */
export class PaneModel {
  readonly list: Int32Array;
  constructor(
    readonly layout: CommentLayoutCache,
    readonly collapsed: ReadonlySet<number>,
  ) {
    this.list = visibleComments(layout.threads.replies, collapsed);
  }

  linesOf(pos: number): Line[] {
    return this.layout.lines(pos, this.collapsed.has(pos));
  }

  heightOf(pos: number): number {
    return this.linesOf(pos).length + 1;
  }

  /** Lines from a scroll position, at most `rows`, each with the comment it belongs to. */
  window(scroll: PaneScroll, rows: number): { line: Line; pos: number }[] {
    const out: { line: Line; pos: number }[] = [];
    let i = indexIn(this.list, scroll.pos);
    let offset = scroll.offset;
    while (out.length < rows && i < this.list.length) {
      const pos = this.list[i] as number;
      const lines = this.linesOf(pos);
      for (let k = offset; k < lines.length && out.length < rows; k++) {
        out.push({ line: lines[k] as Line, pos });
      }
      if (out.length < rows && offset <= lines.length) {
        out.push({ line: { text: "", kind: "blank" }, pos });
      }
      offset = 0;
      i++;
    }
    return out;
  }

  /**
   * Lines from the top of the view to the first line of comment `pos` (negative when the view
   * starts inside it), or Infinity when that is more than `limit` lines down.
   */
  private distanceToStart(scroll: PaneScroll, pos: number, limit: number): number {
    let i = indexIn(this.list, scroll.pos);
    let d = -scroll.offset;
    while (i < this.list.length && (this.list[i] as number) < pos) {
      d += this.heightOf(this.list[i] as number);
      if (d > limit) return Number.POSITIVE_INFINITY;
      i++;
    }
    return d;
  }

  /**
   * Scroll so that the selected comment is in view: its start when it begins above the view or
   * is taller than the pane, else its end at the bottom when it runs past the view.
   */
  reveal(scroll: PaneScroll, selected: number, rows: number): PaneScroll {
    if (this.startsAbove(scroll, selected)) return { pos: selected, offset: 0 };
    const height = this.linesOf(selected).length;
    const start = this.distanceToStart(scroll, selected, rows);
    if (start + height <= rows) return scroll;
    if (height >= rows) return { pos: selected, offset: 0 };
    return this.scrollUpFrom({ pos: selected, offset: height }, rows);
  }

  /** The scroll position `rows` lines above the point (pos, offset). */
  scrollUpFrom(point: PaneScroll, rows: number): PaneScroll {
    let i = indexIn(this.list, point.pos);
    let need = rows - point.offset;
    if (need <= 0) return { pos: point.pos, offset: point.offset - rows };
    while (i > 0) {
      i--;
      const p = this.list[i] as number;
      const h = this.heightOf(p);
      if (h >= need) return { pos: p, offset: h - need };
      need -= h;
    }
    return { pos: this.list[0] ?? 0, offset: 0 };
  }

  /** Move the view by `delta` lines, clamped to the first line and to the last full page. */
  scrollBy(scroll: PaneScroll, delta: number, rows: number): PaneScroll {
    if (delta < 0) {
      return this.scrollUpFrom(scroll, -delta);
    }
    let i = indexIn(this.list, scroll.pos);
    let offset = scroll.offset + delta;
    while (i < this.list.length - 1) {
      const h = this.heightOf(this.list[i] as number);
      if (offset < h) break;
      offset -= h;
      i++;
    }
    const pos = this.list[i] ?? 0;
    // Only the last comment bounds the offset; in any other, the loop above already has.
    const next = { pos, offset: Math.min(offset, this.heightOf(pos) - 1) };
    const maxTop = this.bottom(rows);
    return this.compare(next, maxTop) > 0 ? maxTop : next;
  }

  /** The scroll position that shows the last page. */
  bottom(rows: number): PaneScroll {
    const last = this.list[this.list.length - 1] ?? 0;
    return this.scrollUpFrom({ pos: last, offset: this.heightOf(last) - 1 }, rows - 1);
  }

  compare(a: PaneScroll, b: PaneScroll): number {
    return a.pos === b.pos ? a.offset - b.offset : a.pos - b.pos;
  }

  /** Whether the selected comment continues below the view. */
  continuesBelow(scroll: PaneScroll, selected: number, rows: number): boolean {
    if (selected < scroll.pos) return false;
    return this.distanceToStart(scroll, selected, rows) + this.linesOf(selected).length > rows;
  }

  /** Whether comment `pos` begins inside the view (its first line is on screen). */
  startsInView(scroll: PaneScroll, pos: number, rows: number): boolean {
    if (this.startsAbove(scroll, pos)) return false;
    return this.distanceToStart(scroll, pos, rows) < rows;
  }

  /** The scroll moved back to the last full page if it is past it (after a fold, a resize). */
  clamp(scroll: PaneScroll, rows: number): PaneScroll {
    const maxTop = this.bottom(rows);
    return this.compare(scroll, maxTop) > 0 ? maxTop : scroll;
  }

  /** Whether the selected comment starts above the view. */
  startsAbove(scroll: PaneScroll, selected: number): boolean {
    return selected < scroll.pos || (selected === scroll.pos && scroll.offset > 0);
  }
}
