// Reddit threads as saved from …/comments/ID.json: an array of two listings, the post (`selftext`
// Markdown, or its link) and the comments (`body` Markdown, nested `replies`). A `more` stub
// becomes its parent's count of replies not in the file; a top-level one counts toward the total.
import {
  commentDate,
  epochToIso,
  httpUrl,
  idOf,
  int,
  isObject,
  list,
  type Notices,
  type Obj,
  obj,
  slugify,
  str,
} from "./common.js";
import { CommentList } from "./thread.js";

/** Reddit's JSON escapes &, < and > in text unless asked not to (raw_json=1). */
const decode = (text: string | undefined): string | undefined =>
  text?.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

const moreCount = (data: Obj): number => int(data.count) || list(data.children).length;

export function importReddit(listings: unknown[], notices: Notices): Obj {
  const post = obj(obj(list(obj(obj(listings[0]).data).children)[0]).data);
  const id = idOf(post.id) ?? "thread";
  const title = decode(str(post.title));
  if (title === undefined) notices.say(`no title; named “Reddit thread ${id}”`);
  const body: string[] = [];
  const link = httpUrl(decode(str(post.url)));
  const permalink = str(post.permalink);
  const url = permalink?.startsWith("/") ? `https://www.reddit.com${permalink}` : undefined;
  const selftext = decode(str(post.selftext));
  if (selftext !== undefined) body.push(selftext);
  else if (link !== undefined && link !== url) body.push(`<${link}>`);
  if (body.length === 0) body.push("[no text]");
  const published = epochToIso(post.created_utc);
  if (published === "out of range") notices.say("the post's date is out of range; left out");

  const comments = new CommentList(notices);
  let topLevelMore = 0;
  type Frame = { node: unknown; parentId?: string };
  const stack: Frame[] = [];
  const pushChildren = (listing: unknown, parentId?: string) => {
    const children = list(obj(obj(listing).data).children);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], parentId });
  };
  pushChildren(listings[1]);
  // A reply's `more` stub adds to its parent, which was added before it (depth-first).
  while (stack.length > 0) {
    const { node, parentId } = stack.pop() as Frame;
    const thing = obj(node);
    const data = obj(thing.data);
    if (thing.kind === "more") {
      const count = moreCount(data);
      const parent = parentId === undefined ? undefined : comments.get(parentId);
      if (parent) parent.moreReplies = (parent.moreReplies ?? 0) + count;
      else topLevelMore += count;
      continue;
    }
    if (thing.kind !== "t1") continue;
    const cid = idOf(data.id);
    const added = comments.add({
      id: cid,
      parentId,
      author: str(data.author),
      postedAt: commentDate(epochToIso(data.created_utc), cid ?? "?", notices),
      points: int(data.score),
      text: decode(str(data.body)),
    });
    if (added !== undefined && isObject(data.replies)) pushChildren(data.replies, added);
  }

  const total = int(post.num_comments) ?? comments.comments.length + topLevelMore;
  const sub = str(post.subreddit);
  const subreddit =
    str(post.subreddit_name_prefixed) ?? (sub === undefined ? undefined : `r/${sub}`);
  return {
    id: `reddit-${slugify(id)}`,
    title: title ?? `Reddit thread ${id}`,
    ...(str(post.author) !== undefined && { author: { name: str(post.author) } }),
    source: { name: subreddit ?? "Reddit", ...(url !== undefined && { url }) },
    ...(published !== undefined && published !== "out of range" && { published }),
    format: "markdown",
    sections: [{ paragraphs: body }],
    comments: comments.comments,
    ...(total > comments.comments.length && { commentsTotal: total }),
  };
}
