// Saved web pages: the article through @mozilla/readability on linkedom's DOM (its `h2`/`h3`
// headings start sections, its blocks become HTML paragraphs), and the comments from the markup
// WordPress and similar systems write: elements with id "comment-N", nested for replies, each
// with an author, a <time> or written date, and a content block.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { ISO_DATE } from "../content/rules.js";
import { findHumanDate, httpUrl, Notices, type Obj, slugify, str } from "./common.js";
import { CommentList, type Draft } from "./thread.js";

type El = Element;

const CONTAINER_ID = /^comment-(\d+)$/;
const CONTAINER_TAGS = new Set(["LI", "DIV", "ARTICLE", "SECTION"]);
const AUTHOR = ".fn, .comment-author-name, [class*='author-link'], [class*='author-name'], cite";
/** The block around the author's name, when the name is a bare text in it. */
const AUTHOR_BLOCK = ".comment-author, [class*='comment-author']";
const NOT_NAME = "time, a[href*='#comment-'], [class*='divide'], [class*='avatar'], .says, img";
(".fn, .comment-author-name, [class*='author-link'], [class*='author-name'], .comment-author, cite");
const CONTENT =
  ".comment-content, [class*='comment-content'], .comment-text, [class*='comment-text'], .comment-body";
const DATE_TEXT =
  ".comment-metadata, .comment-meta, [class*='comment-date'], [class*='comment-meta'], time";
const BLOCKS = new Set([
  "P",
  "UL",
  "OL",
  "BLOCKQUOTE",
  "PRE",
  "TABLE",
  "FIGURE",
  "DL",
  "HR",
  "H4",
  "H5",
  "H6",
  "IMG",
]);
const SECTION_HEADINGS = new Set(["H1", "H2", "H3"]);

const isContainer = (el: El) => CONTAINER_TAGS.has(el.tagName) && CONTAINER_ID.test(el.id);

/** The nearest enclosing comment container of `el` (itself excluded). */
function containerOf(el: El): El | undefined {
  for (let p = el.parentElement; p; p = p.parentElement) if (isContainer(p)) return p;
  return undefined;
}

/**
 * The first element that belongs to this comment (not to a reply of it) matching the selectors,
 * tried one by one in the order given: the first selector that matches wins.
 */
function own(container: El, selectors: string): El | undefined {
  for (const selector of selectors.split(/,\s*/)) {
    for (const el of container.querySelectorAll(selector)) {
      if (containerOf(el) === container) return el;
    }
  }
  return undefined;
}

const textOf = (el: El | undefined) => str(el?.textContent?.replace(/\s+/g, " "));

function commentDraft(container: El, parentId: string | undefined): Draft {
  const id = CONTAINER_ID.exec(container.id)?.[1];
  let author = textOf(own(container, AUTHOR));
  const block = author === undefined ? own(container, AUTHOR_BLOCK) : undefined;
  if (block) {
    const copy = block.cloneNode(true) as El;
    for (const el of copy.querySelectorAll(NOT_NAME)) el.remove();
    author = textOf(copy);
  }
  author = author?.replace(/\s*[·|]?\s*(?:says|wrote)?:?\s*$/i, "") || undefined;
  let postedAt: string | undefined;
  const time = own(container, "time[datetime]");
  const datetime = time?.getAttribute("datetime") ?? "";
  if (ISO_DATE.test(datetime)) postedAt = datetime;
  else postedAt = findHumanDate(textOf(own(container, DATE_TEXT)) ?? "")?.iso;
  const content = own(container, CONTENT);
  let html: string | undefined;
  if (content) {
    const copy = content.cloneNode(true) as El;
    // Replies nested inside the content block, "Report"/"Reply" links that run script, forms.
    for (const junk of copy.querySelectorAll(
      "[id^='comment-'], a[href^='javascript:'], script, style, form, .reply, .comment-reply-link",
    )) {
      if (junk !== copy) junk.remove();
    }
    html = str(copy.innerHTML);
  }
  return { id, parentId, author, postedAt, text: html };
}

/** Comments in document order (parents before their replies), and the page without them. */
function extractComments(document: Document, notices: Notices): Draft[] {
  const containers = [...document.querySelectorAll("[id^='comment-']")].filter(isContainer);
  const drafts: Draft[] = [];
  const list = new CommentList(notices);
  for (const container of containers) {
    const parent = containerOf(container);
    const parentId = parent ? CONTAINER_ID.exec(parent.id)?.[1] : undefined;
    const draft = commentDraft(container, parentId);
    if (list.add(draft) !== undefined) drafts.push(draft);
  }
  // The page's comment area must not be taken for part of the article.
  for (const el of document.querySelectorAll(
    "#comments, .comments-area, #respond, .comment-respond, .commentlist, .comment-list",
  )) {
    el.remove();
  }
  for (const container of containers) container.remove();
  return list.comments.map((c) => ({ ...c, text: c.paragraphs }));
}

