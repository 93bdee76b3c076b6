// The importers of foreign discussion JSON (Hacker News, Reddit, Lobsters, Discourse), loaded by
// load.ts only when a file has one of those shapes: maps it onto the article model, then holds
// the result to the schema and the sanitiser like any article file.
import type { Loaded } from "../content/load.js";
import { sanitizeLine } from "../content/sanitize.js";
import { Notices, type Obj } from "./common.js";
import { importDiscourse } from "./discourse.js";
import { finish } from "./finish.js";
import { importHackerNews } from "./hn.js";
import { importLobsters } from "./lobsters.js";
import { importReddit } from "./reddit.js";
import { foreignShape } from "./shape.js";

/** Parsed JSON of a foreign shape → the Loaded article, with notices of what was left out. */
export function importForeign(data: unknown, file: string): Loaded {
  const notices = new Notices();
  const shape = foreignShape(data);
  let article: Obj;
  switch (shape) {
    case "hn":
      article = importHackerNews(data as Obj, notices);
      break;
    case "reddit":
      article = importReddit(data as unknown[], notices);
      break;
    case "lobsters":
      article = importLobsters(data as Obj, notices);
      break;
    case "discourse":
      article = importDiscourse(data as Obj, notices);
      break;
    default:
      return { ok: false, file, errors: [`${sanitizeLine(file)}: not a discussion Lectern knows`] };
  }
  return finish(article, notices, file);
}
