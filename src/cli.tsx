// Entry point: arguments, then print mode (stdout not a terminal, or --print) or the full-screen
// reader. Exit status: 0 fine, 1 bad content, 2 bad usage; never a stack trace.
import { existsSync, openSync, statSync } from "node:fs";
import { relative } from "node:path";
import { ReadStream } from "node:tty";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import packageJson from "../package.json" with { type: "json" };
import { COLOR_FLAGS, type ColorFlag, resolveColor } from "./config/color.js";
import { readRememberedWidth, rememberWidthsIn } from "./config/remember.js";
import { configPath, loadSettings, type Settings } from "./config/settings.js";
import {
  finishImports,
  type Loaded,
  loadArticleFile,
  loadChecks,
  loadImporters,
  readArticleStdin,
} from "./content/load.js";
import { sanitizeLine } from "./content/sanitize.js";
import type { Article } from "./content/schema.js";
import { prepareBidi, setBidiMode } from "./layout/bidi.js";
import { setMeasuredWidths } from "./layout/measure.js";
import { invalidateLayouts } from "./layout/per-width.js";
import { findArticles } from "./library/scan.js";
import { writePrint } from "./print.js";
import { prepareFormats } from "./rich/parse.js";
import { openingState } from "./state/reducer.js";
import { loadPositions, takeNotices } from "./storage/positions.js";
import { LARGE_FILE_BYTES, limitHeapGrowth } from "./terminal/memory.js";
import { exitWhenDrained, writeAll } from "./terminal/output.js";
import { CLEAR, enterScreen, oneLine, refuseDebugger, type Screen } from "./terminal/screen.js";
import { composeFrame, paintRows } from "./ui/compose.js";
import { detectHyperlinks, setHyperlinks } from "./ui/hyperlink.js";
import { chooseTheme } from "./ui/theme.js";
import { runValidate } from "./validate.js";

const HELP = `
  Usage
    $ lectern [PATH…]           read an article (a .json file, or - for stdin); several files or
                                a folder (subfolders too) open a list to choose from
    $ lectern validate PATH…    check article files; prints "ok" or the problems, exit 1 if any
    $ lectern convert SOURCE    write SOURCE (Hacker News, Reddit, Lobsters or Discourse JSON, a
                                saved web page, Markdown or plain text) as an article on stdout
    $ lectern config            print the default settings file, commented, ready to copy
    $ lectern config --path     print where the settings file is read from
    $ lectern replies [PATH]    print the replies written in Lectern (of the article at PATH, or
                                all) as JSON comments; --email adds the email and website

  With no PATH, the bundled content/ folder opens.

  Options
    --print        print the article as text instead of opening the reader
                   (automatic when the output is not a terminal)
    --width N      text width: the reader's column (default 80) or the printed width
                   (default 80, or the terminal's width if narrower)
    --color[=WHEN] styling and colour: auto (the default: styled on a terminal), always
                   (--color alone), never. NO_COLOR=1 keeps bold, underline and reverse
                   but no colour; FORCE_COLOR=0 likewise
    --help         show this help
    --version      show the version

  Keys: press ? in the reader.

  Exit status: 0 success, 1 bad or missing content, 2 bad usage.
`;

// Node's own parser rather than meow: meow and its dependencies cost 30-45 ms of every start-up
// (a third of the time budget for the first frame) for what parseArgs does here.
function parseCommandLine() {
  try {
    // `--color` alone means always; as a string option it would take the next argument.
    const args = process.argv.slice(2).map((a) => (a === "--color" ? "--color=always" : a));
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        print: { type: "boolean", default: false },
        width: { type: "string" },
        color: { type: "string", default: "auto" },
        path: { type: "boolean", default: false },
        email: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
  } catch (error) {
    // parseArgs explains at length; one short line is enough here.
    const option = /'(-[^']*)'/.exec(oneLine(error))?.[1];
    const code = (error as { code?: string }).code;
    if (option && code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") usage(`unknown option ${option}`);
    if (option && code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      usage(`${option.split(" ")[0]} needs a value`);
    }
    usage(oneLine(error));
  }
}

