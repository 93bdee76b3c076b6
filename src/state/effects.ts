// Work the reducer asks for but does not do: it returns these as values and the shell (the Ink
// component) carries them out, so that the reducer stays a pure function of state and action.
import type { StoredReply } from "../content/local-replies.js";
import type { Draft } from "../storage/drafts.js";

export type Effect =
  | { type: "openUrl"; url: string }
  /** Remember the measure for the next run (undefined: forget it, back to the usual). */
  | { type: "saveWidth"; width: number | undefined }
  /** Stop the process as Ctrl+Z does in a shell (the screen module restores and redraws). */
  | { type: "suspend" }
  // The reply form (state/form.ts); each is answered with a ReplyEvent (ui/reply-effects.ts).
  /** Read a reply target's draft and the name, email and website to offer ("draftLoaded"). */
  | { type: "loadDraft"; articleId: string; target: string; edit?: string }
  /** Keep a draft (within half a second; `now`: at once); null forgets it. */
  | { type: "saveDraft"; articleId: string; target: string; draft: Draft | null; now?: boolean }
  /** Store a reply durably ("stored" once on disk, else "failed"); with an id, replace it. */
  | {
      type: "postReply";
      articleId: string;
      target: string;
      reply: Omit<StoredReply, "id" | "postedAt"> & { id?: string; postedAt?: string };
    }
  | { type: "deleteReply"; articleId: string; id: string }
  /** Hand the terminal to $VISUAL / $EDITOR with the comment and the quoted parent ("edited"). */
  | { type: "externalEdit"; text: string; quote: string };
