// HTML → the rich-text model, for the safe subset real comment systems emit: p, br, a, em/i,
// strong/b, code, pre, blockquote, ul/ol/li, h1–h6, hr, img (its alt), table, del/s, sup/sub.
// Any other element is reduced to its text; script, style, iframe, head, comments and the like
// are dropped; entities are decoded (then sanitised like all text). A streaming parser
// (htmlparser2): no DOM is built. Loaded only when something is written in HTML.
import { Parser } from "htmlparser2";
import { type Align, codeText, InlineBuilder, type Mark, type RichBlock } from "./model.js";

const DROPPED = new Set([
  "script",
  "style",
  "iframe",
  "head",
  "title",
  "template",
  "noscript",
  "object",
  "embed",
  "video",
  "audio",
  "canvas",
  "svg",
  "math",
  "select",
  "textarea",
  "button",
]);

const INLINE_MARKS: Record<string, Mark> = {
  em: "em",
  i: "em",
  cite: "em",
  strong: "strong",
  b: "strong",
  code: "code",
  kbd: "code",
  samp: "code",
  tt: "code",
  del: "del",
  s: "del",
  strike: "del",
  sup: "sup",
  sub: "sub",
};

/** Elements that end the paragraph in progress without a meaning of their own here. */
const BREAKS = new Set([
  "p",
  "div",
  "section",
  "article",
  "header",
  "footer",
  "aside",
  "nav",
  "main",
  "figure",
  "figcaption",
  "dl",
  "dt",
  "dd",
  "details",
  "summary",
  "address",
  "form",
  "fieldset",
  "center",
  "caption",
]);

type Container = { blocks: RichBlock[] };
type ListFrame = { ordered: boolean; start: number; items: RichBlock[][] };
type TableFrame = {
  header: InlineBuilder[];
  rows: InlineBuilder[][];
  inHead: boolean;
  row?: InlineBuilder[];
  rowIsHeader: boolean;
  align: Align[];
};

function alignOf(attrs: Record<string, string>): Align {
  const value = (
    attrs.align ??
    /text-align\s*:\s*(left|right|center)/i.exec(attrs.style ?? "")?.[1] ??
    ""
  ).toLowerCase();
  return value === "left" || value === "right" || value === "center" ? value : null;
}