function usage(message: string): never {
  process.stderr.write(`lectern: ${message}\nTry 'lectern --help'.\n`);
  process.exit(2);
}

/**
 * The bundled articles: content/ beside dist/ (this code is in dist/chunks/ once built, in src/
 * when run from source), named relative to where the user stands.
 */
function bundledContent(): string {
  const near = fileURLToPath(new URL("../content", import.meta.url));
  const absolute = existsSync(near)
    ? near
    : fileURLToPath(new URL("../../content", import.meta.url));
  const rel = relative(process.cwd(), absolute);
  return rel === "" ? "." : rel.startsWith("..") && rel.split("/").length > 3 ? absolute : rel;
}

/** The article files that PATHs name (folders searched, subfolders too); exits if there are none. */
function listFiles(paths: string[]): string[] {
  if (paths.length === 1 && paths[0] === "-") return ["-"];
  if (paths.includes("-")) usage("- (standard input) cannot be listed with other paths");
  const found = findArticles(paths);
  for (const problem of found.problems) process.stderr.write(`lectern: ${problem}\n`);
  if (found.files.length === 0) {
    const name = sanitizeLine(paths[0] as string);
    if (found.problems.length === 0)
      process.stderr.write(`lectern: ${name}: no articles (*.json) in this folder\n`);
    process.exit(1);
  }
  return found.files;
}

function reportErrors(entries: Loaded[]): void {
  for (const entry of entries) {
    if (!entry.ok) for (const error of entry.errors) process.stderr.write(`lectern: ${error}\n`);
  }
}

/** What imports of other shapes left out, one line each (after the reader has closed). */
function reportNotices(entries: Loaded[]): void {
  for (const entry of entries) {
    if (entry.ok)
      for (const line of entry.notices ?? []) process.stderr.write(`lectern: ${line}\n`);
  }
}

/** Lay out with the terminal's own widths for disputed clusters (see terminal/measure-widths.ts). */
async function measureClusters(article: Article, keys: NodeJS.ReadStream): Promise<void> {
  const { conservativeWidth, disputedClusters, measureWidths } = await import(
    "./terminal/measure-widths.js"
  );
  const clusters = disputedClusters(article);
  if (clusters.length === 0) return;
  const answered = await measureWidths(clusters, { stdin: keys, stdout: process.stdout });
  const widths = answered ?? new Map(clusters.map((c) => [c, conservativeWidth(c)]));
  setMeasuredWidths(widths);
  invalidateLayouts();
}

/** Whether a file is large enough to load under the heap limit (standard input always is). */
function isLarge(file: string): boolean {
  if (file === "-") return true;
  try {
    return statSync(file).size >= LARGE_FILE_BYTES;
  } catch {
    return false; // loading it says what is wrong
  }
}

/** The screen once the reader has taken it, so that any failure restores it before reporting. */
let screen: Screen | undefined;

