// Rich blocks → leaves → lines. A leaf is one run of inline text with the prefix its lines carry
// (quote bars on every line, a list marker on the first and a hanging indent on the rest, a rule
// beside code) and the blank lines before it. Leaves are wrapped into lines that are ranges of
// their text, so marks and links keep their place at any width. Tables are set as aligned rows
// when they fit the column, else as one record per row ("Header: value").
import { safeHref } from "../rich/href.js";
import { type Inline, imageLabel, NO_SPANS, type RichBlock, type Span } from "../rich/model.js";
import { BLANK, type Line, type LineKind, type Piece, prefixWidth } from "./lines.js";
import { textWidth } from "./measure.js";
import { wrapRanges } from "./wrap.js";

export type Leaf = {
  kind: LineKind;
  inline: Inline;
  first: Piece[];
  rest: Piece[];
  /** Code: hard lines kept as they are; a line longer than the column continues after `cont`. */
  code?: Piece[];
  /** Blank lines before the leaf, and the prefix they carry (quote bars continue). */
  gap: number;
  gapPrefix: Piece[];
};

/** Link numbering for print mode: links get " [N]" after their text, listed later. */
export type Refs = {
  next: number;
  pending: { n: number; href: string }[];
  /** Print without styling: struck-through text is shown between "~" marks. */
  plain?: boolean;
};

type Ctx = { kind: LineKind; width: number; refs?: Refs; listDepth: number };

const BULLETS = ["•", "◦", "▪"];

const stable = new WeakMap<object, Map<number, Inline>>();

/**
 * The one Inline for (owner, key), made once: layout at every width and search see the same
 * object, so a search match found in it highlights on whatever lines it is wrapped into.
 */
export function stableInline(owner: object, key: number, make: () => Inline): Inline {
  let byKey = stable.get(owner);
  if (!byKey) {
    byKey = new Map();
    stable.set(owner, byKey);
  }
  let inline = byKey.get(key);
  if (!inline) {
    inline = make();
    byKey.set(key, inline);
  }
  return inline;
}

/** A plain paragraph's inline: its bare web addresses linked. */
export function plainInline(text: string): Inline {
  if (!text.includes("://")) return { text, spans: NO_SPANS };
  const spans: Span[] = [];
  const re = /https?:\/\/[^\s]+/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const url = m[0].replace(/[.,;:!?)\]}'"»”’]+$/, "");
    const href = safeHref(url);
    if (href === url) spans.push({ start: m.index, end: m.index + url.length, mark: "link", href });
  }
  return { text, spans: spans.length > 0 ? spans : NO_SPANS };
}

/** Leaves of a plain-text paragraph (its inline made once per owner and key when given). */
export function plainLeaf(
  text: string,
  kind: LineKind,
  outer: Piece[],
  gap: number,
  owner?: { object: object; key: number },
): Leaf {
  const inline = owner
    ? stableInline(owner.object, owner.key, () => plainInline(text))
    : plainInline(text);
  return { kind, inline, first: outer, rest: outer, gap, gapPrefix: outer };
}

/** The inline a code block is shown from (one per block). */
export function codeInline(block: Extract<RichBlock, { type: "code" }>): Inline {
  return stableInline(block, 0, () => ({ text: block.text, spans: NO_SPANS }));
}

/** The inline an image block is shown as: "[image: ALT]", linked when its address is safe. */
export function imageInline(block: Extract<RichBlock, { type: "image" }>): Inline {
  return stableInline(block, 0, () => {
    const label = imageLabel(block.alt);
    const spans: Span[] = [{ start: 0, end: label.length, mark: "image" }];
    const href = block.src === undefined ? undefined : safeHref(block.src);
    if (href) spans.push({ start: 0, end: label.length, mark: "link", href });
    return { text: label, spans };
  });
}

/** Leaves of rich blocks, inside `outer` (e.g. a comment's indent), for a column `width` wide. */
export function flatten(
  blocks: RichBlock[],
  kind: LineKind,
  outer: Piece[],
  width: number,
  gap: number,
  refs?: Refs,
): Leaf[] {
  const out: Leaf[] = [];
  walk(blocks, { kind, width, refs, listDepth: 0 }, outer, outer, gap, out);
  return out;
}