export function parseHtml(source: string): RichBlock[] {
  const root: Container = { blocks: [] };
  const containers: Container[] = [root];
  const lists: ListFrame[] = [];
  const tables: TableFrame[] = [];
  let inline = new InlineBuilder();
  let heading: number | undefined;
  let skip = 0;
  let pre: { text: string; lang?: string } | undefined;
  let cell: InlineBuilder | undefined;

  const container = () => containers[containers.length - 1] as Container;
  const target = () => cell ?? inline;

  const flush = () => {
    const built = inline.build();
    inline = new InlineBuilder();
    if (built.text === "") return;
    if (heading !== undefined) {
      container().blocks.push({ type: "heading", level: heading, inline: built });
      return;
    }
    const whole = built.spans.find((s) => s.mark === "image" && s.start === 0);
    if (whole && whole.end === built.text.length) {
      const link = built.spans.find((s) => s.mark === "link");
      const alt = built.text.replace(/^\[image(?::\s*)?/, "").replace(/\]$/, "");
      container().blocks.push({ type: "image", alt, ...(link?.href && { src: link.href }) });
      return;
    }
    container().blocks.push({ type: "paragraph", inline: built });
  };

  const addText = (text: string) => {
    const b = target();
    const collapsed = text.replace(/[ \t\n\r\f]+/g, " ");
    if (collapsed === " " && (b.length === 0 || b.endsWithSpace())) return;
    b.add(collapsed.startsWith(" ") && b.endsWithSpace() ? collapsed.slice(1) : collapsed);
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skip > 0) {
          if (DROPPED.has(name)) skip++;
          return;
        }
        if (DROPPED.has(name)) {
          skip = 1;
          return;
        }
        if (pre) {
          if (name === "br") pre.text += "\n";
          if (name === "code" && !pre.lang) {
            const lang = /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(attrs.class ?? "")?.[1];
            if (lang) pre.lang = lang;
          }
          return;
        }
        const mark = INLINE_MARKS[name];
        if (mark) {
          target().push(mark);
          return;
        }
        switch (name) {
          case "a":
            target().push("link", attrs.href);
            return;
          case "br":
            target().lineBreak();
            return;
          case "img":
            target().image(attrs.alt ?? "", attrs.src);
            return;
          case "pre": {
            flush();
            const lang = /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(attrs.class ?? "")?.[1];
            pre = { text: "", ...(lang && { lang }) };
            return;
          }
          case "blockquote": {
            flush();
            const quote: RichBlock = { type: "quote", blocks: [] };
            container().blocks.push(quote);
            containers.push(quote);
            return;
          }
          case "ul":
          case "ol": {
            flush();
            const start = Number.parseInt(attrs.start ?? "1", 10);
            const list: ListFrame = {
              ordered: name === "ol",
              start: Number.isFinite(start) ? start : 1,
              items: [],
            };
            container().blocks.push({ type: "list", ...list });
            lists.push(list);
            return;
          }
          case "li": {
            flush();
            const list = lists[lists.length - 1];
            if (!list) return; // a stray <li>: its text is a paragraph
            const item: RichBlock[] = [];
            list.items.push(item);
            containers.push({ blocks: item });
            return;
          }
          case "h1":
          case "h2":
          case "h3":
          case "h4":
          case "h5":
          case "h6":
            flush();
            heading = Number(name[1]);
            return;
          case "hr":
            flush();
            container().blocks.push({ type: "rule" });
            return;
          case "table":
            flush();
            tables.push({ header: [], rows: [], inHead: false, rowIsHeader: false, align: [] });
            return;
          case "thead": {
            const t = tables[tables.length - 1];
            if (t) t.inHead = true;
            return;
          }
          case "tr": {
            const t = tables[tables.length - 1];
            if (t) {
              t.row = [];
              t.rowIsHeader = t.inHead;
            }
            return;
          }
          case "td":
          case "th": {
            const t = tables[tables.length - 1];
            if (!t) return;
            if (!t.row) t.row = [];
            if (name === "th" && t.rows.length === 0 && t.header.length === 0) t.rowIsHeader = true;
            if (name === "td" && !t.inHead) t.rowIsHeader = false;
            cell = new InlineBuilder();
            const column = t.row.length;
            if (t.align[column] === undefined || t.align[column] === null)
              t.align[column] = alignOf(attrs);
            t.row.push(cell);
            return;
          }
          default:
            if (BREAKS.has(name)) flush();
        }
      },
      ontext(text) {
        if (skip > 0) return;
        if (pre) {
          pre.text += text;
          return;
        }
        addText(text);
      },
      onclosetag(name) {
        if (skip > 0) {
          if (DROPPED.has(name)) skip--;
          return;
        }
        if (pre) {
          if (name !== "pre") return;
          container().blocks.push({
            type: "code",
            text: codeText(pre.text.replace(/^\n/, "")),
            ...(pre.lang && { lang: pre.lang }),
          });
          pre = undefined;
          return;
        }
        const mark = INLINE_MARKS[name];
        if (mark) {
          target().pop(mark);
          return;
        }
        switch (name) {
          case "a":
            target().pop("link");
            return;
          case "blockquote":
          case "li":
            flush();
            if (containers.length > 1) containers.pop();
            return;
          case "ul":
          case "ol":
            flush();
            lists.pop();
            return;
          case "h1":
          case "h2":
          case "h3":
          case "h4":
          case "h5":
          case "h6":
            flush();
            heading = undefined;
            return;
          case "td":
          case "th":
            cell = undefined;
            return;
          case "tr": {
            const t = tables[tables.length - 1];
            if (t?.row) {
              if (t.rowIsHeader && t.header.length === 0) t.header = t.row;
              else t.rows.push(t.row);
              t.row = undefined;
            }
            cell = undefined;
            return;
          }
          case "thead": {
            const t = tables[tables.length - 1];
            if (t) t.inHead = false;
            return;
          }
          case "table": {
            const t = tables.pop();
            cell = undefined;
            if (!t) return;
            const header = t.header.map((c) => c.build());
            const rows = t.rows.map((r) => r.map((c) => c.build()));
            if (header.length > 0 || rows.length > 0) {
              const columns = Math.max(header.length, ...rows.map((r) => r.length));
              const align = Array.from({ length: columns }, (_, i) => t.align[i] ?? null);
              container().blocks.push({ type: "table", header, rows, align });
            }
            return;
          }
          default:
            if (BREAKS.has(name)) flush();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(source);
  parser.end();
  if (pre) container().blocks.push({ type: "code", text: codeText(pre.text) });
  flush();
  return root.blocks;
}