async function main(): Promise<void> {
  // Lectern never uses the network. Removing fetch also keeps the WebAssembly loader of Ink's
  // layout engine from probing it, which would load Node's HTTP stack (~60 ms) at start-up.
  Reflect.deleteProperty(globalThis, "fetch");
  refuseDebugger();
  // Right-to-left paragraphs are reordered for display unless the terminal does it itself.
  setBidiMode(process.env.LECTERN_BIDI ?? "on");
  const cli = parseCommandLine();
  if (cli.values.help) {
    process.stdout.write(`\n  ${packageJson.description}\n${HELP}\n`);
    return;
  }
  if (cli.values.version) {
    process.stdout.write(`${packageJson.version}\n`);
    return;
  }
  const [first, ...rest] = cli.positionals;
  if (first === "validate") {
    if (rest.length === 0) usage("validate needs at least one PATH");
    await Promise.all([loadImporters(), loadChecks()]);
    const code = runValidate(
      rest,
      (line) => process.stdout.write(`${line}\n`),
      (line) => process.stderr.write(`${line}\n`),
    );
    // Not process.exit: a slow pipe (| less) still holds output to deliver.
    return exitWhenDrained(code);
  }
  if (first === "convert") {
    if (rest.length !== 1) usage("convert takes one SOURCE");
    const { runConvert } = await import("./import/convert.js");
    return exitWhenDrained(await runConvert(rest[0] as string));
  }
  if (first === "config") {
    if (rest.length > 0) usage("config takes no PATH (lectern config, or lectern config --path)");
    const { configTemplate } = await import("./config/template.js");
    process.stdout.write(cli.values.path ? `${configPath()}\n` : configTemplate(configPath()));
    return exitWhenDrained(0);
  }
  if (first === "replies") {
    if (rest.length > 1) usage("replies takes at most one PATH");
    const { runReplies } = await import("./replies-command.js");
    const code = await runReplies(
      rest[0],
      { email: cli.values.email },
      {
        out: (text) => writeAll(text),
        err: (line) => process.stderr.write(`${line}\n`),
      },
    );
    return exitWhenDrained(code);
  }
  if (cli.values.email) usage("--email goes with replies: lectern replies --email [PATH]");
  if (cli.values.path) usage("--path goes with config: lectern config --path");
  const colorFlag = cli.values.color as ColorFlag;
  if (!COLOR_FLAGS.includes(colorFlag)) usage("--color takes auto, always or never");
  // A config file that cannot be used is one line per problem, and the same status as bad usage.
  const loaded = await loadSettings();
  if (!loaded.ok) {
    for (const line of loaded.problems) process.stderr.write(`lectern: ${line}\n`);
    process.exit(2);
  }
  const settings: Settings = loaded.settings;
  const widthText = cli.values.width;
  const width = widthText === undefined ? undefined : Number(widthText);
  if (width !== undefined && (!/^\d+$/.test(widthText ?? "") || width < 1 || width > 1000)) {
    usage("--width takes a whole number from 1 to 1000");
  }

  const interactive = !cli.values.print && process.stdout.isTTY === true;
  const files = listFiles(first === undefined ? [bundledContent()] : cli.positionals);
  // Several files in the reader: a list, read as it is shown (library-start.ts); else load them.
  const listed = interactive && files.length > 1 ? files : undefined;
  // The reader's code (Ink, React) is the largest part of start-up. For one article its files
  // are read while the article loads (nothing it runs delays the first frame, painted before any
  // await); for a list, only once the list's first screen is up, since opening a list awaits.
  let reader = interactive && !listed ? import("./terminal/run.js") : undefined;
  reader?.catch(() => {}); // a failure is reported where it is awaited
  const links = interactive
    ? detectHyperlinks(process.stdout, settings.hyperlinks)
    : Promise.resolve(false);
  if (!listed && files.some(isLarge)) limitHeapGrowth();
  const load = (file: string) => (file === "-" ? readArticleStdin() : loadArticleFile(file));
  const entries = listed ? [] : await finishImports(files.map(load));
  const good = entries.filter((e) => e.ok);
  // Markdown and HTML parsers load only when an article is written in them.
  // In the reader, right-to-left text is looked for after the first frame (see below).
  for (const entry of good) await prepareFormats(entry.article, { bidi: !interactive });

  if (!interactive) {
    // `lectern --print | head` closes the pipe early: the rest is dropped quietly (output.ts).
    reportErrors(entries);
    const measure = settings.width ?? 80;
    const printWidth = width ?? Math.min(measure, process.stdout.columns || measure);
    const choice = resolveColor(colorFlag, process.env, process.stdout.isTTY === true);
    const options = {
      width: printWidth,
      color: choice.styled,
      theme: chooseTheme(settings.theme, choice.color),
    };
    let firstArticle = true;
    for (const entry of good) {
      if (!firstArticle) writeAll("\n\f\n");
      firstArticle = false;
      writePrint(entry.article, options, (chunk) => writeAll(chunk));
    }
    reportNotices(entries);
    return exitWhenDrained(good.length === entries.length ? 0 : 1);
  }

  if (!listed && good.length === 0) {
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
  screen = enterScreen({ stdin: keys, stdout: process.stdout, mouse: settings.mouse });
  // Keys typed while the rest loads wait in the tty, unechoed.
  if (keys.isTTY) keys.setRawMode(true);
  const positions = loadPositions();
  // The measure: --width, else what + and - left last time, else the config's, else 80; = goes
  // back to --width or the config's.
  const baseWidth = width ?? settings.width ?? 80;
  const maxWidth = width ?? readRememberedWidth() ?? settings.width;
  rememberWidthsIn();
  const theme = chooseTheme(settings.theme, resolveColor(colorFlag, process.env, true).color);
  const only = entries.length === 1 ? entries[0] : undefined;
  const article = only?.ok ? only.article : undefined;
  // The list's code (and its fuzzy matcher) loads only when there is a list, with the schema
  // that explains a broken file in full (loadChecks). The reader's code is not loading yet (see
  // above), so these awaits cannot let it run before the list's first screen.
  const start = listed
    ? (await Promise.all([import("./ui/library-start.js"), loadChecks()]))[0]
    : undefined;
  const library =
    listed && start
      ? await start.openLibrary(listed, {
          positions,
          keymap: settings.keymap,
          theme,
        })
      : undefined;
  // The first frame goes on screen before Ink and React have loaded (they cost more than
  // everything else at start-up), and again on a resize until then; Ink draws over it.
  const paintEarly = () => {
    if (library) {
      const size = [process.stdout.columns || 80, process.stdout.rows || 24] as const;
      process.stdout.write(CLEAR + library.paint(...size));
    }
    if (!article) return;
    const cols = process.stdout.columns || 80;
    const rows = process.stdout.rows || 24;
    const state = openingState(article, cols, rows, {
      maxWidth,
      baseWidth,
      keymap: settings.keymap,
      resume: positions.get(article.id),
    });
    process.stdout.write(CLEAR + paintRows(composeFrame(article, state, theme)));
  };
  // The first frame goes out without hyperlinks (their detection loads a module); Ink's frames,
  // drawn over it, have them.
  paintEarly();
  process.stdout.on("resize", paintEarly);
  reader ??= import("./terminal/run.js");
  limitHeapGrowth();
  setHyperlinks(await links);
  // With the first frame on screen, ask the terminal how wide it draws the clusters terminals
  // disagree about (emoji sequences, ambiguous-width characters), and lay out with its answer.
  if (article && process.env.LECTERN_MEASURE !== "0") await measureClusters(article, keys);
  // Right-to-left text (bidi-js loaded if there is any) before Ink draws; the list's articles are
  // prepared as they open.
  for (const entry of good) await prepareBidi(entry.article);
  const { runReader } = await reader;
  const code = await runReader(entries, {
    screen,
    stdin: keys,
    stdout: process.stdout,
    maxWidth,
    baseWidth,
    keymap: settings.keymap,
    theme,
    positions,
    library: library?.source,
    sort: library?.sort,
    handOver: () => process.stdout.off("resize", paintEarly),
  });
  reportNotices(entries);
  // What happened to the positions file (set aside, unreadable), now that the screen is restored.
  for (const line of takeNotices()) process.stderr.write(`lectern: ${sanitizeLine(line)}\n`);
  // And what happened to the drafts and replies files (set aside, unreadable), if they were used.
  const [{ takeDraftNotices }, { takeReplyNotices }] = await Promise.all([
    import("./storage/drafts.js"),
    import("./storage/replies.js"),
  ]);
  for (const line of [...takeDraftNotices(), ...takeReplyNotices()]) {
    process.stderr.write(`lectern: ${sanitizeLine(line)}\n`);
  }
  return exitWhenDrained(code);
}

main().catch((error: unknown) => {
  screen?.restore();
  process.stderr.write(`lectern: ${sanitizeLine(oneLine(error))}\n`);
  process.exit(1);
});
