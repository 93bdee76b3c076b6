// Markdown and HTML into the one rich-text model: the same text gives the same blocks from both,
// marks sit on the right offsets, raw HTML in Markdown stays text, unsafe addresses are not
// linked, and entities that decode to control characters are neutralised like any text.
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/rich/html.js";
import { parseMarkdown } from "../../src/rich/markdown.js";
import type { Inline, RichBlock } from "../../src/rich/model.js";

const marked = (inline: Inline, mark: string) =>
  inline.spans.filter((s) => s.mark === mark).map((s) => inline.text.slice(s.start, s.end));

function paragraph(blocks: RichBlock[], i = 0): Inline {
  const b = blocks[i];
  if (b?.type !== "paragraph") throw new Error(`block ${i} is ${b?.type}`);
  return b.inline;
}

describe("Markdown", () => {
  it("marks emphasis, strong, code, strikethrough and links on their text", () => {
    const p = paragraph(
      parseMarkdown("a *b* **c** `d` ~~e~~ [f g](https://x.org/f) https://y.org/h."),
    );
    expect(p.text).toBe("a b c d e f g https://y.org/h.");
    expect(marked(p, "em")).toEqual(["b"]);
    expect(marked(p, "strong")).toEqual(["c"]);
    expect(marked(p, "code")).toEqual(["d"]);
    expect(marked(p, "del")).toEqual(["e"]);
    expect(marked(p, "link")).toEqual(["f g", "https://y.org/h"]);
    expect(p.spans.find((s) => s.mark === "link")?.href).toBe("https://x.org/f");
  });

  it("keeps raw HTML as text, never interpreted", () => {
    const blocks = parseMarkdown("<script>alert(1)</script>\n\nHi <b>there</b>");
    expect(paragraph(blocks, 0).text).toBe("<script>alert(1)</script>");
    expect(paragraph(blocks, 1).text).toBe("Hi <b>there</b>");
    expect(paragraph(blocks, 1).spans).toEqual([]);
  });

  it("links only http, https and mailto addresses", () => {
    const p = paragraph(
      parseMarkdown(
        "[a](javascript:alert(1)) [b](file:///etc/passwd) [c](mailto:x@y.org) [d](https://ok.org)",
      ),
    );
    expect(p.spans.filter((s) => s.mark === "link").map((s) => s.href)).toEqual([
      "mailto:x@y.org",
      "https://ok.org",
    ]);
    expect(p.text).toBe("a b c d");
  });

  it("neutralises escape characters that entities decode to", () => {
    const p = paragraph(parseMarkdown("bell &#7; esc &#27;[31m &#x9b; done"));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(p.text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(p.text).toContain("␛[31m");
  });

  it("keeps code blocks whole with their language, tabs expanded", () => {
    const [code] = parseMarkdown("```js\nif (x) {\n\treturn 1;\n}\n```");
    expect(code).toEqual({ type: "code", lang: "js", text: "if (x) {\n    return 1;\n}" });
  });

  it("reads nested quotes, nested lists with their start number, rules, images and tables", () => {
    const blocks = parseMarkdown(
      "> a\n> > b\n\n3. x\n4. y\n   - z\n\n---\n\n![alt](https://i.org/p.png)\n\n| h | n |\n|---|--:|\n| a | 1 |",
    );
    expect(blocks.map((b) => b.type)).toEqual(["quote", "list", "rule", "image", "table"]);
    const quote = blocks[0] as Extract<RichBlock, { type: "quote" }>;
    expect(quote.blocks.map((b) => b.type)).toEqual(["paragraph", "quote"]);
    const list = blocks[1] as Extract<RichBlock, { type: "list" }>;
    expect(list).toMatchObject({ ordered: true, start: 3 });
    expect(list.items[1]?.map((b) => b.type)).toEqual(["paragraph", "list"]);
    expect(blocks[3]).toEqual({ type: "image", alt: "alt", src: "https://i.org/p.png" });
    expect(blocks[4]).toMatchObject({ type: "table", align: [null, "right"] });
  });
});

describe("HTML", () => {
  it("reads the safe subset into the same model as Markdown", () => {
    const md = parseMarkdown("a *b* **c** `d` ~~e~~ [f](https://x.org/f)\n\n> q\n\n- one\n- two");
    const html = parseHtml(
      "<p>a <i>b</i> <b>c</b> <code>d</code> <s>e</s> <a href='https://x.org/f'>f</a></p><blockquote><p>q</p></blockquote><ul><li>one</li><li>two</li></ul>",
    );
    expect(html).toEqual(md);
  });

  it("drops script, style, iframe, head and comments; keeps the text of unknown elements", () => {
    const blocks = parseHtml(
      "<head><title>t</title></head><style>p{}</style><script>x()</script><iframe src=x>f</iframe><!-- c --><span>kept <mark>too</mark></span>",
    );
    expect(blocks).toEqual([{ type: "paragraph", inline: { text: "kept too", spans: [] } }]);
  });

  it("decodes entities and collapses white space outside pre", () => {
    const blocks = parseHtml("<p>a&amp;b &lt;c&gt;\n   d&nbsp;e</p><pre>  x\n    y</pre>");
    expect(paragraph(blocks).text).toBe("a&b <c> d\u00a0e");
    expect(blocks[1]).toEqual({ type: "code", text: "  x\n    y" });
  });

  it("reads Hacker News style paragraphs (unclosed p) and line breaks", () => {
    const blocks = parseHtml("first<p>second<br>line<p>third");
    expect(blocks.map((b) => (b.type === "paragraph" ? b.inline.text : b.type))).toEqual([
      "first",
      "second\nline",
      "third",
    ]);
  });

  it("does not link an address with an escape or a bad scheme", () => {
    const p = paragraph(
      parseHtml(
        '<a href="https://a.org/&#27;]8;;evil">x</a> <a href="data:text/html,hi">y</a> <a href=" https://ok.org ">z</a>',
      ),
    );
    expect(p.spans.filter((s) => s.mark === "link").map((s) => s.href)).toEqual(["https://ok.org"]);
  });
});

describe("images", () => {
  it("neutralise controls in alt text and never link an unsafe source", async () => {
    const { flatten, layLeaves } = await import("../../src/layout/flatten.js");
    const lines: import("../../src/layout/lines.js").Line[] = [];
    layLeaves(
      flatten(parseMarkdown("![a &#27; b](javascript:alert(1))"), "text", [], 80, 0),
      80,
      lines,
    );
    expect(lines[0]?.text).toBe("[image: a ␛ b]");
    expect(lines[0]?.source?.spans.some((s) => s.mark === "link")).toBe(false);
  });
});

describe("tabs in code", () => {
  it("survive loading a Markdown article and expand to stops of four in code blocks", async () => {
    const { parseArticle } = await import("../../src/content/load.js");
    const raw = {
      id: "tabs",
      title: "Tabs",
      format: "markdown",
      sections: [{ paragraphs: ["```\nif x:\n\treturn\tdone\n```\n\ntext\twith a tab"] }],
    };
    const loaded = parseArticle(new TextEncoder().encode(JSON.stringify(raw)), "tabs.json");
    if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
    const blocks = parseMarkdown(loaded.article.sections[0]?.paragraphs[0] ?? "");
    expect(blocks[0]).toEqual({ type: "code", text: "if x:\n    return  done" });
    expect(paragraph(blocks, 1).text).toBe("text with a tab");
  });
});
