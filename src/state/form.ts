// The reply form ("Leave a Reply") and the reader's own replies, as pure state: `r` opens the form
// for the article or for the selected comment, `e` and `D` edit and delete one of your replies.
// The form has the seed page's fields (Comment, multi-line; Name*, Email*, Website) and its "Post
// Comment" button; Tab / Shift+Tab move between them; the web form's checks run on posting and a
// failed one moves the focus to its field, losing nothing. Keys typed in the form are text, never
// reader commands (the "form" context of the key table edits it). Everything that touches the
// disk or the terminal is an effect (effects.ts) answered by a ReplyEvent: the draft read when
// the form opens, draft saves while typing, the durable post, $EDITOR on Ctrl+E.
import {
  isLocal,
  paragraphsOf,
  putReply,
  removeReply,
  type StoredReply,
  textOf,
} from "../content/local-replies.js";
import { HTTP_URL } from "../content/rules.js";
import { sanitizeLine, sanitizeText } from "../content/sanitize.js";
import type { Article, Comment } from "../content/schema.js";
import { threadsOf } from "../layout/comments.js";
import { truncate } from "../layout/wrap.js";
import type { Draft, Identity } from "../storage/drafts.js";
import type { Effect } from "./effects.js";
import {
  backspace,
  deleteToLineStart,
  deleteWord,
  EMPTY_FIELD,
  end,
  fieldOf,
  home,
  insert,
  left,
  right,
  type TextField,
  vertical,
} from "./form-text.js";
import { geometry } from "./geometry.js";
import type { Command } from "./keymap.js";
import type { ReaderState } from "./reducer.js";
import { showMatch } from "./search.js";

export type FieldName = "comment" | "name" | "email" | "website" | "post";
export const FIELDS: readonly FieldName[] = ["comment", "name", "email", "website", "post"];
type TextName = Exclude<FieldName, "post">;

export type FormState = {
  /** Whose reply: the article's (no parent), a comment's, or one of your replies being edited. */
  parentId?: string;
  /** Editing a stored reply: its id and when it was posted. */
  editing?: { id: string; postedAt: string };
  /** Where the draft is kept, per article: "" the article, "re:<id>", "edit:<id>". */
  draftKey: string;
  /** "Reply to Anonymous" and the first line of that comment, and its text for $EDITOR. */
  replyTo?: { author: string; firstLine: string; text: string };
  comment: TextField;
  name: TextField;
  email: TextField;
  website: TextField;
  focus: FieldName;
  /** Failed checks, beside their fields; an edit to a field clears its own. */
  errors: Partial<Record<TextName, string>>;
};

/** A yes/no question in the status line: any key but y keeps things as they are. */
export type Confirm =
  | { question: string; action: "discard" }
  | { question: string; action: "delete"; id: string };

export type ReplyState = {
  form?: FormState;
  confirm?: Confirm;
  /** The article as shown when replies were posted, edited or deleted since it opened. */
  shown?: Article;
};

export const NO_REPLY: ReplyState = {};

/** What the shell answers an effect with. */
export type ReplyEvent =
  | {
      type: "draftLoaded";
      draft?: Draft;
      identity?: Identity;
      stored?: StoredReply;
      notice?: string;
    }
  /** The reply is on disk (fsync'd). */
  | { type: "stored"; reply: StoredReply }
  | { type: "deleted"; id: string }
  | { type: "failed"; message: string }
  /** $EDITOR returned this text (the quoted lines removed already), or nothing on failure. */
  | { type: "edited"; text?: string; message?: string };

export type ReplyResult = { state: ReaderState; effects: Effect[] };

/** The words of the seed page's form. */
export const WORDS = {
  title: "Leave a Reply",
  note: "Your email address will not be published. Required fields are marked *",
  comment: "Comment",
  name: "Name*",
  email: "Email*",
  website: "Website",
  post: "Post Comment",
} as const;

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

const only = (state: ReaderState): ReplyResult => ({ state, effects: [] });
const withReply = (state: ReaderState, reply: ReplyState): ReaderState => ({ ...state, reply });

/** The form's column (the article's measure, centred) and the comment area's text width. */
export function formGeometry(state: ReaderState): { left: number; width: number; area: number } {
  const g = geometry(state.cols, state.rows, false, state.maxWidth);
  return { left: g.articleLeft, width: g.articleWidth, area: Math.max(1, g.articleWidth - 3) };
}

function commentAt(article: Article, pos: number): Comment | undefined {
  const threads = threadsOf(article);
  const index = threads.order[pos];
  return index === undefined ? undefined : article.comments?.[index];
}

