// Entry point: arguments, then print mode (stdout not a terminal, or --print) or the full-screen
// reader. Exit status: 0 fine, 1 bad content, 2 bad usage; never a stack trace.
import { openSync } from "node:fs";
import { relative } from "node:path";
import { ReadStream } from "node:tty";
import { fileURLToPath } from "node:url";
import meow from "meow";
import { type Loaded, listArticles, loadArticleFile, readArticleStdin } from "./content/load.js";
import { sanitizeLine } from "./content/sanitize.js";
import { writePrint } from "./print.js";
import { oneLine } from "./terminal/screen.js";
import { runValidate } from "./validate.js";

const cli = meow(
  `
  Usage
    $ lectern [PATH]            read an article (a .json file, a folder of them, or - for stdin)
    $ lectern validate PATH…    check article files; prints "ok" or the problems, exit 1 if any

  With no PATH, the bundled content/ folder opens.

  Options
    --print        print the article as text instead of opening the reader
                   (automatic when the output is not a terminal)
    --width N      text width: the reader's column (default 80) or the printed width
                   (default 80, or the terminal's width if narrower)
    --color        keep styling (bold, colour) in printed output
    --help         show this help
    --version      show the version

  Keys: press ? in the reader.

  Exit status: 0 success, 1 bad or missing content, 2 bad usage.
`,
  {
    importMeta: import.meta,
    allowUnknownFlags: false,
    flags: {
      print: { type: "boolean", default: false },
      width: { type: "number" },
      color: { type: "boolean", default: false },
    },
  },
);

function usage(message: string): never {
  process.stderr.write(`lectern: ${message}\nTry 'lectern --help'.\n`);
  process.exit(2);
}

/** The bundled articles: content/ beside dist/, named relative to where the user stands. */
function bundledContent(): string {
  const absolute = fileURLToPath(new URL("../content", import.meta.url));
  const rel = relative(process.cwd(), absolute);
  return rel === "" ? "." : rel.startsWith("..") && rel.split("/").length > 3 ? absolute : rel;
}

function loadAll(path: string): Loaded[] {
  if (path === "-") return [readArticleStdin()];
  const listing = listArticles(path);
  if (!listing.ok) {
    process.stderr.write(`lectern: ${listing.error}\n`);
    process.exit(1);
  }
  return listing.files.map((file) => loadArticleFile(file));
}

function reportErrors(entries: Loaded[]): void {
  for (const entry of entries) {
    if (!entry.ok) for (const error of entry.errors) process.stderr.write(`lectern: ${error}\n`);
  }
}

async function main(): Promise<void> {
  const [first, ...rest] = cli.input;
  if (first === "validate") {
    if (rest.length === 0) usage("validate needs at least one PATH");
    const code = runValidate(
      rest,
      (line) => process.stdout.write(`${line}\n`),
      (line) => process.stderr.write(`${line}\n`),
    );
    process.exit(code);
  }
  if (rest.length > 0) usage(`one PATH at a time (got ${cli.input.length})`);
  const width = cli.flags.width;
  if (width !== undefined && (!Number.isInteger(width) || width < 1 || width > 1000)) {
    usage("--width takes a whole number from 1 to 1000");
  }

  const path = first ?? bundledContent();
  const entries = loadAll(path);
  const good = entries.filter((e) => e.ok);

  const interactive = !cli.flags.print && process.stdout.isTTY === true;
  if (!interactive) {
    reportErrors(entries);
    const printWidth = width ?? Math.min(80, process.stdout.columns || 80);
    let firstArticle = true;
    for (const entry of good) {
      if (!firstArticle) process.stdout.write("\n\f\n");
      firstArticle = false;
      writePrint(entry.article, { width: printWidth, color: cli.flags.color }, (chunk) =>
        process.stdout.write(chunk),
      );
    }
    process.exitCode = good.length === entries.length ? 0 : 1;
    return;
  }

  if (good.length === 0) {
    reportErrors(entries);
    process.exit(1);
  }

  // Keys come from the terminal: stdin when it is one, else the controlling terminal (as less
  // does), so that `lectern - < article.json` and `lectern < /dev/null` still read keys.
  let keys: NodeJS.ReadStream = process.stdin;
  if (!process.stdin.isTTY) {
    try {
      keys = new ReadStream(openSync("/dev/tty", "r")) as NodeJS.ReadStream;
    } catch {
      reportErrors(entries);
      process.stderr.write(
        "lectern: no terminal to read keys from (stdin is not a terminal and /dev/tty cannot be opened); use --print\n",
      );
      process.exit(2);
    }
  }
  const { runReader } = await import("./terminal/run.js");
  const code = await runReader(entries, { stdin: keys, stdout: process.stdout, maxWidth: width });
  process.exit(code);
}

main().catch((error: unknown) => {
  process.stderr.write(`lectern: ${sanitizeLine(oneLine(error))}\n`);
  process.exit(1);
});
