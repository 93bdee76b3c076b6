// Markdown articles: optional front matter (title, author, date), the first `#` heading as the
// title, `##` headings starting sections; blocks between blank lines (fenced code kept whole)
// become the paragraphs, still written in Markdown for the reader to render.
import { ISO_DATE } from "../content/rules.js";
import { findHumanDate, httpUrl, Notices, type Obj, slugify, str } from "./common.js";

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const FENCE = /^\s{0,3}(```|~~~)/;
const H1 = /^#\s+(.+?)\s*#*\s*$/;
const H2 = /^##\s+(.+?)\s*#*\s*$/;
const BYLINE = /^[*_]*by\s+(.+?)[*_]*$/i;

/** `key: value` lines of YAML front matter (quotes removed); nested values are not read. */
function frontMatter(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (!m?.[1] || !m[2]) continue;
    fields[m[1].toLowerCase()] = m[2].replace(/^(["'])(.*)\1$/, "$2");
  }
  return fields;
}

export function importMarkdown(
  source: string,
  notices: Notices = new Notices(),
): { article: Obj; notices: Notices } {
  let text = source;
  let fields: Record<string, string> = {};
  const fm = FRONT_MATTER.exec(text);
  if (fm) {
    fields = frontMatter(fm[1] ?? "");
    text = text.slice(fm[0].length);
  }
  let title = str(fields.title);
  let author = str(fields.author);
  const sections: { heading?: string; paragraphs: string[] }[] = [{ paragraphs: [] }];
  let block: string[] = [];
  let inFence: string | undefined;
  const flush = () => {
    const paragraph = block.join("\n").replace(/\s+$/, "");
    block = [];
    if (paragraph.trim() === "") return;
    const section = sections.at(-1) as { paragraphs: string[] };
    const by = BYLINE.exec(paragraph);
    if (author === undefined && by && sections.length === 1 && section.paragraphs.length === 0) {
      author = by[1]?.trim();
      return;
    }
    section.paragraphs.push(paragraph);
  };
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (inFence !== undefined) {
      block.push(line);
      if (line.trim().startsWith(inFence)) inFence = undefined;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      inFence = fence[1];
      block.push(line);
      continue;
    }
    const h1 = H1.exec(line);
    if (h1 && title === undefined) {
      flush();
      title = h1[1];
      continue;
    }
    // A setext title: the first line underlined with "===".
    if (
      title === undefined &&
      /^=+\s*$/.test(lines[i + 1] ?? "") &&
      line.trim() !== "" &&
      block.length === 0
    ) {
      title = line.trim();
      i++;
      continue;
    }
    const h2 = H2.exec(line) ?? (h1 && title !== undefined && h1[1] !== title ? h1 : null);
    if (h2) {
      flush();
      sections.push({ heading: h2[1] as string, paragraphs: [] });
      continue;
    }
    if (line.trim() === "") flush();
    else block.push(line);
  }
  flush();

  if (title === undefined)
    notices.say("no title (no front matter title and no # heading); named “Untitled”");
  const kept = sections.filter((s) => s.paragraphs.length > 0);
  const dropped = sections.filter((s) => s.paragraphs.length === 0 && s.heading !== undefined);
  if (dropped.length > 0) {
    notices.say(
      `headings with no text under them left out: ${dropped.map((s) => `“${s.heading}”`).join(", ")}`,
    );
  }
  if (kept.length === 0) {
    notices.say("no text; the body reads “[no text]”");
    kept.push({ paragraphs: ["[no text]"] });
  }
  const dateText = str(fields.date) ?? str(fields.published);
  const published =
    dateText === undefined
      ? undefined
      : ISO_DATE.test(dateText)
        ? dateText
        : findHumanDate(dateText)?.iso;
  if (dateText !== undefined && published === undefined)
    notices.say(`the date “${dateText}” is unreadable; left out`);
  const url = httpUrl(fields.url ?? fields.source ?? fields.link ?? fields.canonical);
  const site = str(fields.site) ?? str(fields.publisher);
  const article: Obj = {
    id: slugify(title ?? "untitled"),
    title: title ?? "Untitled",
    ...(author !== undefined && { author: { name: author } }),
    ...((site !== undefined || url !== undefined) && {
      source: { name: site ?? new URL(url as string).hostname, ...(url !== undefined && { url }) },
    }),
    ...(published !== undefined && { published }),
    format: "markdown",
    sections: kept.map((s) => (s.heading === undefined ? { paragraphs: s.paragraphs } : s)),
  };
  return { article, notices };
}