function emptyForm(draftKey: string): FormState {
  return {
    draftKey,
    comment: EMPTY_FIELD,
    name: EMPTY_FIELD,
    email: EMPTY_FIELD,
    website: EMPTY_FIELD,
    focus: "comment",
    errors: {},
  };
}

/** `r`: the form for the article, or (the pane focused) for the selected comment. */
export function openReply(article: Article, state: ReaderState): ReplyResult {
  const inPane = state.focus === "pane" && state.paneOpen;
  const parent = inPane ? commentAt(article, state.selected) : undefined;
  const form: FormState = parent
    ? {
        ...emptyForm(`re:${parent.id}`),
        parentId: parent.id,
        replyTo: {
          author: parent.author ?? "Anonymous",
          firstLine: firstLine(parent.paragraphs),
          text: textOf(parent.paragraphs),
        },
      }
    : emptyForm("");
  return {
    state: withReply(state, { ...state.reply, form, confirm: undefined }),
    effects: [{ type: "loadDraft", articleId: article.id, target: form.draftKey }],
  };
}

function firstLine(paragraphs: readonly string[]): string {
  return (paragraphs[0] ?? "").split("\n")[0]?.trim() ?? "";
}

/** `e` on one of your replies: the form with it, posting replaces it. */
export function editReply(article: Article, state: ReaderState): ReplyResult {
  const comment = state.focus === "pane" ? commentAt(article, state.selected) : undefined;
  if (!comment || !isLocal(comment)) {
    return only({ ...state, notice: "Only your own replies can be edited" });
  }
  const form: FormState = {
    ...emptyForm(`edit:${comment.id}`),
    ...(comment.parentId !== undefined && { parentId: comment.parentId }),
    editing: { id: comment.id, postedAt: comment.postedAt ?? "" },
    comment: fieldOf(textOf(comment.paragraphs)),
    name: fieldOf(comment.author ?? ""),
  };
  const parent = comment.parentId
    ? article.comments?.find((c) => c.id === comment.parentId)
    : undefined;
  if (parent) {
    form.replyTo = {
      author: parent.author ?? "Anonymous",
      firstLine: firstLine(parent.paragraphs),
      text: textOf(parent.paragraphs),
    };
  }
  return {
    state: withReply(state, { ...state.reply, form, confirm: undefined }),
    effects: [
      { type: "loadDraft", articleId: article.id, target: form.draftKey, edit: comment.id },
    ],
  };
}

/** `D` on one of your replies: asks first. */
export function askDelete(article: Article, state: ReaderState): ReplyResult {
  const comment = state.focus === "pane" ? commentAt(article, state.selected) : undefined;
  if (!comment || !isLocal(comment)) {
    return only({ ...state, notice: "Only your own replies can be deleted" });
  }
  const confirm: Confirm = {
    question: "Delete your reply? It is kept nowhere else. y deletes, any other key keeps it",
    action: "delete",
    id: comment.id,
  };
  return only(withReply(state, { ...state.reply, confirm }));
}

function draftOf(form: FormState): Draft {
  return {
    comment: form.comment.text,
    name: form.name.text,
    email: form.email.text,
    website: form.website.text,
  };
}

/** A form with a text field changed, its check cleared, and the draft saved (throttled). */
function edited(
  article: Article,
  state: ReaderState,
  form: FormState,
  name: TextName,
  field: TextField,
): ReplyResult {
  if (field === form[name]) return only(state);
  const changed = field.text !== form[name].text;
  const errors = { ...form.errors };
  if (changed) delete errors[name];
  const next: FormState = { ...form, [name]: field, errors };
  const effects: Effect[] = changed
    ? [{ type: "saveDraft", articleId: article.id, target: form.draftKey, draft: draftOf(next) }]
    : [];
  return { state: withReply(state, { ...state.reply, form: next }), effects };
}

/** The web form's checks: what is wrong with each field, if anything. */
export function checks(form: FormState): Partial<Record<TextName, string>> {
  const errors: Partial<Record<TextName, string>> = {};
  if (form.comment.text.trim() === "") errors.comment = "required: type your comment";
  if (form.name.text.trim() === "") errors.name = "required";
  const email = form.email.text.trim();
  if (email === "") errors.email = "required";
  else if (!EMAIL.test(email)) errors.email = "not an email address";
  const site = form.website.text.trim();
  if (site !== "" && !HTTP_URL.test(site)) errors.website = "not an http(s) address";
  return errors;
}

