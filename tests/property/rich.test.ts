// Hostile Markdown and HTML never put an escape sequence on the terminal other than Lectern's
// own: SGR styling, and in the reader OSC 8 hyperlinks whose address is a checked http(s) or
// mailto address. Built from hostile link addresses (javascript:, an ESC or a BEL inside, an OSC 8
// terminator in link text), entities that decode to controls, arbitrary Unicode, and the Big List
// of Naughty Strings when ../shared is present. Print mode (plain and colour) and composed frames.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { parseArticle } from "../../src/content/load.js";
import type { Article } from "../../src/content/schema.js";
import { renderPrint } from "../../src/print.js";
import { prepareFormats } from "../../src/rich/parse.js";
import { initialState, reduce } from "../../src/state/reducer.js";
import { composeFrame, paintRows } from "../../src/ui/compose.js";
import { setHyperlinks } from "../../src/ui/hyperlink.js";

vi.setConfig({ testTimeout: 60_000 });

const BLNS_PATH = path.join(
  import.meta.dirname,
  "..",
  "..",
  "..",
  "shared",
  "corpora",
  "blns.json",
);
const blns: string[] = existsSync(BLNS_PATH) ? JSON.parse(readFileSync(BLNS_PATH, "utf8")) : [];
if (blns.length === 0)
  console.warn(
    "SKIPPED the BLNS part of tests/property/rich.test.ts: ../shared/corpora/blns.json is not present",
  );

const HOSTILE_HREFS = [
  "javascript:alert(1)",
  "https://a.org/\u001b]8;;https://evil.org\u0007",
  "https://a.org/\u0007",
  "https://a.org/&#27;[2J",
  "https://a.org/%1b%5d8",
  "https://ok.org/path?q=1",
  "mailto:a@b.org",
  "data:text/html;base64,PHNjcmlwdD4=",
  "https://a.org/\u009b31m",
  " https://spaces.org ",
];
const HOSTILE_TEXT = [
  "\u001b]8;;\u0007",
  "\u001b[2J",
  "&#27;[31m",
  "&#x9b;",
  "\u0007",
  "&#0;",
  "\u202e",
];

const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.constantFrom(...HOSTILE_TEXT),
  ...(blns.length > 0 ? [fc.constantFrom(...blns)] : []),
);
const href = fc.oneof(fc.constantFrom(...HOSTILE_HREFS), fc.string({ maxLength: 20 }));

const markdownPiece = fc.oneof(
  text,
  fc.tuple(text, href).map(([t, h]) => `[${t}](${h})`),
  fc.tuple(text, href).map(([t, h]) => `![${t}](${h})`),
  text.map((t) => `**${t}** *${t}* \`${t}\``),
  text.map((t) => `\n\n> ${t}\n> > ${t}\n\n`),
  text.map((t) => `\n\n- ${t}\n  1. ${t}\n\n`),
  text.map((t) => `\n\n\`\`\`\n${t}\n\`\`\`\n\n`),
  text.map((t) => `\n\n| a | ${t} |\n|---|---|\n| ${t} | b |\n\n`),
  href.map((h) => ` <${h}> ${h} `),
);
const htmlPiece = fc.oneof(
  text,
  fc.tuple(text, href).map(([t, h]) => `<a href="${h}">${t}</a>`),
  fc.tuple(text, href).map(([t, h]) => `<img alt="${t}" src="${h}">`),
  text.map((t) => `<p><b>${t}</b> <i>${t}</i> <code>${t}</code></p>`),
  text.map((t) => `<blockquote>${t}<blockquote>${t}</blockquote></blockquote>`),
  text.map((t) => `<ul><li>${t}<ol><li>${t}</ol></ul><pre>${t}</pre>`),
  text.map((t) => `<table><tr><th>${t}<tr><td>${t}</table><script>${t}</script>`),
);

const body = (format: "markdown" | "html") =>
  fc
    .array(format === "markdown" ? markdownPiece : htmlPiece, { minLength: 1, maxLength: 6 })
    .map((p) => p.join(" "));

async function articleOf(
  format: "markdown" | "html",
  paragraph: string,
  comment: string,
): Promise<Article | undefined> {
  const raw = {
    id: "rich",
    title: "Rich",
    format,
    sections: [{ heading: "H", paragraphs: [paragraph.trim() === "" ? "x" : paragraph] }],
    comments: [{ id: "c", paragraphs: [comment.trim() === "" ? "x" : comment] }],
  };
  const loaded = parseArticle(new TextEncoder().encode(JSON.stringify(raw)), "rich.json");
  if (!loaded.ok) return undefined;
  await prepareFormats(loaded.article);
  return loaded.article;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences is the point
const SGR = /\u001b\[[0-9;]*m/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences is the point
const OSC8 = /\u001b\]8;;([^\u0000-\u001f\u007f-\u009f]*)\u0007/g;
// Lectern's own screen sequences in a painted frame: home, erase to end of line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences is the point
const PAINT = /\u001b\[H|\u001b\[K/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function expectOnlyOurs(output: string, allowLinks: boolean): void {
  const addresses: string[] = [];
  let rest = output.replace(SGR, "").replace(PAINT, "");
  if (allowLinks) {
    rest = rest.replace(OSC8, (_, url: string) => {
      addresses.push(url);
      return "";
    });
  }
  const bad = CONTROL.exec(rest);
  expect(bad ? JSON.stringify(rest.slice(Math.max(0, bad.index - 20), bad.index + 20)) : "").toBe(
    "",
  );
  for (const url of addresses) {
    if (url !== "") expect(url).toMatch(/^(https?:\/\/[^/?#\s]|mailto:)/i);
  }
}

for (const format of ["markdown", "html"] as const) {
  describe(`hostile ${format}`, () => {
    it("print mode writes only SGR (colour) or nothing (plain) besides the text", async () => {
      await fc.assert(
        fc.asyncProperty(
          body(format),
          body(format),
          fc.integer({ min: 1, max: 100 }),
          async (p, c, width) => {
            const article = await articleOf(format, p, c);
            if (!article) return;
            expectOnlyOurs(renderPrint(article, { width, color: false }).replace(/\n/g, ""), false);
            expect(renderPrint(article, { width, color: false })).not.toContain("\u001b");
            expectOnlyOurs(renderPrint(article, { width, color: true }).replace(/\n/g, ""), false);
          },
        ),
        { numRuns: 150 },
      );
    });

    it("the reader's frames hold only SGR and well-formed OSC 8 links with checked addresses", async () => {
      setHyperlinks(true);
      try {
        await fc.assert(
          fc.asyncProperty(
            body(format),
            body(format),
            fc.integer({ min: 20, max: 140 }),
            async (p, c, cols) => {
              const article = await articleOf(format, p, c);
              if (!article) return;
              let state = initialState(cols, 24);
              for (const key of ["down", "c", "tab", "down", "o"]) {
                state = reduce(article, state, { type: "key", key });
                const painted = paintRows(composeFrame(article, state)).replace(/\r\n/g, "");
                expectOnlyOurs(painted, true);
              }
            },
          ),
          { numRuns: 100 },
        );
      } finally {
        setHyperlinks(false);
      }
    });
  });
}
