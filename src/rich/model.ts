// The one model of rich text that Markdown and HTML are both parsed into: blocks holding inline
// text with marks over character offsets. Text here is plain and already sanitised (parsers build
// it through InlineBuilder, which sends every fragment through the sanitiser); styles are applied
// only when a frame or a printed line is composed.
import { sanitizeText } from "../content/sanitize.js";
import { safeHref } from "./href.js";

export type Mark =
  | "em"
  | "strong"
  | "code"
  | "del"
  | "link"
  | "sup"
  | "sub"
  | "image"
  /** A printed link's reference number, " [3]". */
  | "ref";

/** A mark over text[start, end). A link carries its (checked) address. */
export type Span = { start: number; end: number; mark: Mark; href?: string };

/** Inline content: plain text ("\n" is a hard line break) and the marks over it. */
export type Inline = { text: string; spans: Span[] };

export type Align = "left" | "right" | "center" | null;

export type RichBlock =
  | { type: "paragraph"; inline: Inline }
  | { type: "heading"; level: number; inline: Inline }
  | { type: "quote"; blocks: RichBlock[] }
  | { type: "list"; ordered: boolean; start: number; items: RichBlock[][] }
  | { type: "code"; lang?: string; text: string }
  | { type: "rule" }
  | { type: "image"; alt: string; src?: string }
  | { type: "table"; header: Inline[]; rows: Inline[][]; align: Align[] };

export const NO_SPANS: Span[] = [];

/** Builds one Inline from fragments and nested marks, sanitising every fragment on the way. */
export class InlineBuilder {
  private text = "";
  private readonly spans: Span[] = [];
  private readonly open: { mark: Mark; start: number; href?: string }[] = [];

  get length(): number {
    return this.text.length;
  }

  endsWithSpace(): boolean {
    const last = this.text[this.text.length - 1];
    return last === " " || last === "\n";
  }

  /** Append text; runs of whitespace other than "\n" may be collapsed by the caller. */
  add(fragment: string): void {
    if (fragment !== "") this.text += sanitizeText(fragment).replace(/\n/g, " ");
  }

  /** A hard line break. */
  lineBreak(): void {
    this.text += "\n";
  }

  /** Open a mark; a link whose address is not safe is not linked (its text stays). */
  push(mark: Mark, href?: string): void {
    if (mark === "link") {
      const safe = href === undefined ? undefined : safeHref(href);
      this.open.push({ mark, start: this.text.length, ...(safe && { href: safe }) });
      return;
    }
    this.open.push({ mark, start: this.text.length });
  }

  pop(mark: Mark): void {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const o = this.open[i] as { mark: Mark; start: number; href?: string };
      if (o.mark !== mark) continue;
      this.open.splice(i, 1);
      if (this.text.length > o.start && (mark !== "link" || o.href !== undefined)) {
        this.spans.push({
          start: o.start,
          end: this.text.length,
          mark,
          ...(o.href && { href: o.href }),
        });
      }
      return;
    }
  }

  /** An image inside text: "[image: ALT]", linked to its address. */
  image(alt: string, src: string | undefined): void {
    const label = imageLabel(alt);
    const start = this.text.length;
    this.add(label);
    this.spans.push({ start, end: this.text.length, mark: "image" });
    const href = src === undefined ? undefined : safeHref(src);
    if (href) this.spans.push({ start, end: this.text.length, mark: "link", href });
  }

  /** The inline so far, trimmed of spaces at its ends (spans kept within the text). */
  build(): Inline {
    while (this.open.length > 0) this.pop((this.open[this.open.length - 1] as { mark: Mark }).mark);
    const text = this.text;
    let start = 0;
    let end = text.length;
    while (start < end && (text[start] === " " || text[start] === "\n")) start++;
    while (end > start && (text[end - 1] === " " || text[end - 1] === "\n")) end--;
    const spans: Span[] = [];
    for (const s of this.spans) {
      const a = Math.max(s.start, start) - start;
      const b = Math.min(s.end, end) - start;
      if (b > a) spans.push({ ...s, start: a, end: b });
    }
    spans.sort((x, y) => x.start - y.start || y.end - x.end);
    return { text: text.slice(start, end), spans: spans.length > 0 ? spans : NO_SPANS };
  }
}

export function imageLabel(alt: string): string {
  const clean = sanitizeText(alt).replace(/\s+/g, " ").trim();
  return clean === "" ? "[image]" : `[image: ${clean}]`;
}

/** Code text as shown: sanitised, tabs expanded to stops of four, no trailing newline. */
export function codeText(raw: string): string {
  const lines = raw.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
  return lines
    .map((line) => {
      if (!line.includes("\t")) return sanitizeText(line);
      let out = "";
      for (const ch of line) {
        if (ch === "\t") out += " ".repeat(4 - (out.length % 4));
        else out += ch;
      }
      return sanitizeText(out);
    })
    .join("\n");
}

/** The plain text of a block tree, blocks separated by blank lines (used for plain fallbacks). */
export function plainText(blocks: RichBlock[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case "paragraph":
      case "heading":
        out.push(b.inline.text);
        break;
      case "quote":
        out.push(plainText(b.blocks));
        break;
      case "list":
        for (const item of b.items) out.push(plainText(item));
        break;
      case "code":
        out.push(b.text);
        break;
      case "image":
        out.push(imageLabel(b.alt));
        break;
      case "table":
        out.push(b.header.map((c) => c.text).join(" "));
        for (const row of b.rows) out.push(row.map((c) => c.text).join(" "));
        break;
      case "rule":
        break;
    }
  }
  return out.join("\n\n");
}
