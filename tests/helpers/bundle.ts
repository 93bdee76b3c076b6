// Builds one TypeScript entry of the tests into a single JavaScript file that a child process or
// a worker can run (plain node cannot load TypeScript): esbuild, into a fresh temporary folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";

const made: string[] = [];
process.on("exit", () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The path of a runnable .mjs bundle of `entry` (removed when this process exits). */
export function bundle(entry: string): string {
  const dir = mkdtempSync(join(tmpdir(), "lectern-bundle-"));
  made.push(dir);
  const outfile = join(dir, "entry.mjs");
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "error",
    // Bundled CommonJS packages may call require() for Node's own modules.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  return outfile;
}
