// Reading positions across runs: where each article was left (by id), stored as a paragraph and
// the share of it above the top of the screen, so that it holds at any width. Kept in the user's
// data folder (env-paths: $XDG_DATA_HOME/lectern-nodejs on Linux) in one small JSON file: the
// last KEEP articles, written atomically under a lock, re-read and merged on every save so that
// two readers closing together keep each other's positions. Losing or failing to read this file
// only means starting at the top: it never stops the reader, and a file that is not a store of
// positions (not JSON, a link, a pipe, too large) is set aside under a new name, never destroyed,
// with one line said after the reader closes (takeNotices).
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import envPaths from "env-paths";
import {
  cleanTemporaries,
  readStateFile,
  setAsideSaying,
  withLock,
  writeAtomically,
} from "./state-file.js";

export type Anchor = { block: number; fraction: number };

/** How many articles' positions are kept (the most recently read). */
const KEEP = 500;
/** Article ids longer than this are not remembered, so that the file stays small. */
const MAX_ID = 1000;
/** KEEP entries of MAX_ID characters fit well within this; a larger file is not ours. */
const MAX_BYTES = 1024 * 1024;
/** No article has this many blocks (paragraphs and headings). */
const MAX_BLOCK = 100_000_000;

export function positionsFile(): string {
  return join(envPaths("lectern").data, "positions.json");
}

/**
 * A position in range: a block index that is a non-negative integer, and a share of the block in
 * [-1, 1] (negative: in the gap above the block, see layout's anchorOf).
 */
export function isAnchor(value: unknown): value is Anchor {
  const a = value as Anchor;
  return (
    typeof a === "object" &&
    a !== null &&
    Number.isSafeInteger(a.block) &&
    a.block >= 0 &&
    a.block <= MAX_BLOCK &&
    typeof a.fraction === "number" &&
    Number.isFinite(a.fraction) &&
    a.fraction >= -1 &&
    a.fraction <= 1
  );
}

function isId(id: unknown): id is string {
  return typeof id === "string" && id.length > 0 && id.length <= MAX_ID;
}

const notices: string[] = [];

function notice(line: string): void {
  if (!notices.includes(line)) notices.push(line);
}

/** What went wrong with the positions file since the last call, one line each (for stderr). */
export function takeNotices(): string[] {
  return notices.splice(0);
}

type Store = { positions: Map<string, Anchor>; writable: boolean };

/** Reads the store; anything that is not one is set aside (with a notice) and counts as empty. */
function readStore(file: string): Store {
  const positions = new Map<string, Anchor>();
  const read = readStateFile(file, MAX_BYTES);
  if (read.kind === "absent") return { positions, writable: true };
  let why: string | undefined;
  if (read.kind === "unusable") why = read.why;
  else {
    try {
      const data = JSON.parse(read.text) as unknown;
      if (typeof data !== "object" || data === null || Array.isArray(data)) {
        why = "does not hold reading positions";
      } else {
        for (const [id, anchor] of Object.entries(data as Record<string, unknown>)) {
          if (isId(id) && isAnchor(anchor)) {
            positions.set(id, { block: anchor.block, fraction: anchor.fraction });
          }
        }
        // Most recently read last; a hand-edited file with more than KEEP counts as its last KEEP.
        while (positions.size > KEEP) positions.delete(positions.keys().next().value as string);
        return { positions, writable: true };
      }
    } catch {
      why = "is not valid JSON";
    }
  }
  const aside = setAsideSaying(file, "positions", why, " and reading starts afresh");
  notice(aside.notice);
  return { positions, writable: aside.moved !== undefined };
}

/** Every remembered position; a missing or unusable file counts as none. Never throws. */
export function loadPositions(file = positionsFile()): Map<string, Anchor> {
  try {
    return readStore(file).positions;
  } catch {
    return new Map();
  }
}

/**
 * Remember where an article was left, keeping every other article's position as it is in the
 * file now. Returns false (and changes nothing) when the position is out of range or the file
 * cannot be written; the reader goes on regardless.
 */
export function savePosition(id: string, anchor: Anchor, file = positionsFile()): boolean {
  if (!isId(id) || !isAnchor(anchor)) return false;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const saved = withLock(file, () => {
      const { positions, writable } = readStore(file);
      if (!writable) return false;
      positions.delete(id); // re-inserted last: the map's order is the order of reading
      positions.set(id, { block: anchor.block, fraction: anchor.fraction });
      const kept = [...positions].slice(-KEEP);
      writeAtomically(file, `${JSON.stringify(Object.fromEntries(kept))}\n`);
      cleanTemporaries(file);
      return true;
    });
    return saved === true;
  } catch {
    return false;
  }
}
