// Discourse topics as saved from /t/ID.json: `post_stream.posts` (HTML in `cooked`, replies by
// `reply_to_post_number`); the first post is the article, the rest its discussion. `stream`
// lists every post of the topic, so when it is longer the file holds only some of them.
import {
  commentDate,
  idOf,
  int,
  isoOf,
  list,
  type Notices,
  type Obj,
  obj,
  slugify,
  str,
} from "./common.js";
import { CommentList } from "./thread.js";

export function importDiscourse(topic: Obj, notices: Notices): Obj {
  const id = idOf(topic.id) ?? "topic";
  const title = str(topic.title) ?? str(topic.fancy_title);
  if (title === undefined) notices.say(`no title; named “Discourse topic ${id}”`);
  const stream = obj(topic.post_stream);
  const posts = list(stream.posts).map(obj);
  const first = posts.find((p) => int(p.post_number) === 1);
  if (first === undefined) notices.say("the topic's first post is not in this file");
  const published = first ? isoOf(first.created_at) : undefined;
  if (published === "bad") notices.say("the first post's date is unreadable; left out");
  const author = first ? (str(first.name) ?? str(first.username)) : undefined;

  const comments = new CommentList(notices);
  for (const post of posts) {
    if (post === first) continue;
    const number = idOf(post.post_number);
    const replyTo = int(post.reply_to_post_number);
    // A reply to the first post is a reply to the article: at the top level.
    const parentId = replyTo !== undefined && replyTo > 1 ? String(replyTo) : undefined;
    const deleted = str(post.deleted_at) !== undefined || post.user_deleted === true;
    comments.add({
      id: number,
      parentId,
      author: str(post.username) ?? str(post.name),
      postedAt: commentDate(isoOf(post.created_at), number ?? "?", notices),
      points: int(post.like_count),
      text: str(post.cooked) ?? (deleted ? "<p>[deleted]</p>" : undefined),
    });
  }

  const streamLength = list(stream.stream).length;
  const total = streamLength - 1; // the first post is the article
  return {
    id: `discourse-${slugify(id)}`,
    title: title ?? `Discourse topic ${id}`,
    ...(author !== undefined && { author: { name: author } }),
    source: { name: "Discourse" },
    ...(published !== undefined && published !== "bad" && { published }),
    format: "html",
    sections: [
      {
        paragraphs: [
          first ? (str(first.cooked) ?? "<p>[no text]</p>") : "<p>[not in this file]</p>",
        ],
      },
    ],
    comments: comments.comments,
    ...(total > comments.comments.length && { commentsTotal: total }),
  };
}
