// The list's order chosen with s, remembered across runs in a small file beside the reading
// positions (env-paths: $XDG_DATA_HOME/lectern-nodejs/library.json), replaced atomically. Losing
// it only means the default order; an unreadable file is ignored and replaced by the next choice.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import envPaths from "env-paths";
import { readStateFile, writeAtomically } from "./state-file.js";

export const SORT_KEYS = ["read", "title", "date", "comments"] as const;
export type SortChoice = (typeof SORT_KEYS)[number];

export function prefsFile(): string {
  return join(envPaths("lectern").data, "library.json");
}

/** The order chosen last time, if any. Never throws. */
export function readSort(file: string = prefsFile()): SortChoice | undefined {
  const read = readStateFile(file, 4096);
  if (read.kind !== "text") return undefined;
  try {
    const sort = (JSON.parse(read.text) as { sort?: unknown }).sort;
    return SORT_KEYS.find((k) => k === sort);
  } catch {
    return undefined;
  }
}

/** Remember the order. Never throws; false if it could not be written. */
export function saveSort(sort: SortChoice, file: string = prefsFile()): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeAtomically(file, `${JSON.stringify({ sort })}\n`);
    return true;
  } catch {
    return false;
  }
}