function bars(prefix: Piece[]): Piece[] {
  // Blank lines keep the quote bars but not markers or trailing spaces.
  const kept = prefix.map((p) =>
    p.role === "marker" ? { text: " ".repeat(p.text.length), role: "indent" as const } : p,
  );
  const last = kept[kept.length - 1];
  if (last?.text.endsWith(" ")) {
    const trimmed = last.text.trimEnd();
    kept[kept.length - 1] = { text: trimmed, role: last.role };
    if (trimmed === "") kept.pop();
  }
  return kept.every((p) => p.role === "indent") ? [] : kept;
}

/**
 * Print mode's text of an inline: each link followed by " [N]" (its address listed later), and,
 * without styling (`refs.plain`), struck-through text between "~" marks. Marks keep their place.
 */
function withRefs(inline: Inline, refs: Refs | undefined): Inline {
  if (!refs) return inline;
  const strike = refs.plain === true;
  if (!inline.spans.some((s) => (s.mark === "link" && s.href) || (strike && s.mark === "del"))) {
    return inline;
  }
  // What goes in where; "before" belongs to the text before it (a closing ~), "after" to what
  // follows (an opening ~, a reference, which is no part of its link).
  type Insert = { at: number; text: string; sticky: "before" | "after"; mark?: "ref" };
  const inserts: Insert[] = [];
  for (const s of inline.spans) {
    if (s.mark === "link" && s.href) {
      const n = refs.next++;
      refs.pending.push({ n, href: s.href });
      inserts.push({ at: s.end, text: ` [${n}]`, sticky: "after", mark: "ref" });
    } else if (strike && s.mark === "del") {
      inserts.push(
        { at: s.start, text: "~", sticky: "after" },
        { at: s.end, text: "~", sticky: "before" },
      );
    }
  }
  inserts.sort(
    (x, y) => x.at - y.at || (x.sticky === y.sticky ? 0 : x.sticky === "before" ? -1 : 1),
  );
  let text = "";
  let from = 0;
  const added: Span[] = [];
  for (const ins of inserts) {
    text += inline.text.slice(from, ins.at);
    if (ins.mark)
      added.push({ start: text.length, end: text.length + ins.text.length, mark: ins.mark });
    text += ins.text;
    from = ins.at;
  }
  text += inline.text.slice(from);
  const shift = (offset: number) => {
    let by = 0;
    for (const ins of inserts) {
      if (ins.at < offset || (ins.at === offset && ins.sticky === "before")) by += ins.text.length;
    }
    return offset + by;
  };
  const spans = inline.spans.map((s) => ({ ...s, start: shift(s.start), end: shift(s.end) }));
  // An opening ~ belongs inside its struck span.
  for (const s of spans) if (strike && s.mark === "del") s.start -= 1;
  return { text, spans: [...spans, ...added].sort((x, y) => x.start - y.start) };
}

/** Keep a prefix to at most half the column: the outermost pieces give way first. */
function fitPrefix(prefix: Piece[], width: number): Piece[] {
  const cap = Math.max(0, Math.floor(width / 2));
  let p = prefix;
  while (p.length > 0 && prefixWidth(p) > cap) p = p.slice(1);
  return p;
}

