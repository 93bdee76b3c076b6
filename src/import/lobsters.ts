// Lobsters stories as saved from /s/ID.json: a flat comment list in thread order, each with
// `parent_comment` (a short id) and `depth` or `indent_level`; text is HTML in `comment`.

import {
  commentDate,
  httpUrl,
  int,
  isoOf,
  list,
  type Notices,
  type Obj,
  obj,
  slugify,
  str,
} from "./common.js";
import { escapeAttr, escapeText } from "./hn.js";
import { CommentList } from "./thread.js";

/** A user is a name in older answers and an object with `username` in newer ones. */
const userName = (value: unknown): string | undefined => str(value) ?? str(obj(value).username);

export function importLobsters(story: Obj, notices: Notices): Obj {
  const id = str(story.short_id) ?? "story";
  const title = str(story.title);
  if (title === undefined) notices.say(`no title; named “Lobsters story ${id}”`);
  const body: string[] = [];
  const link = httpUrl(story.url);
  if (link !== undefined) body.push(`<p><a href="${escapeAttr(link)}">${escapeText(link)}</a></p>`);
  const description = str(story.description);
  if (description !== undefined) body.push(description);
  if (body.length === 0) body.push("<p>[no text]</p>");
  const published = isoOf(story.created_at);
  if (published === "bad") notices.say("the story's date is unreadable; left out");

  const comments = new CommentList(notices);
  // Without `parent_comment`, the parent is the last comment one level up.
  const open: string[] = [];
  for (const item of list(story.comments)) {
    const c = obj(item);
    const cid = str(c.short_id);
    const depth =
      int(c.depth) ?? (int(c.indent_level) !== undefined ? (int(c.indent_level) as number) - 1 : 0);
    const named = str(c.parent_comment);
    const parentId = named ?? (depth > 0 ? open[depth - 1] : undefined);
    const deleted = c.is_deleted === true || c.is_moderated === true;
    const added = comments.add({
      id: cid,
      parentId,
      author: userName(c.commenting_user),
      postedAt: commentDate(isoOf(c.created_at), cid ?? "?", notices),
      points: int(c.score),
      text: str(c.comment) ?? (deleted ? "<p>[deleted]</p>" : undefined),
    });
    if (added !== undefined && depth >= 0) {
      open.length = Math.min(open.length, depth);
      open[depth] = added;
    }
  }

  const total = int(story.comment_count);
  const url = str(story.short_id_url) ?? str(story.comments_url);
  return {
    id: `lobsters-${slugify(id)}`,
    title: title ?? `Lobsters story ${id}`,
    ...(userName(story.submitter_user) !== undefined && {
      author: { name: userName(story.submitter_user) },
    }),
    source: { name: "Lobsters", ...(httpUrl(url) !== undefined && { url }) },
    ...(published !== undefined && published !== "bad" && { published }),
    format: "html",
    sections: [{ paragraphs: body }],
    comments: comments.comments,
    ...(total !== undefined && total > comments.comments.length && { commentsTotal: total }),
  };
}
