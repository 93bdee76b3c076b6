// Safe handling of a small state file that Lectern owns (positions.json): read only a regular file
// of a sane size, never through a symbolic link, set aside (never delete) what cannot be read,
// serialise writers with a lock file, and replace the file atomically (a temporary file renamed
// over it), cleaning up temporaries left by a writer that was killed.
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  type Stats,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";

const { O_CREAT, O_EXCL, O_NOFOLLOW, O_NONBLOCK, O_RDONLY, O_WRONLY } = constants;

export type StateRead =
  | { kind: "absent" }
  | { kind: "text"; text: string }
  /** Not readable as a state file; `why` says why, in words ("is a symbolic link"). */
  | { kind: "unusable"; why: string };

const MiB = 1024 * 1024;

function code(error: unknown): string | undefined {
  return (error as { code?: unknown })?.code as string | undefined;
}

function kindOf(stat: Stats): string {
  if (stat.isSymbolicLink()) return "a symbolic link";
  if (stat.isDirectory()) return "a folder";
  if (stat.isFIFO()) return "a named pipe";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  return "not a regular file";
}

/**
 * The file's text, if it is a regular file (not a link, pipe or device) of at most `maxBytes`.
 * Never blocks (O_NONBLOCK, so a FIFO swapped in after lstat cannot hang) and never reads more
 * than `maxBytes` + 1 bytes.
 */