/** Post Comment: the checks, then the reply handed to the shell to store durably. */
function post(article: Article, state: ReaderState, form: FormState): ReplyResult {
  const errors = checks(form);
  const failed = FIELDS.find((f) => f !== "post" && errors[f as TextName] !== undefined);
  if (failed) {
    const next = { ...form, errors, focus: failed };
    return only(
      withReply(
        { ...state, notice: "Not posted: see the marked field" },
        { ...state.reply, form: next },
      ),
    );
  }
  const site = form.website.text.trim();
  const plain = article.format !== undefined && article.format !== "text";
  return {
    state: {
      ...state,
      reply: { ...state.reply, form: { ...form, errors: {} } },
      notice: "Posting…",
    },
    effects: [
      {
        type: "postReply",
        articleId: article.id,
        target: form.draftKey,
        reply: {
          ...(form.editing && { id: form.editing.id, postedAt: form.editing.postedAt }),
          ...(form.parentId !== undefined && { parentId: form.parentId }),
          author: form.name.text.trim(),
          email: form.email.text.trim(),
          ...(site !== "" && { website: site }),
          ...(plain && { format: "text" as const }),
          paragraphs: paragraphsOf(form.comment.text),
        },
      },
    ],
  };
}

function moveFocus(form: FormState, by: 1 | -1): FormState {
  const i = FIELDS.indexOf(form.focus);
  return { ...form, focus: FIELDS[(i + by + FIELDS.length) % FIELDS.length] as FieldName };
}

/** A key in the form: a command of the "form" context, or text for the focused field. */
export function formKey(
  article: Article,
  state: ReaderState,
  form: FormState,
  cmd: Command | undefined,
  key: string,
): ReplyResult {
  const focus = form.focus;
  const set = (next: FormState) => only(withReply(state, { ...state.reply, form: next }));
  const field = focus === "post" ? undefined : form[focus];
  const edit = (f: TextField) =>
    focus === "post" ? only(state) : edited(article, state, form, focus, f);
  switch (cmd) {
    case "switchFocus":
      return set(moveFocus(form, key === "shift+tab" ? -1 : 1));
    case "formPost":
      return post(article, state, form);
    case "back": {
      // Closed, the draft kept (written at once rather than within the half second); with no
      // comment there is nothing to keep.
      const keep = form.comment.text.trim() !== "";
      const closed = keep ? { ...state, notice: "Draft kept: r brings it back" } : state;
      return {
        state: withReply(closed, { ...state.reply, form: undefined }),
        effects: [
          {
            type: "saveDraft",
            articleId: article.id,
            target: form.draftKey,
            draft: keep ? draftOf(form) : null,
            now: true,
          },
        ],
      };
    }
    case "formDiscard":
      return only(
        withReply(state, {
          ...state.reply,
          confirm: {
            question: "Discard this draft? y discards, any other key keeps it",
            action: "discard",
          },
        }),
      );
    case "formEditor":
      return {
        state,
        effects: [
          { type: "externalEdit", text: form.comment.text, quote: form.replyTo?.text ?? "" },
        ],
      };
    case "choose":
      if (focus === "post") return post(article, state, form);
      if (focus === "comment") return edit(insert(form.comment, "\n"));
      return set(moveFocus(form, 1));
    case "lineUp":
    case "lineDown": {
      const by = cmd === "lineUp" ? -1 : 1;
      if (focus !== "comment") return set(moveFocus(form, by));
      const moved = vertical(form.comment, formGeometry(state).area, by);
      // Up from the first line, down from the last: on to the neighbouring field.
      if (moved.cursor === form.comment.cursor) return set(moveFocus(form, by));
      return edit(moved);
    }
    case "promptLeft":
      return field ? edit(left(field)) : only(state);
    case "promptRight":
      return field ? edit(right(field)) : only(state);
    case "promptHome":
      return field ? edit(home(field)) : only(state);
    case "promptEnd":
      return field ? edit(end(field)) : only(state);
    case "promptBackspace":
      return field ? edit(backspace(field)) : only(state);
    case "promptDeleteWord":
      return field ? edit(deleteWord(field)) : only(state);
    case "promptClear":
      return field ? edit(deleteToLineStart(field)) : only(state);
    case undefined: {
      const typed = key === "space" ? " " : [...key].length === 1 ? key : undefined;
      if (typed === undefined || !field) return only(state);
      return edit(insert(field, typed));
    }
    default:
      return only(state);
  }
}

