// Reading positions across runs: where each article was left (by id), stored as a paragraph and
// the share of it above the top of the screen, so that it holds at any width. Kept in the user's
// data folder (env-paths: $XDG_DATA_HOME/lectern-nodejs on Linux), written atomically. Losing or
// failing to read this file only means starting at the top: it never stops the reader.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import envPaths from "env-paths";
import writeFileAtomic from "write-file-atomic";

export type Anchor = { block: number; fraction: number };

/** How many articles' positions are kept (the most recently read). */
const KEEP = 500;

export function positionsFile(): string {
  return join(envPaths("lectern").data, "positions.json");
}

function isAnchor(value: unknown): value is Anchor {
  const a = value as Anchor;
  return (
    typeof a === "object" &&
    a !== null &&
    Number.isInteger(a.block) &&
    a.block >= 0 &&
    typeof a.fraction === "number" &&
    Number.isFinite(a.fraction)
  );
}

/** Every remembered position; an unreadable or malformed file counts as none. */
export function loadPositions(file = positionsFile()): Map<string, Anchor> {
  const positions = new Map<string, Anchor>();
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as unknown;
    if (typeof data !== "object" || data === null) return positions;
    for (const [id, anchor] of Object.entries(data as Record<string, unknown>)) {
      if (isAnchor(anchor)) positions.set(id, { block: anchor.block, fraction: anchor.fraction });
    }
  } catch {
    // No file yet, or one we cannot read: start from the top.
  }
  return positions;
}

/**
 * Remember where an article was left. Returns false (and changes nothing) when the file cannot
 * be written; the reader goes on regardless.
 */
export function savePosition(id: string, anchor: Anchor, file = positionsFile()): boolean {
  try {
    const positions = loadPositions(file);
    positions.delete(id); // re-inserted last: the map's order is the order of reading
    positions.set(id, anchor);
    const kept = [...positions].slice(-KEEP);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileAtomic.sync(file, `${JSON.stringify(Object.fromEntries(kept))}\n`);
    return true;
  } catch {
    return false;
  }
}