function walk(
  blocks: RichBlock[],
  ctx: Ctx,
  first: Piece[],
  rest: Piece[],
  gap: number,
  out: Leaf[],
): void {
  let lead = first; // the first leaf of this container takes the marker
  let g = gap;
  const push = (leaf: Omit<Leaf, "first" | "rest" | "gapPrefix">) => {
    out.push({
      ...leaf,
      first: fitPrefix(lead, ctx.width),
      rest: fitPrefix(rest, ctx.width),
      gapPrefix: fitPrefix(bars(rest), ctx.width),
    });
    lead = rest;
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as RichBlock;
    const blockGap =
      i === 0
        ? g
        : block.type === "list" && blocks[i - 1]?.type !== "list" && ctx.listDepth > 0
          ? 0
          : 1;
    switch (block.type) {
      case "paragraph":
        push({ kind: ctx.kind, inline: withRefs(block.inline, ctx.refs), gap: blockGap });
        break;
      case "heading":
        push({ kind: "subheading", inline: withRefs(block.inline, ctx.refs), gap: blockGap });
        break;
      case "image":
        push({ kind: ctx.kind, inline: withRefs(imageInline(block), ctx.refs), gap: blockGap });
        break;
      case "rule": {
        const inner = Math.max(1, ctx.width - prefixWidth(rest));
        push({
          kind: "rule",
          inline: { text: "─".repeat(Math.min(inner, 40)), spans: NO_SPANS },
          gap: blockGap,
        });
        break;
      }
      case "code":
        push({
          kind: "code",
          inline: codeInline(block),
          gap: blockGap,
          code: [...rest, { text: "↪ ", role: "continuation" }],
        });
        // The code rule goes on every line of the block.
        {
          const leaf = out[out.length - 1] as Leaf;
          const rule: Piece = { text: "▏ ", role: "codeRule" };
          leaf.first = fitPrefix([...leaf.first, rule], ctx.width);
          leaf.rest = fitPrefix([...leaf.rest, rule], ctx.width);
        }
        break;
      case "quote": {
        const bar: Piece = { text: "│ ", role: "quoteBar" };
        const at = out.length;
        walk(block.blocks, ctx, [...lead, bar], [...rest, bar], blockGap, out);
        // The blank lines before a quote belong to what holds it, not to the quote.
        const firstLeaf = out[at];
        if (firstLeaf) firstLeaf.gapPrefix = fitPrefix(bars(rest), ctx.width);
        lead = rest;
        break;
      }
      case "list": {
        const depth = ctx.listDepth;
        const last = block.start + block.items.length - 1;
        const numberWidth = String(Math.max(block.start, last)).length + 1;
        block.items.forEach((item, k) => {
          const marker = block.ordered
            ? `${String(block.start + k)}.`.padStart(numberWidth)
            : (BULLETS[depth % BULLETS.length] as string);
          const markerPiece: Piece = { text: `${marker} `, role: "marker" };
          const hang: Piece = { text: " ".repeat(marker.length + 1), role: "indent" };
          walk(
            item.length > 0 ? item : [{ type: "paragraph", inline: { text: "", spans: NO_SPANS } }],
            { ...ctx, listDepth: depth + 1 },
            [...lead, markerPiece],
            [...rest, hang],
            k === 0 ? blockGap : 0,
            out,
          );
          lead = rest;
        });
        break;
      }
      case "table":
        tableLeaves(block, ctx, rest, blockGap, push);
        break;
    }
    g = 1;
  }
}

function cellText(c: Inline): Inline {
  return c.text.includes("\n") ? { text: c.text.replace(/\n/g, " "), spans: c.spans } : c;
}

function tableLeaves(
  table: Extract<RichBlock, { type: "table" }>,
  ctx: Ctx,
  rest: Piece[],
  gap: number,
  push: (leaf: Omit<Leaf, "first" | "rest" | "gapPrefix">) => void,
): void {
  const header = table.header.map(cellText);
  const rows = table.rows.map((r) => r.map(cellText));
  const columns = Math.max(header.length, ...rows.map((r) => r.length));
  const widths = new Array<number>(columns).fill(0);
  for (const row of [header, ...rows]) {
    row.forEach((c, i) => {
      widths[i] = Math.max(widths[i] as number, textWidth(c.text));
    });
  }
  const inner = Math.max(1, ctx.width - prefixWidth(rest));
  const total = widths.reduce((a, b) => a + b, 0) + 3 * (columns - 1);
  if (total <= inner) {
    const line = (cells: Inline[], strong: boolean): Inline => {
      let text = "";
      const spans: Span[] = [];
      for (let i = 0; i < columns; i++) {
        if (i > 0) text += " │ ";
        const c = cells[i] ?? { text: "", spans: NO_SPANS };
        const pad = (widths[i] as number) - textWidth(c.text);
        const right = table.align[i] === "right";
        const leftPad = right ? pad : table.align[i] === "center" ? Math.floor(pad / 2) : 0;
        text += " ".repeat(leftPad);
        const at = text.length;
        for (const s of c.spans) spans.push({ ...s, start: s.start + at, end: s.end + at });
        if (strong && c.text !== "")
          spans.push({ start: at, end: at + c.text.length, mark: "strong" });
        text += c.text + " ".repeat(pad - leftPad);
        if (i === columns - 1) text = text.trimEnd();
      }
      spans.sort((x, y) => x.start - y.start);
      return withRefs({ text, spans: spans.length > 0 ? spans : NO_SPANS }, ctx.refs);
    };
    let g = gap;
    if (header.length > 0) {
      push({ kind: "table", inline: line(header, true), gap: g, code: rest });
      const rule = widths.map((w) => "─".repeat(w)).join("─┼─");
      push({ kind: "rule", inline: { text: rule, spans: NO_SPANS }, gap: 0, code: rest });
      g = 0;
    }
    for (const row of rows) {
      push({ kind: "table", inline: line(row, false), gap: g, code: rest });
      g = 0;
    }
    return;
  }
  // One record per row: "Header: value" lines, records apart.
  rows.forEach((row, r) => {
    row.forEach((c, i) => {
      const name = header[i]?.text ?? "";
      const label = name === "" ? "" : `${name}: `;
      const spans: Span[] =
        label === "" ? [] : [{ start: 0, end: label.length - 1, mark: "strong" }];
      for (const s of c.spans)
        spans.push({ ...s, start: s.start + label.length, end: s.end + label.length });
      push({
        kind: ctx.kind,
        inline: withRefs(
          { text: label + c.text, spans: spans.length > 0 ? spans : NO_SPANS },
          ctx.refs,
        ),
        gap: i === 0 ? (r === 0 ? gap : 1) : 0,
      });
    });
  });
}

