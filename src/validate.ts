// `lectern validate`: checks article files and folders of them, printing "ok <file>" for each
// good file and "lectern: …" lines for each problem; the exit status says whether all were good.
import { type Loaded, listArticles, loadArticleFile, readArticleStdin } from "./content/load.js";
import { sanitizeLine } from "./content/sanitize.js";

/** Validates every path ("-" is standard input); returns 1 if anything was wrong, else 0. */
export function runValidate(
  paths: string[],
  out: (line: string) => void,
  err: (line: string) => void,
): number {
  if (paths.length === 0) {
    err("lectern: nothing to validate (name article files or folders)");
    return 1;
  }
  let status = 0;
  const report = (loaded: Loaded) => {
    if (loaded.ok) {
      out(`ok ${sanitizeLine(loaded.file)}`);
      // An article imported from another shape: what the import left out.
      for (const notice of loaded.notices ?? []) err(`lectern: ${notice}`);
      return;
    }
    status = 1;
    for (const message of loaded.errors) err(`lectern: ${message}`);
  };
  for (const path of paths) {
    if (path === "-") {
      report(readArticleStdin());
      continue;
    }
    const listing = listArticles(path);
    if (!listing.ok) {
      status = 1;
      err(`lectern: ${listing.error}`);
      continue;
    }
    for (const file of listing.files) report(loadArticleFile(file));
  }
  return status;
}
