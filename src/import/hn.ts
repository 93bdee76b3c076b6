// Hacker News, as the Algolia items API saves it (hn.algolia.com/api/v1/items/ID): a story with
// nested `children`; text is HTML; times are `created_at_i` epoch seconds.
import {
  commentDate,
  epochToIso,
  httpUrl,
  idOf,
  int,
  list,
  type Notices,
  type Obj,
  obj,
  str,
} from "./common.js";
import { CommentList } from "./thread.js";

export function importHackerNews(item: Obj, notices: Notices): Obj {
  const id = idOf(item.id) ?? "item";
  const title = str(item.title);
  if (title === undefined) notices.say(`no title; named “Hacker News item ${id}”`);
  const link = httpUrl(item.url);
  const body: string[] = [];
  if (link !== undefined) body.push(`<p><a href="${escapeAttr(link)}">${escapeText(link)}</a></p>`);
  const text = str(item.text);
  if (text !== undefined) body.push(text);
  if (body.length === 0) body.push("<p>[no text]</p>");
  const published = epochToIso(item.created_at_i);
  if (published === "out of range") notices.say("the story's date is out of range; left out");

  const comments = new CommentList(notices);
  // Depth-first with an explicit stack: a 10,000-deep chain must not overflow the call stack.
  const stack: { node: unknown; parentId?: string }[] = list(item.children)
    .map((node) => ({ node }))
    .reverse();
  while (stack.length > 0) {
    const { node, parentId } = stack.pop() as { node: unknown; parentId?: string };
    const c = obj(node);
    const cid = idOf(c.id);
    const deleted = c.author === null && c.text === null;
    const added = comments.add({
      id: cid,
      parentId,
      author: str(c.author),
      postedAt: commentDate(epochToIso(c.created_at_i), cid ?? "?", notices),
      points: int(c.points),
      text: deleted ? "[deleted]" : str(c.text),
    });
    if (added === undefined) continue;
    const children = list(c.children);
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i], parentId: added });
  }

  return {
    id: `hn-${id.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
    title: title ?? `Hacker News item ${id}`,
    ...(str(item.author) !== undefined && { author: { name: str(item.author) } }),
    source: {
      name: "Hacker News",
      url: `https://news.ycombinator.com/item?id=${encodeURIComponent(id)}`,
    },
    ...(published !== undefined && published !== "out of range" && { published }),
    format: "html",
    sections: [{ paragraphs: body }],
    comments: comments.comments,
  };
}

export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}