/** Lines of leaves at a column width, appended to `out` (with `each` told of every line). */
export function layLeaves(leaves: Leaf[], width: number, out: Line[], each?: () => void): void {
  for (const leaf of leaves) {
    for (let i = 0; i < leaf.gap; i++) {
      out.push(
        leaf.gapPrefix.length > 0 ? { text: "", kind: "blank", prefix: leaf.gapPrefix } : BLANK,
      );
      each?.();
    }
    const text = leaf.inline.text;
    const firstWidth = prefixWidth(leaf.first);
    const inner = Math.max(1, width - firstWidth);
    const source = leaf.inline;
    if (leaf.code) {
      codeLines(leaf, inner, out, each);
      continue;
    }
    const ranges = wrapRanges(text, inner);
    for (let i = 0; i < ranges.length; i++) {
      const r = ranges[i] as { start: number; end: number; text?: string };
      const prefix = i === 0 ? leaf.first : leaf.rest;
      out.push({
        text: r.text ?? text.slice(r.start, r.end),
        kind: leaf.kind,
        ...(prefix.length > 0 && { prefix }),
        source,
        start: r.start,
        end: r.end,
      });
      each?.();
    }
  }
}

/** Code lines: never re-wrapped; a line wider than the column continues after a mark. */
function codeLines(leaf: Leaf, inner: number, out: Line[], each?: () => void): void {
  const text = leaf.inline.text;
  const cont = leaf.code as Piece[];
  const contInner = Math.max(1, inner + prefixWidth(leaf.rest) - prefixWidth(cont));
  let at = 0;
  let firstLine = true;
  while (at <= text.length) {
    const nl = text.indexOf("\n", at);
    const end = nl < 0 ? text.length : nl;
    let start = at;
    let piece = 0;
    do {
      const room = piece === 0 ? inner : contInner;
      const cut = cutAt(text, start, end, room);
      const prefix = piece === 0 ? (firstLine ? leaf.first : leaf.rest) : cont;
      out.push({
        text: text.slice(start, cut),
        kind: leaf.kind,
        ...(prefix.length > 0 && { prefix }),
        source: leaf.inline,
        start,
        end: cut,
      });
      each?.();
      start = cut;
      piece++;
    } while (start < end);
    firstLine = false;
    if (nl < 0) break;
    at = nl + 1;
  }
}

/** The furthest offset after `start` whose text fits in `room` columns (at least one character). */
function cutAt(text: string, start: number, end: number, room: number): number {
  // Only the head of a long line is looked at: a cut never needs more than this.
  const slice = text.slice(start, Math.min(end, start + room * 4 + 64));
  if (textWidth(slice) <= room) return start + slice.length;
  const ranges = wrapRanges(slice.replace(/ /g, "\u00a0"), room);
  const first = ranges[0];
  return start + Math.max(1, first ? first.end : 1);
}

/** Print mode's list of links: "[N] URL" lines (never cut: they are for copying). */
export function refLines(refs: Refs, prefix: Piece[]): Line[] {
  const lines: Line[] = [];
  for (const { n, href } of refs.pending) {
    const label = `[${n}] `;
    const text = label + href;
    const source: Inline = {
      text,
      spans: [{ start: label.length, end: text.length, mark: "link", href }],
    };
    lines.push({
      text,
      kind: "ref",
      ...(prefix.length > 0 && { prefix }),
      source,
      start: 0,
      end: text.length,
    });
  }
  refs.pending = [];
  return lines;
}