type Section = { heading?: string; paragraphs: string[] };

/** Readability's content → sections: h1–h3 start one, blocks are paragraphs, wrappers are opened. */
function sectionsOf(root: El): Section[] {
  const sections: Section[] = [{ paragraphs: [] }];
  const walk = (parent: El) => {
    for (const node of [...parent.childNodes]) {
      if (node.nodeType === 3) {
        const text = str(node.textContent);
        if (text !== undefined)
          (sections.at(-1) as Section).paragraphs.push(`<p>${node.toString()}</p>`);
        continue;
      }
      if (node.nodeType !== 1) continue;
      const el = node as El;
      if (SECTION_HEADINGS.has(el.tagName)) {
        const heading = textOf(el);
        if (heading !== undefined) sections.push({ heading, paragraphs: [] });
      } else if (BLOCKS.has(el.tagName)) {
        if (textOf(el) !== undefined || el.querySelector("img") || el.tagName === "IMG") {
          (sections.at(-1) as Section).paragraphs.push(el.outerHTML);
        }
      } else if (
        el.children.length > 0 &&
        [...el.children].some((c) => BLOCKS.has(c.tagName) || c.children.length > 0)
      ) {
        walk(el);
      } else if (textOf(el) !== undefined) {
        (sections.at(-1) as Section).paragraphs.push(`<p>${el.innerHTML}</p>`);
      }
    }
  };
  walk(root);
  return sections.filter((s) => s.paragraphs.length > 0);
}

const meta = (document: Document, ...names: string[]) => {
  for (const name of names) {
    const el = document.querySelector(`meta[property='${name}'], meta[name='${name}']`);
    const content = str(el?.getAttribute("content"));
    if (content !== undefined) return content;
  }
  return undefined;
};

export function importHtml(
  html: string,
  notices: Notices = new Notices(),
): { article: Obj; notices: Notices } {
  const { document } = parseHTML(html);
  const canonical =
    httpUrl(document.querySelector("link[rel='canonical']")?.getAttribute("href")) ??
    httpUrl(meta(document, "og:url"));
  const h1 = textOf(document.querySelector("h1") ?? undefined);
  const drafts = extractComments(document, notices);
  // Readability changes the document; the byline markup is read before it does.
  const pageAuthor = textOf(
    document.querySelector(
      "[itemprop='author'] [itemprop='name'], [rel='author'], .byline .author, .entry-author",
    ) ?? undefined,
  );
  const parsed = new Readability(document as unknown as Document).parse();
  let sections: Section[] = [];
  if (parsed?.content) {
    const { document: content } = parseHTML(
      `<!doctype html><html><body>${parsed.content}</body></html>`,
    );
    sections = sectionsOf(content.body);
  }
  if (sections.length === 0) {
    notices.say("could not find the article's text on this page; the body reads “[no text]”");
    sections = [{ paragraphs: ["<p>[no text]</p>"] }];
  }
  const title = str(parsed?.title) ?? h1 ?? str(document.title);
  if (title === undefined) notices.say("no title on this page; named “Untitled”");
  // A first section headed by the title itself repeats it.
  if (sections[0]?.heading === title) delete sections[0]?.heading;
  const byline =
    str(parsed?.byline)?.replace(/^by\s+/i, "") ?? meta(document, "author") ?? pageAuthor;
  const dateText = str(parsed?.publishedTime) ?? meta(document, "article:published_time");
  const published =
    dateText === undefined
      ? undefined
      : ISO_DATE.test(dateText)
        ? dateText
        : findHumanDate(dateText)?.iso;
  const site = str(parsed?.siteName) ?? meta(document, "og:site_name");
  const comments = new CommentList(new Notices()); // already checked once, while extracting
  for (const draft of drafts) comments.add(draft);
  const article: Obj = {
    id: slugify(title ?? "untitled"),
    title: title ?? "Untitled",
    ...(byline !== undefined && { author: { name: byline } }),
    ...((site !== undefined || canonical !== undefined) && {
      source: {
        name: site ?? new URL(canonical as string).hostname,
        ...(canonical !== undefined && { url: canonical }),
      },
    }),
    ...(published !== undefined && { published }),
    format: "html",
    sections,
    ...(comments.comments.length > 0 && { comments: comments.comments }),
  };
  return { article, notices };
}