/** A key while a yes/no question is up: y does it, anything else keeps things as they were. */
export function confirmKey(
  article: Article,
  state: ReaderState,
  confirm: Confirm,
  key: string,
): ReplyResult {
  const reply = { ...state.reply, confirm: undefined };
  if (key !== "y" && key !== "Y") return only(withReply({ ...state, notice: "Kept" }, reply));
  if (confirm.action === "discard") {
    const form = reply.form;
    if (!form) return only(withReply(state, reply));
    return {
      state: withReply({ ...state, notice: "Draft discarded" }, { ...reply, form: undefined }),
      effects: [
        { type: "saveDraft", articleId: article.id, target: form.draftKey, draft: null, now: true },
      ],
    };
  }
  return {
    state: withReply({ ...state, notice: "Deleting…" }, reply),
    effects: [{ type: "deleteReply", articleId: article.id, id: confirm.id }],
  };
}

/**
 * The reader's state moved from `old` to `next` (a reply added, edited or removed): reading
 * positions (the selection, folded threads, the pane's scroll) follow their comments.
 */
function rebase(old: Article, next: Article, state: ReaderState): ReaderState {
  const before = threadsOf(old);
  const after = threadsOf(next);
  const oldComments = old.comments ?? [];
  const newComments = next.comments ?? [];
  const posOf = new Map<string, number>();
  for (let pos = 0; pos < after.order.length; pos++) {
    posOf.set((newComments[after.order[pos] as number] as Comment).id, pos);
  }
  const map = (pos: number): number | undefined => {
    const c = oldComments[before.order[pos] as number];
    return c ? posOf.get(c.id) : undefined;
  };
  const collapsed = new Set<number>();
  for (const pos of state.collapsed) {
    const p = map(pos);
    if (p !== undefined) collapsed.add(p);
  }
  const last = Math.max(0, after.order.length - 1);
  return {
    ...state,
    selected: map(state.selected) ?? Math.min(state.selected, last),
    collapsed,
    paneScroll: { pos: map(state.paneScroll.pos) ?? 0, offset: 0 },
    // Matches were counted in the old article: the query stays, its place is found again by n.
    search: { query: state.search.query },
    reply: { ...state.reply, shown: next },
  };
}

/** The shell's answer to an effect. */
export function replyEvent(article: Article, state: ReaderState, event: ReplyEvent): ReplyResult {
  const form = state.reply.form;
  switch (event.type) {
    case "draftLoaded": {
      if (!form) return only(state);
      const d = event.draft;
      const id = event.identity;
      const stored = event.stored;
      const from = d ?? {
        comment: form.comment.text,
        name: stored?.author ?? (form.name.text || id?.name || ""),
        email: stored?.email ?? id?.email ?? "",
        website: stored?.website ?? id?.website ?? "",
      };
      const next: FormState = {
        ...form,
        comment: fieldOf(sanitizeText(from.comment)),
        name: fieldOf(sanitizeLine(from.name)),
        email: fieldOf(sanitizeLine(from.email)),
        website: fieldOf(sanitizeLine(from.website)),
      };
      const notice = event.notice ?? (d && d.comment !== "" ? "Your draft is back" : undefined);
      return only(
        withReply({ ...state, ...(notice && { notice }) }, { ...state.reply, form: next }),
      );
    }
    case "stored": {
      const next = putReply(article, event.reply);
      const moved = rebase(article, next, state);
      const pos = threadsOf(next).order.findIndex(
        (index) => next.comments?.[index]?.id === event.reply.id,
      );
      const closed = withReply(moved, { ...moved.reply, form: undefined });
      const shown =
        pos < 0
          ? closed
          : showMatch(next, closed, { area: "comment", major: pos, minor: 0, start: 0, end: 0 });
      return only({ ...shown, notice: "Posted: kept on this machine (not published)" });
    }
    case "deleted": {
      const next = removeReply(article, event.id);
      return only({ ...rebase(article, next, state), notice: "Reply deleted" });
    }
    case "failed":
      // The form stays as it is: nothing typed is lost.
      return only({ ...state, notice: truncate(`Not saved: ${event.message}`, 200) });
    case "edited": {
      if (!form) return only(state);
      if (event.text === undefined) {
        return only({ ...state, notice: event.message ?? "The editor failed; nothing changed" });
      }
      const focused = { ...form, focus: "comment" as const };
      return edited(
        article,
        withReply(state, { ...state.reply, form: focused }),
        focused,
        "comment",
        fieldOf(sanitizeText(event.text)),
      );
    }
  }
}
