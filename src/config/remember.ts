// The measure chosen with + and - while reading, remembered across runs in a small file beside the
// reading positions (env-paths: $XDG_DATA_HOME/lectern-nodejs/reader.json), replaced atomically.
// Like the positions, losing it only means the usual width: an unreadable file is ignored and
// overwritten by the next choice. Nothing is written until the program turns remembering on
// (cli.tsx, for the reader), so components under test never touch the user's files.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import envPaths from "env-paths";
import { readStateFile, writeAtomically } from "../storage/state-file.js";
import { MAX_WIDTH, MIN_WIDTH } from "./limits.js";

export function rememberedFile(): string {
  return join(envPaths("lectern").data, "reader.json");
}

/** The width remembered last time, if any and in range. */
export function readRememberedWidth(file: string = rememberedFile()): number | undefined {
  const read = readStateFile(file, 4096);
  if (read.kind !== "text") return undefined;
  try {
    const width = (JSON.parse(read.text) as { width?: unknown }).width;
    return Number.isInteger(width) &&
      (width as number) >= MIN_WIDTH &&
      (width as number) <= MAX_WIDTH
      ? (width as number)
      : undefined;
  } catch {
    return undefined;
  }
}

let target: string | undefined;

/** From now on, widths chosen while reading are written to `file`. */
export function rememberWidthsIn(file: string = rememberedFile()): void {
  target = file;
}

/** Remember `width` (undefined: forget it). Never throws; does nothing unless turned on. */
export function rememberWidth(width: number | undefined): void {
  const file = target;
  if (file === undefined) return;
  // After the frame that shows the new width: the write waits for the disk.
  setImmediate(() => {
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeAtomically(file, `${JSON.stringify(width === undefined ? {} : { width })}\n`);
    } catch {
      // Not remembered: the next run starts at the usual width.
    }
  });
}
