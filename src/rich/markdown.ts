// Markdown → the rich-text model, through marked's lexer (CommonMark with GitHub's autolinks,
// strikethrough and tables). Raw HTML is kept as the text it is, never interpreted. Loaded only
// when an article or a comment is written in Markdown (see rich/parse.ts).
import { decodeHTML } from "entities";
import { Lexer, type Token, type Tokens } from "marked";
import { codeText, InlineBuilder, type RichBlock } from "./model.js";

const OPTIONS = { gfm: true, breaks: false } as const;

export function parseMarkdown(source: string): RichBlock[] {
  return blocks(Lexer.lex(source, OPTIONS));
}

function blocks(tokens: Token[]): RichBlock[] {
  const out: RichBlock[] = [];
  // A list item's text runs (tight lists) gather into one paragraph.
  let loose: InlineBuilder | undefined;
  const flush = () => {
    if (loose) {
      const inline = loose.build();
      if (inline.text !== "") out.push({ type: "paragraph", inline });
      loose = undefined;
    }
  };
  for (const token of tokens) {
    if (token.type === "text" || token.type === "checkbox") {
      loose ??= new InlineBuilder();
      if (token.type === "checkbox")
        loose.add((token as Tokens.Checkbox).checked ? "[x] " : "[ ] ");
      else {
        if (loose.length > 0) loose.add(" ");
        const t = token as Tokens.Text;
        if (t.tokens) inline(t.tokens, loose);
        else loose.add(decodeHTML(t.text));
      }
      continue;
    }
    flush();
    switch (token.type) {
      case "space":
        break;
      case "paragraph": {
        const b = new InlineBuilder();
        inline((token as Tokens.Paragraph).tokens, b);
        const built = b.build();
        const only = (token as Tokens.Paragraph).tokens;
        if (only.length === 1 && only[0]?.type === "image") {
          const img = only[0] as Tokens.Image;
          out.push({ type: "image", alt: decodeHTML(img.text), src: img.href });
        } else if (built.text !== "") out.push({ type: "paragraph", inline: built });
        break;
      }
      case "heading": {
        const b = new InlineBuilder();
        inline((token as Tokens.Heading).tokens, b);
        out.push({ type: "heading", level: (token as Tokens.Heading).depth, inline: b.build() });
        break;
      }
      case "blockquote":
        out.push({ type: "quote", blocks: blocks((token as Tokens.Blockquote).tokens) });
        break;
      case "list": {
        const list = token as Tokens.List;
        const start = typeof list.start === "number" ? list.start : 1;
        out.push({
          type: "list",
          ordered: list.ordered,
          start,
          items: list.items.map((item) => blocks(item.tokens)),
        });
        break;
      }
      case "code": {
        const code = token as Tokens.Code;
        const lang = code.lang?.trim().split(/\s+/)[0];
        out.push({ type: "code", text: codeText(code.text), ...(lang && { lang }) });
        break;
      }
      case "hr":
        out.push({ type: "rule" });
        break;
      case "table": {
        const table = token as Tokens.Table;
        const cell = (c: Tokens.TableCell) => {
          const b = new InlineBuilder();
          inline(c.tokens, b);
          return b.build();
        };
        out.push({
          type: "table",
          header: table.header.map(cell),
          rows: table.rows.map((row) => row.map(cell)),
          align: table.align.map((a) => a ?? null),
        });
        break;
      }
      case "html": {
        // Raw HTML in Markdown is shown as text, never interpreted.
        const b = new InlineBuilder();
        b.add((token as Tokens.HTML).text.replace(/\n+$/, ""));
        const built = b.build();
        if (built.text !== "") out.push({ type: "paragraph", inline: built });
        break;
      }
      default: {
        const raw = (token as { raw?: string }).raw ?? "";
        const b = new InlineBuilder();
        b.add(raw);
        const built = b.build();
        if (built.text !== "") out.push({ type: "paragraph", inline: built });
      }
    }
  }
  flush();
  return out;
}

const MARKS: Partial<Record<string, "em" | "strong" | "del">> = {
  em: "em",
  strong: "strong",
  del: "del",
};

function inline(tokens: Token[] | undefined, b: InlineBuilder): void {
  if (!tokens) return;
  for (const token of tokens) {
    const mark = MARKS[token.type];
    if (mark) {
      b.push(mark);
      inline((token as Tokens.Em).tokens, b);
      b.pop(mark);
      continue;
    }
    switch (token.type) {
      case "text": {
        const t = token as Tokens.Text;
        if (t.tokens) inline(t.tokens, b);
        else b.add(decodeHTML(t.text));
        break;
      }
      case "escape":
        b.add((token as Tokens.Escape).text);
        break;
      case "codespan":
        b.push("code");
        b.add((token as Tokens.Codespan).text);
        b.pop("code");
        break;
      case "br":
        b.lineBreak();
        break;
      case "link": {
        const link = token as Tokens.Link;
        b.push("link", link.href);
        inline(link.tokens, b);
        b.pop("link");
        break;
      }
      case "image": {
        const img = token as Tokens.Image;
        b.image(decodeHTML(img.text), img.href);
        break;
      }
      case "html":
        b.add((token as Tokens.HTML).text);
        break;
      default:
        b.add((token as { raw?: string }).raw ?? "");
    }
  }
}
