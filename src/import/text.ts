// Plain-text articles (as a page is saved as text): the first line is the title, a "By …" line
// the author, paragraphs are separated by blank lines; a closing "Originally published at …"
// paragraph is the source's note, one about the author ("Name is …") the bio; a "2 thoughts on
// “…”" block holds the comments, each starting with a bullet and its author and date.
import { findHumanDate, Notices, type Obj, slugify } from "./common.js";
import { CommentList } from "./thread.js";

const COMMENTS_HEADING =
  /^(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:thoughts?|comments?|responses?|replies|reactions?)\b|^(?:comments|discussion|responses)$/i;
const COMMENTS_END =
  /^(?:leave a (?:reply|comment)|post a comment|add a comment|write a comment)\b/i;
const BULLET = /^(\s*)[•*·▪‣◦–-]\s+(.*)$/;
const BYLINE = /^by\s+(.+)$/i;
const NOTE =
  /^(?:originally published|this (?:article|story|post|piece) (?:was )?(?:originally )?(?:published|appeared))/i;
const NOTE_SOURCE = /(?:published|appeared)\s+(?:at|by|in|on)\s+([^.,;]+)/i;

type Block = { lines: string[]; indent: number };

function blocks(text: string): Block[] {
  const result: Block[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) {
      const indent = (/^\s*/.exec(current[0] as string)?.[0] ?? "").length;
      result.push({ lines: current, indent });
    }
    current = [];
  };
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === "") flush();
    else current.push(line.replace(/\s+$/, ""));
  }
  flush();
  return result;
}

/** Hard-wrapped lines of one paragraph join with spaces. */
const joined = (block: Block) => block.lines.map((l) => l.trim()).join(" ");

export function importText(
  text: string,
  notices: Notices = new Notices(),
): { article: Obj; notices: Notices } {
  const all = blocks(text);
  const first = all.shift();
  const title = first?.lines[0]?.trim();
  if (first && first.lines.length > 1) all.unshift({ lines: first.lines.slice(1), indent: 0 });
  let author: string | undefined;
  const body: string[] = [];
  const comments = new CommentList(notices);
  let mode: "body" | "comments" | "end" = "body";
  let current:
    | { id: string; paragraphs: string[]; parentId?: string; author?: string; postedAt?: string }
    | undefined;
  const pending: (typeof current & object)[] = [];
  const open: { indent: number; id: string }[] = [];

  for (const [index, block] of all.entries()) {
    const line = joined(block);
    if (mode === "end") break;
    if (mode === "body") {
      const by = BYLINE.exec(line);
      if (author === undefined && by && index < 3 && block.lines.length === 1) {
        author = by[1]?.trim();
        continue;
      }
      if (COMMENTS_HEADING.test(line)) {
        mode = "comments";
        continue;
      }
      body.push(line);
      continue;
    }
    if (COMMENTS_END.test(line)) {
      mode = "end";
      continue;
    }
    const bullet = BULLET.exec(block.lines[0] as string);
    if (bullet && block.lines.length === 1) {
      const header = (bullet[2] ?? "").trim();
      const date = findHumanDate(header);
      const who = (date ? header.slice(0, date.index) : header)
        .replace(/\s*(?:[·|,–-]|\bon\b|\bsays:?|\bwrote:?)\s*$/i, "")
        .trim();
      while (open.length > 0 && (open.at(-1)?.indent ?? 0) >= block.indent) open.pop();
      current = {
        id: `c${pending.length + 1}`,
        paragraphs: [],
        ...(open.at(-1) && { parentId: open.at(-1)?.id }),
        ...(who !== "" && { author: who }),
        ...(date && { postedAt: date.iso }),
      };
      pending.push(current);
      open.push({ indent: block.indent, id: current.id });
      continue;
    }
    if (!current) {
      current = { id: `c${pending.length + 1}`, paragraphs: [] };
      pending.push(current);
    }
    current.paragraphs.push(line);
  }
  for (const c of pending) {
    comments.add({
      id: c.id,
      parentId: c.parentId,
      author: c.author,
      postedAt: c.postedAt,
      text: c.paragraphs,
    });
  }
  const list = comments.comments;

  // The closing paragraphs: the source's note, and the author's bio.
  let note: string | undefined;
  let sourceName: string | undefined;
  let bio: string | undefined;
  for (let i = body.length - 1; i >= Math.max(0, body.length - 3); i--) {
    const p = body[i] as string;
    if (note === undefined && NOTE.test(p)) {
      note = p;
      sourceName = NOTE_SOURCE.exec(p)?.[1]?.trim();
      body.splice(i, 1);
    } else if (bio === undefined && author !== undefined && p.startsWith(`${author} is `)) {
      bio = p;
      body.splice(i, 1);
    }
  }
  if (title === undefined) notices.say("no title; named “Untitled”");
  if (body.length === 0) {
    notices.say("no text; the body reads “[no text]”");
    body.push("[no text]");
  }
  const article: Obj = {
    id: slugify(title ?? "untitled"),
    title: title ?? "Untitled",
    ...(author !== undefined && { author: { name: author, ...(bio !== undefined && { bio }) } }),
    ...((sourceName !== undefined || note !== undefined) && {
      source: { name: sourceName ?? "Unknown source", ...(note !== undefined && { note }) },
    }),
    sections: [{ paragraphs: body }],
    ...(list.length > 0 && { comments: list }),
  };
  return { article, notices };
}
