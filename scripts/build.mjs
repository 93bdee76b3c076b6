// Builds the program into dist/: one esbuild bundle (plus lazily loaded chunks) so that start-up
// imports a few files instead of Ink's hundreds of small modules. Run by `npm install` (prepare).
import { chmodSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stubs = join(root, "scripts", "stubs");
rmSync(join(root, "dist"), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { lectern: "src/cli.tsx" },
  outdir: "dist",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Node 20 has RegExp set notation (the v flag, used by string-width); without this esbuild
  // rewrites such literals as new RegExp(...), compiled at start-up instead of on first use
  // (\p{RGI_Emoji} alone costs about 14 ms).
  supported: { "regexp-set-notation": true },
  minify: true,
  legalComments: "linked",
  logLevel: "warning",
  define: { "process.env.NODE_ENV": '"production"' },
  plugins: [
    {
      name: "lectern-stubs",
      setup(b) {
        // Ink's React devtools bridge is only for DEV=true debugging; leave it out of the bundle.
        b.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
          args.importer.includes(`${join("node_modules", "ink")}`)
            ? { path: join(stubs, "empty.js") }
            : undefined,
        );
        // A module loaded later (import() in src/) also imports the entry's own module graph, so
        // that esbuild puts all of the start-up code in one shared chunk. Left alone, it makes a
        // chunk per set of importers (about 20 at start-up), and Node resolves, reads and links
        // each file before the first frame: measured, 18 ms of `lectern --version` (median of 31)
        // and 1.58 → 1.45 × node for the seed's first frame.
        const src = join(root, "src");
        b.onResolve({ filter: /.*/ }, async (args) => {
          if (args.kind !== "dynamic-import" || !args.importer.startsWith(src)) return undefined;
          const found = await b.resolve(args.path, {
            kind: "import-statement",
            importer: args.importer,
            resolveDir: args.resolveDir,
          });
          if (found.errors.length > 0 || !found.path.startsWith(src)) return undefined;
          return { path: found.path, namespace: "lectern-later" };
        });
        b.onLoad({ filter: /.*/, namespace: "lectern-later" }, (args) => {
          const module = JSON.stringify(args.path);
          // React.lazy takes a module's default export (ui/Toc.tsx): passed on when there is one.
          const hasDefault = /\bexport\s+default\b/.test(readFileSync(args.path, "utf8"));
          return {
            contents: [
              `import ${JSON.stringify(join(src, "cli.tsx"))};`,
              `export * from ${module};`,
              hasDefault ? `export { default } from ${module};` : "",
            ].join("\n"),
            resolveDir: root,
            loader: "js",
          };
        });
        // Ink measures its text with Lectern's measure (src/ui/ink-width.ts), not string-width,
        // so that a row is as wide to Ink as it was to the layout.
        const inkWidths = { "string-width": "inkStringWidth", "widest-line": "inkWidestLine" };
        b.onResolve({ filter: /^(string-width|widest-line)$/ }, (args) =>
          /[\\/]node_modules[\\/]ink[\\/]build[\\/]/.test(args.importer)
            ? { path: args.path, namespace: "lectern-ink-width" }
            : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: "lectern-ink-width" }, (args) => ({
          contents: `export { ${inkWidths[args.path]} as default } from "./src/ui/ink-width.ts";`,
          resolveDir: root,
          loader: "js",
        }));
        // Ink draws nothing until exit when it believes it runs in CI (CI=true); a full-screen
        // reader attached to a terminal must behave the same everywhere, so it is never "in CI".
        b.onResolve({ filter: /^is-in-ci$/ }, () => ({ path: join(stubs, "false.js") }));
        // restore-cursor (through Ink's cli-cursor) writes "show cursor" to stderr at exit, which
        // ends up in `lectern 2>log`; the screen module restores the cursor on stdout itself.
        b.onResolve({ filter: /^restore-cursor$/ }, () => ({
          path: join(stubs, "restore-cursor.js"),
        }));
        // On a resize Ink repaints everything only when the terminal got narrower; otherwise it
        // diffs against what it believes is on screen, which a resize may have moved or cut.
        // Lectern clears the screen on every resize (terminal/run.tsx), so Ink must repaint all.
        b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]ink\.js$/ }, (args) => {
          const source = readFileSync(args.path, "utf8");
          const narrower = "if (currentWidth < this.lastTerminalWidth) {";
          if (!source.includes(narrower)) {
            throw new Error("ink/build/ink.js changed: review the resize fix");
          }
          return { contents: source.replace(narrower, "{"), loader: "js" };
        });
        // string-width makes an Intl.Segmenter when it is imported, which loads ICU data (~9 ms
        // of every start-up), and its \p{RGI_Emoji} literal is expanded when the module is
        // compiled (~14 ms). Lectern measures most text without them (layout/wrap.ts), so both
        // are made on first use instead.
        b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, (args) => {
          // Only Lectern's own string-width; Ink's wrap-ansi has an older copy, loaded with Ink.
          if (args.path !== join(root, "node_modules", "string-width", "index.js"))
            return undefined;
          const replacements = [
            [
              "const segmenter = new Intl.Segmenter();",
              "let lazySegmenter; const segmenter = { segment: (text) => (lazySegmenter ??= new Intl.Segmenter()).segment(text) };",
            ],
            [
              "const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;",
              'let lazyRgi; const rgiEmojiRegex = { test: (text) => (lazyRgi ??= new RegExp("^\\\\p{RGI_Emoji}$", "v")).test(text) };',
            ],
          ];
          let source = readFileSync(args.path, "utf8");
          for (const [eager, lazy] of replacements) {
            if (!source.includes(eager)) {
              throw new Error("string-width/index.js changed: review the lazy segmenter and regex");
            }
            source = source.replace(eager, lazy);
          }
          return { contents: source, loader: "js" };
        });
        // Ink composes every frame cell by cell: each row's text is split into one object per
        // character, placed in a grid, and joined back into a string. Lectern's frames are rows
        // already styled (ui/Frame.tsx: one <Text> per row at column 0), so when every write is
        // such a row the rows are the frame as they are; that spares most of a key's work and
        // its garbage. Anything else (an overlay drawn by Ink's own layout) takes Ink's way.
        b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, (args) => {
          const source = readFileSync(args.path, "utf8");
          const start = "    get() {\n";
          if (!source.includes(start) || !source.includes("if (operation.type === 'write') {")) {
            throw new Error("ink/build/output.js changed: review the whole-rows fast path");
          }
          const fast = [
            "function lecternWholeRows(output) {",
            "    const rows = new Array(output.height).fill('');",
            "    const taken = new Uint8Array(output.height);",
            "    for (const op of output.operations) {",
            "        if (op.type !== 'write' || op.x !== 0 || op.text.includes('\\n')) return undefined;",
            "        if (op.y < 0 || op.y >= output.height) continue;",
            "        if (taken[op.y] === 1) return undefined;",
            "        taken[op.y] = 1;",
            "        let line = op.text;",
            "        for (const transform of op.transformers) line = transform(line, 0);",
            "        if (line.includes('\\n')) return undefined;",
            "        rows[op.y] = line.trimEnd();",
            "    }",
            "    return { output: rows.join('\\n'), height: output.height };",
            "}",
          ].join("\n");
          return {
            contents: `${source.replace(start, `${start}        const whole = lecternWholeRows(this);\n        if (whole) return whole;\n`)}\n${fast}\n`,
            loader: "js",
          };
        });
        // Ink 6.8's incremental renderer moves the cursor up one line too few when the previous
        // frame ended in a newline (every frame shorter than the terminal), so each update is
        // drawn one row low and the screen scrolls. Lectern's frames are one row short of the
        // terminal (see state/geometry.ts), so it moves up from the row below the frame.
        // The pty tests pin the result; the build fails if Ink's code no longer matches.
        b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]log-update\.js$/ }, (args) => {
          const source = readFileSync(args.path, "utf8");
          const wrong = "buffer.push(ansiEscapes.cursorUp(previousVisible - 1));";
          if (!source.includes(wrong)) {
            throw new Error("ink/build/log-update.js changed: review the incremental-render fix");
          }
          const right =
            "buffer.push(ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1)));";
          // Each changed row is written as text then "erase to end of line". With auto-wrap off
          // (terminal/screen.ts), the cursor stops on the last column after a full-width row,
          // and the erase then wipes that column's character: erase first, then write.
          const eraseAfter = "nextLines[i] +\n                ansiEscapes.eraseEndLine +";
          if (!source.includes(eraseAfter)) {
            throw new Error("ink/build/log-update.js changed: review the erase-before-write fix");
          }
          const eraseBefore = "ansiEscapes.eraseEndLine +\n                nextLines[i] +";
          return {
            contents: source.replace(wrong, right).replace(eraseAfter, eraseBefore),
            loader: "js",
          };
        });
      },
    },
  ],
  banner: {
    js: [
      "#!/usr/bin/env node",
      'import { createRequire as __lecternRequire } from "node:module";',
      'import { fileURLToPath as __lecternPath } from "node:url";',
      "const require = __lecternRequire(import.meta.url);",
      // Bundled CommonJS packages (write-file-atomic) read __filename.
      "const __filename = __lecternPath(import.meta.url);",
    ].join("\n"),
  },
});
chmodSync(join(root, "dist", "lectern.js"), 0o755);