export function readStateFile(file: string, maxBytes: number): StateRead {
  let before: Stats;
  try {
    before = lstatSync(file);
  } catch (error) {
    if (code(error) === "ENOENT") return { kind: "absent" };
    return { kind: "unusable", why: `cannot be read (${code(error) ?? "error"})` };
  }
  if (!before.isFile()) return { kind: "unusable", why: `is ${kindOf(before)}` };
  if (before.size > maxBytes) {
    return { kind: "unusable", why: `is ${(before.size / MiB).toFixed(1)} MB, too large` };
  }
  let fd: number;
  try {
    fd = openSync(file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (error) {
    if (code(error) === "ENOENT") return { kind: "absent" };
    if (code(error) === "ELOOP") return { kind: "unusable", why: "is a symbolic link" };
    return { kind: "unusable", why: `cannot be read (${code(error) ?? "error"})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: "unusable", why: `is ${kindOf(stat)}` };
    const buffer = Buffer.alloc(maxBytes + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const got = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (got === 0) break;
      filled += got;
    }
    if (filled > maxBytes) return { kind: "unusable", why: "is too large" };
    return { kind: "text", text: buffer.toString("utf8", 0, filled) };
  } catch (error) {
    return { kind: "unusable", why: `cannot be read (${code(error) ?? "error"})` };
  } finally {
    closeSync(fd);
  }
}

/**
 * Moves `file` (whatever it is: a link is moved, not its target) to `file.damaged-<time>`, a name
 * not yet taken. Returns the new name, or undefined if it could not be moved.
 */
export function setAside(file: string, now = new Date()): string | undefined {
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  for (let n = 1; n < 100; n++) {
    const target = `${file}.damaged-${stamp}${n === 1 ? "" : `-${n}`}`;
    try {
      lstatSync(target);
      continue; // taken
    } catch {
      // Free.
    }
    try {
      renameSync(file, target);
      return target;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Set aside the damaged `what` file (positions, drafts, replies) and say so in one line: where it
 * went and `afterwards` (what that means), or, if it could not be moved, that nothing is saved.
 */
export function setAsideSaying(
  file: string,
  what: string,
  why: string,
  afterwards = "",
): { moved: string | undefined; notice: string } {
  const moved = setAside(file);
  const notice =
    moved === undefined
      ? `the ${what} file ${file} ${why} and could not be moved aside; ${what} are not saved`
      : `the ${what} file ${file} ${why}; it was moved to ${moved}${afterwards}`;
  return { moved, notice };
}

function alive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return code(error) === "EPERM";
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

/** A lock older than this is stale whoever holds it: a save takes milliseconds. */
const STALE_LOCK_MS = 10_000;

/**
 * The lock's content if the lock is stale: it names a process that is gone, or is too old to be a
 * live writer's. Undefined if it is live (or gone).
 */
function staleLock(lock: string): string | undefined {
  try {
    const stat = lstatSync(lock);
    const age = Date.now() - stat.mtimeMs;
    const read = readStateFile(lock, 64);
    if (read.kind === "absent") return undefined; // released meanwhile: just try again
    const text = read.kind === "text" ? read.text : "";
    if (!stat.isFile() || age > STALE_LOCK_MS) return text;
    // An empty lock is one being written this instant (the pid follows the create).
    if (text === "") return age > 1_000 ? text : undefined;
    return alive(Number.parseInt(text, 10)) ? undefined : text;
  } catch {
    return undefined;
  }
}

/**
 * Removes a stale lock whose content was `stale`. Two writers may find the same stale lock; the
 * lock is first renamed to a private name (atomic: only one of them gets it), and if what was
 * moved is not the stale lock but a live writer's new one, it is put back (link: never over
 * another).
 */
function breakLock(lock: string, stale: string): void {
  const moved = `${lock}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    renameSync(lock, moved);
  } catch {
    return; // someone else broke it first
  }
  try {
    const read = readStateFile(moved, 64);
    const text = read.kind === "text" ? read.text : "";
    if (text !== stale) linkSync(moved, lock);
  } catch {
    // A third writer has taken the lock meanwhile.
  } finally {
    try {
      unlinkSync(moved);
    } catch {
      // Nothing left to remove.
    }
  }
}

/**
 * Runs `work` holding `file.lock` (created exclusively; holds the owner's pid). A lock whose owner
 * has died (kill -9) is taken over. Returns undefined if the lock stays busy for `waitMs`.
 */
export function withLock<T>(file: string, work: () => T, waitMs = 3_000): T | undefined {
  const lock = `${file}.lock`;
  const deadline = Date.now() + waitMs;
  let fd: number | undefined;
  const token = `${process.pid} ${Math.random().toString(36).slice(2)}\n`;
  while (fd === undefined) {
    try {
      fd = openSync(lock, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
    } catch (error) {
      if (code(error) !== "EEXIST") throw error;
      if (Date.now() > deadline) return undefined;
      const stale = staleLock(lock);
      if (stale !== undefined) breakLock(lock, stale);
      else sleep(2 + Math.random() * 4);
    }
  }
  try {
    writeSync(fd, token);
    return work();
  } finally {
    closeSync(fd);
    // Unless it was taken over as stale (after STALE_LOCK_MS), the lock is still ours.
    const now = readStateFile(lock, 64);
    if (now.kind === "text" && now.text === token) unlinkSync(lock);
  }
}

let written = 0;

/**
 * Replaces `file` with `text` atomically: a new temporary file (never following a link) is
 * written, flushed and renamed over it. A reader sees the old file or the new one, never a part.
 */
export function writeAtomically(file: string, text: string): void {
  const temp = `${file}.tmp-${process.pid}-${++written}`;
  const fd = openSync(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
  try {
    const bytes = Buffer.from(text, "utf8");
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, file);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
}

/** write-file-atomic's temporaries, left by earlier versions of Lectern (`positions.json.1234`). */
const LEGACY_TEMP = /^\.\d+$/;
/** Ours: `positions.json.tmp-<pid>-<n>`, and a lock being broken, `.lock.stale-<pid>-<x>`. */
const OUR_TEMP = /^\.(?:tmp|lock\.stale)-(\d+)-\w+$/;
/** A legacy temporary this old is no longer being written. */
const STALE_TEMP_MS = 60_000;

/**
 * Removes temporaries of `file` left by writers that died (their pid is gone) or, for those
 * without a pid, that are old. Call it holding the lock. Never throws.
 */
export function cleanTemporaries(file: string): void {
  const dir = dirname(file);
  const base = basename(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(base)) continue;
    const rest = name.slice(base.length);
    const ours = OUR_TEMP.exec(rest);
    const path = join(dir, name);
    try {
      if (ours) {
        if (Number(ours[1]) !== process.pid && alive(Number(ours[1]))) continue;
      } else if (LEGACY_TEMP.test(rest)) {
        if (Date.now() - lstatSync(path).mtimeMs < STALE_TEMP_MS) continue;
      } else continue;
      unlinkSync(path);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}
