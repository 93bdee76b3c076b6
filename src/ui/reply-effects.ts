// The shell's side of the reply form: carries out the effects state/form.ts returns (read a
// draft, save one within half a second, store a reply durably, delete one, run $EDITOR) and
// answers each with a ReplyEvent. Storing is synchronous and flushed to disk (fsync) before
// "stored" is dispatched, so "Posted" is never said of a reply that a crash could take back.
import type { Effect } from "../state/effects.js";
import type { ReplyEvent } from "../state/form.js";
import type { Action } from "../state/reducer.js";
import { draftSaver, loadDraft } from "../storage/drafts.js";
import { deleteReply, loadReplies, storeReply } from "../storage/replies.js";
import { editExternally } from "../terminal/editor.js";

type ReplyEffect = Extract<
  Effect,
  { type: "loadDraft" | "saveDraft" | "postReply" | "deleteReply" | "externalEdit" }
>;

/** A local date-time as the article format writes it: 2012-02-24T18:45:07. */
export function localStamp(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}T${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}`;
}

/** A new reply's id: unlike any a site gives, and unique on this machine. */
export function newReplyId(now = new Date()): string {
  return `lectern-${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function performReply(effect: ReplyEffect, dispatch: (action: Action) => void): void {
  const answer = (event: ReplyEvent) => dispatch({ type: "reply", event });
  switch (effect.type) {
    case "loadDraft": {
      // Waiting changes first, so that what is read back is what was typed.
      draftSaver.flush();
      const loaded = loadDraft(effect.articleId, effect.target);
      const stored = effect.edit
        ? loadReplies(effect.articleId).find((r) => r.id === effect.edit)
        : undefined;
      answer({ type: "draftLoaded", ...loaded, ...(stored && { stored }) });
      return;
    }
    case "saveDraft":
      draftSaver.schedule({
        articleId: effect.articleId,
        target: effect.target,
        draft: effect.draft,
      });
      if (effect.now) draftSaver.flush();
      return;
    case "postReply": {
      const now = new Date();
      const { id, postedAt, ...rest } = effect.reply;
      const { paragraphs, ...details } = rest;
      const reply = {
        id: id ?? newReplyId(now),
        ...details,
        postedAt: postedAt || localStamp(now),
        ...(id !== undefined && { editedAt: localStamp(now) }),
        paragraphs,
      };
      const problem = storeReply(effect.articleId, reply);
      if (problem !== undefined) {
        answer({ type: "failed", message: `the reply ${problem}; it is still in the form` });
        return;
      }
      // Posted: the draft goes, and the name, email and website are offered next time.
      draftSaver.schedule({ articleId: effect.articleId, target: effect.target, draft: null });
      draftSaver.flush({
        name: reply.author,
        email: reply.email,
        website: reply.website ?? "",
      });
      answer({ type: "stored", reply });
      return;
    }
    case "deleteReply": {
      const problem = deleteReply(effect.articleId, effect.id);
      if (problem !== undefined) answer({ type: "failed", message: `not deleted: ${problem}` });
      else answer({ type: "deleted", id: effect.id });
      return;
    }
    case "externalEdit":
      // Blocking: keys typed while the editor runs are the editor's.
      answer({ type: "edited", ...editExternally(effect.text, effect.quote) });
      return;
  }
}
