// Reply drafts, kept while typing so that no word is lost: one small JSON file in the user's data
// folder (env-paths: $XDG_DATA_HOME/lectern-nodejs/drafts.json) holding, per article and per
// target (the article, a comment replied to, or a reply being edited), the comment and the
// name, email and website typed so far, plus the name, email and website to offer next time.
// Saving is throttled (DraftSaver: at most DRAFT_DELAY_MS behind the last key, and flushed when
// the form closes and when the process exits); every save is an atomic replace under a lock,
// re-reading the file first, so two readers keep each other's drafts. A file that is not a store
// of drafts is set aside under a new name (state-file.ts), never overwritten, with one line said.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import envPaths from "env-paths";
import { sanitizeLine, sanitizeText } from "../content/sanitize.js";
import {
  cleanTemporaries,
  readStateFile,
  setAsideSaying,
  withLock,
  writeAtomically,
} from "./state-file.js";

export type Identity = { name: string; email: string; website: string };
export type Draft = Identity & { comment: string };

/** How far behind typing a draft on disk may be. */
export const DRAFT_DELAY_MS = 250;
/** Drafts kept in all (the most recently saved); a draft is small. */
const KEEP = 200;
const MAX_BYTES = 8 * 1024 * 1024;
/** One field of a draft is cut at this length (a comment longer than this is not a comment). */
const MAX_FIELD = 200_000;

export function draftsFile(): string {
  return join(envPaths("lectern").data, "drafts.json");
}

type Entry = Draft & { savedAt: string };
type Store = {
  identity?: Identity;
  /** Key: article id, "\n", target key. Order: oldest saved first. */
  drafts: Map<string, Entry>;
  writable: boolean;
  notice?: string;
};

const str = (v: unknown, line = true): string =>
  typeof v === "string" ? (line ? sanitizeLine(v) : sanitizeText(v)).slice(0, MAX_FIELD) : "";

function identityOf(v: unknown): Identity | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const o = v as Record<string, unknown>;
  return { name: str(o.name), email: str(o.email), website: str(o.website) };
}

function entryOf(v: unknown): Entry | undefined {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.comment !== "string") return undefined;
  const id = identityOf(o) as Identity;
  return { ...id, comment: str(o.comment, false), savedAt: str(o.savedAt) };
}

const notices: string[] = [];

/** What went wrong with the drafts file since the last call, one line each. */
export function takeDraftNotices(): string[] {
  return notices.splice(0);
}

function readStore(file: string): Store {
  const drafts = new Map<string, Entry>();
  const read = readStateFile(file, MAX_BYTES);
  if (read.kind === "absent") return { drafts, writable: true };
  let why: string;
  if (read.kind === "unusable") why = read.why;
  else {
    try {
      const data = JSON.parse(read.text) as Record<string, unknown>;
      if (typeof data !== "object" || data === null || Array.isArray(data)) throw new Error();
      const list = data.drafts;
      if (typeof list !== "object" || list === null || Array.isArray(list)) throw new Error();
      for (const [key, value] of Object.entries(list)) {
        const entry = entryOf(value);
        if (entry && key.includes("\n")) drafts.set(key, entry);
      }
      return { identity: identityOf(data.identity), drafts, writable: true };
    } catch {
      why = "does not hold drafts (not JSON of the expected shape)";
    }
  }
  const { moved, notice } = setAsideSaying(file, "drafts", why);
  if (!notices.includes(notice)) notices.push(notice);
  return { drafts, writable: moved !== undefined, notice };
}

const keyOf = (articleId: string, target: string) => `${articleId}\n${target}`;

export type LoadedDraft = { draft?: Draft; identity?: Identity; notice?: string };

/** The draft for a target of an article, and the identity to offer. Never throws. */
export function loadDraft(articleId: string, target: string, file = draftsFile()): LoadedDraft {
  try {
    const store = readStore(file);
    const entry = store.drafts.get(keyOf(articleId, target));
    const draft = entry && {
      comment: entry.comment,
      name: entry.name,
      email: entry.email,
      website: entry.website,
    };
    return {
      ...(draft && { draft }),
      ...(store.identity && { identity: store.identity }),
      ...(store.notice && { notice: store.notice }),
    };
  } catch {
    return {};
  }
}

export type DraftChange = {
  articleId: string;
  target: string;
  /** The draft now, or null to forget it (posted or discarded). */
  draft: Draft | null;
};

/**
 * Writes changes to drafts (and the identity to offer next time) in one atomic replace under the
 * lock. Returns false if the file could not be written; nothing throws.
 */
export function writeDrafts(
  changes: readonly DraftChange[],
  identity?: Identity,
  file = draftsFile(),
): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const done = withLock(file, () => {
      const store = readStore(file);
      if (!store.writable) return false;
      const savedAt = new Date().toISOString();
      for (const change of changes) {
        const key = keyOf(change.articleId, change.target);
        store.drafts.delete(key); // re-inserted last: the map's order is the order of saving
        if (change.draft) store.drafts.set(key, { ...change.draft, savedAt });
      }
      const kept = [...store.drafts].slice(-KEEP);
      const data = {
        ...((identity ?? store.identity) && { identity: identity ?? store.identity }),
        drafts: Object.fromEntries(kept),
      };
      writeAtomically(file, `${JSON.stringify(data, null, 1)}\n`);
      cleanTemporaries(file);
      return true;
    });
    return done === true;
  } catch {
    return false;
  }
}

/**
 * Throttled saving: changes wait at most DRAFT_DELAY_MS, then go in one write; `flush` writes
 * what waits now (the form closing, the process exiting). The last change per target wins.
 */
export class DraftSaver {
  private readonly pending = new Map<string, DraftChange>();
  private timer: NodeJS.Timeout | undefined;
  private hooked = false;
  constructor(
    private readonly file: () => string = draftsFile,
    private readonly delay = DRAFT_DELAY_MS,
  ) {}

  schedule(change: DraftChange): void {
    this.pending.set(keyOf(change.articleId, change.target), change);
    if (!this.hooked) {
      this.hooked = true;
      // process.exit from anywhere (a signal, quitting) still writes what waits.
      process.on("exit", () => this.flush());
    }
    if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, this.delay);
      this.timer.unref();
    }
  }

  /** Writes every waiting change now. False if the write failed (they stay waiting). */
  flush(identity?: Identity): boolean {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.pending.size === 0 && !identity) return true;
    const changes = [...this.pending.values()];
    if (!writeDrafts(changes, identity, this.file())) return false;
    for (const c of changes) {
      const key = keyOf(c.articleId, c.target);
      if (this.pending.get(key) === c) this.pending.delete(key);
    }
    return true;
  }
}

/** The program's one saver. */
export const draftSaver = new DraftSaver();
