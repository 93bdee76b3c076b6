// `lectern replies [PATH]`: the replies kept on this machine, as JSON in the article format's
// comment shape (id, parentId, author, postedAt, paragraphs), ready to be merged into an article
// file or posted elsewhere. With a file: that article's replies, an array. With a folder: each
// article's, by id. With nothing: every article's, by id. The email (and website) only with
// --email. What went wrong with a replies file goes to stderr, one line each.

import { finishImports, listArticles, loadArticleFile } from "./content/load.js";
import { asComment } from "./content/local-replies.js";
import { sanitizeLine } from "./content/sanitize.js";
import { loadAllReplies, loadReplies, takeReplyNotices } from "./storage/replies.js";

export type RepliesOutput = { out: (text: string) => void; err: (line: string) => void };

export async function runReplies(
  path: string | undefined,
  options: { email?: boolean },
  io: RepliesOutput,
): Promise<number> {
  const shape = (list: Parameters<typeof asComment>[0][]) =>
    list.map((r) => asComment(r, { email: options.email === true }));
  let status = 0;
  let data: unknown;
  if (path === undefined) {
    data = Object.fromEntries([...loadAllReplies()].map(([id, list]) => [id, shape(list)]));
  } else {
    const listing = listArticles(path);
    if (!listing.ok) {
      io.err(`lectern: ${listing.error}`);
      return 1;
    }
    const entries = await finishImports(listing.files.map((file) => loadArticleFile(file)));
    const byId: Record<string, unknown> = {};
    for (const entry of entries) {
      if (!entry.ok) {
        for (const error of entry.errors) io.err(`lectern: ${error}`);
        status = 1;
        continue;
      }
      byId[entry.article.id] = shape(loadReplies(entry.article.id));
    }
    const ids = Object.keys(byId);
    // One article (a file): its replies as they go into its "comments".
    data = listing.files.length === 1 && ids.length === 1 ? byId[ids[0] as string] : byId;
  }
  for (const line of takeReplyNotices()) io.err(`lectern: ${sanitizeLine(line)}`);
  io.out(`${JSON.stringify(data, null, 2)}\n`);
  return status;
}
