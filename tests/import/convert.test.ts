// `lectern convert`: a saved WordPress page, a Markdown file and the plain-text seed become valid
// articles (titles, sections, comments under their parents, texts); the command writes pretty JSON
// that `lectern validate` accepts, and one line for a source it cannot read.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Loaded } from "../../src/content/load.js";
import type { Article } from "../../src/content/schema.js";
import { convertSource, sourceKind } from "../../src/import/convert.js";

const sources = "tests/fixtures/sources/";
const SEED = "../shared/seeds/000_3646bf0b4126a68b.txt";
const BUNDLE = "dist/lectern.js";
const tmp = mkdtempSync(join(tmpdir(), "lectern-convert-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function articleOf(loaded: Loaded): Article {
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  return loaded.article;
}

function write(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

describe("a saved WordPress page", () => {
  it("keeps the article, its byline, and all 13 comments under their parents", async () => {
    const article = articleOf(await convertSource(`${sources}wordpress-page.html`));
    expect(article.title).toBe(
      "Stack Overflow Jobs Data Shows ReactJS Skills in High Demand, WordPress Market Oversaturated with Developers",
    );
    expect(article.author?.name).toBe("Sarah Gooding");
    expect(article.source?.name).toBe("WordPress Tavern");
    expect(article.format).toBe("html");
    const text = article.sections.flatMap((s) => s.paragraphs).join("\n");
    expect(text).toContain("Stack Overflow");
    expect(text).not.toContain("There are <span"); // the comment area is not article text
    expect(article.comments?.map((c) => [c.id, c.parentId ?? null])).toEqual([
      ["215101", null],
      ["215114", null],
      ["215125", "215114"],
      ["215173", "215125"],
      ["215254", "215173"],
      ["215219", "215114"],
      ["215302", "215114"],
      ["215128", null],
      ["215138", "215128"],
      ["215176", null],
      ["215180", "215176"],
      ["215186", "215180"],
      ["215190", "215186"],
    ]);
    const ammon = article.comments?.find((c) => c.id === "215219");
    expect(ammon).toMatchObject({ author: "Ammon", postedAt: "2017-03-11T20:41" });
    const first = article.comments?.[0];
    expect(first?.author).toBe("Sallie Goetsch (rhymes with sketch)");
    expect(first?.paragraphs[0]).toMatch(/^<p>If there were really no demand/);
    expect(first?.paragraphs[0]).not.toContain("Report"); // the script-driven link is gone
  });

  it("core WordPress markup: li.comment, .fn, time[datetime], .comment-content, ol.children", async () => {
    const page = `<!doctype html><html><head><title>A post</title></head><body>
      <article><h1>A post</h1><p>${"The first paragraph of the post. ".repeat(20)}</p>
      <h2>Second part</h2><p>${"More of the post follows here. ".repeat(20)}</p></article>
      <ol class="comment-list">
        <li id="comment-1" class="comment"><article id="div-comment-1" class="comment-body">
          <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Ann</b>
          <span class="says">says:</span></div><div class="comment-metadata">
          <a href="#comment-1"><time datetime="2020-03-03T09:12:00+00:00">March 3, 2020</time></a></div></footer>
          <div class="comment-content"><p>First!</p></div></article>
          <ol class="children"><li id="comment-2" class="comment"><article id="div-comment-2" class="comment-body">
            <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Bo</b></div></footer>
            <div class="comment-content"><p>A reply.</p></div></article></li></ol>
        </li>
      </ol></body></html>`;
    const article = articleOf(await convertSource(write("core.html", page)));
    expect(article.title).toBe("A post");
    expect(article.sections.map((s) => s.heading ?? null)).toEqual([null, "Second part"]);
    expect(article.comments).toEqual([
      {
        id: "1",
        author: "Ann",
        postedAt: "2020-03-03T09:12:00+00:00",
        paragraphs: ["<p>First!</p>"],
      },
      { id: "2", parentId: "1", author: "Bo", paragraphs: ["<p>A reply.</p>"] },
    ]);
  });
});

describe("a Markdown file", () => {
  it("front matter, the # title and ## sections", async () => {
    const path = write(
      "post.md",
      '---\ntitle: "Notes on tea"\nauthor: Jo Park\ndate: 2021-05-04\n---\n\nIntro with *emphasis*.\n\n## Green\n\nSteep briefly.\n\n```\ncode\n\nstays whole\n```\n\n## Black\n\n- one\n- two\n',
    );
    const article = articleOf(await convertSource(path));
    expect(article).toMatchObject({
      id: "notes-on-tea",
      title: "Notes on tea",
      author: { name: "Jo Park" },
      published: "2021-05-04",
      format: "markdown",
    });
    expect(article.sections).toEqual([
      { paragraphs: ["Intro with *emphasis*."] },
      { heading: "Green", paragraphs: ["Steep briefly.", "```\ncode\n\nstays whole\n```"] },
      { heading: "Black", paragraphs: ["- one\n- two"] },
    ]);
  });

  it("without front matter the # heading is the title; a bad date is left out with a notice", async () => {
    const loaded = await convertSource(write("plain.md", "# Hello\n\nBody.\n"));
    expect(articleOf(loaded).title).toBe("Hello");
    const dated = await convertSource(write("dated.md", "---\ndate: someday\n---\n# T\n\nx\n"));
    expect(articleOf(dated).published).toBeUndefined();
    expect(dated.ok && dated.notices).toEqual([
      `${tmp}/dated.md: the date “someday” is unreadable; left out`,
    ]);
  });
});

describe("a plain-text article", () => {
  it.skipIf(!existsSync(SEED))(
    "the seed converts to the bundled article's text and comments",
    async () => {
      const article = articleOf(await convertSource(SEED));
      const bundled = JSON.parse(
        readFileSync("content/azerbaijan-and-israel.json", "utf8"),
      ) as Article;
      expect(article.title).toBe(bundled.title);
      expect(article.author).toEqual(bundled.author);
      expect(article.source?.name).toBe("Eurasianet");
      expect(article.source?.note).toBe(bundled.source?.note);
      expect(article.sections.flatMap((s) => s.paragraphs)).toEqual(
        bundled.sections.flatMap((s) => s.paragraphs),
      );
      expect(article.comments).toEqual(bundled.comments);
    },
  );

  it("bulleted comments nest by indentation and keep author and date", async () => {
    const text = [
      "A Title",
      "",
      "By Sam Roe",
      "",
      "First paragraph",
      "runs on.",
      "",
      "3 comments on “A Title”",
      "",
      "  • Ann · May 2, 2019 at 9:05 am",
      "",
      "    Hello.",
      "",
      "      • Bo says: May 3, 2019",
      "",
      "        Hi Ann.",
      "",
      "  • Cy",
      "",
      "    Late.",
      "",
      "Leave a Reply",
    ].join("\n");
    const article = articleOf(await convertSource(write("t.txt", text)));
    expect(article.author?.name).toBe("Sam Roe");
    expect(article.sections).toEqual([{ paragraphs: ["First paragraph runs on."] }]);
    expect(article.comments).toEqual([
      { id: "c1", author: "Ann", postedAt: "2019-05-02T09:05", paragraphs: ["Hello."] },
      { id: "c2", parentId: "c1", author: "Bo", postedAt: "2019-05-03", paragraphs: ["Hi Ann."] },
      { id: "c3", author: "Cy", paragraphs: ["Late."] },
    ]);
  });
});

describe("recognising a source from its content", () => {
  it.each([
    ['{"a":1}', "json"],
    ["  [1]", "json"],
    ["<!DOCTYPE html><p>x", "html"],
    ["---\ntitle: x\n---\n", "markdown"],
    ["Title\n\n## Part\n", "markdown"],
    ["Title\n\nBy A\n\nText.", "text"],
  ])("%j is %s", (text, kind) => {
    expect(sourceKind(text)).toBe(kind);
  });
});

describe.skipIf(!existsSync(BUNDLE))("the command (built program)", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [BUNDLE, ...args], { encoding: "utf8", timeout: 30_000 });

  it("writes pretty JSON that validate accepts", () => {
    const converted = run("convert", `${sources}wordpress-page.html`);
    expect(converted.status).toBe(0);
    expect(converted.stdout).toMatch(/^\{\n {2}"id": "stack-overflow-jobs/);
    expect(converted.stdout.endsWith("}\n")).toBe(true);
    const out = write("page.json", converted.stdout);
    const validated = run("validate", out);
    expect([validated.status, validated.stdout]).toEqual([0, `ok ${out}\n`]);
  });

  it("converts foreign JSON too, and names the shapes it knows for one it does not", () => {
    const hn = run("convert", `${sources}hn-item.json`);
    expect(hn.status).toBe(0);
    expect(JSON.parse(hn.stdout).id).toBe("hn-25015967");
    const unknown = run("convert", write("other.json", '{"kind":"something else"}'));
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toMatch(
      /^lectern: .*other\.json: not an article Lectern knows: .*Reddit threads.*\n$/,
    );
  });

  it("a missing source is one line and exit 1", () => {
    const missing = run("convert", join(tmp, "nope.html"));
    expect([missing.status, missing.stderr]).toEqual([
      1,
      `lectern: ${tmp}/nope.html: no such file\n`,
    ]);
  });
});
