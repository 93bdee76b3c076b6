// Builds the comment list the schema wants from a source's comments: depth-first, each parent
// before its replies, ids unique, text-less comments kept in place (their replies need them).
import { NOTE, type Notices, type RawComment } from "./common.js";

/** A comment as an importer reads it, before the shared rules are applied. */
export type Draft = Omit<RawComment, "paragraphs" | "id"> & {
  id?: string;
  /** One paragraph, or several; none (or empty) is a comment without text. */
  text?: string | string[];
};

/** Collects comments in the order they are added (the importer walks depth-first). */
export class CommentList {
  readonly comments: RawComment[] = [];
  private readonly ids = new Map<string, RawComment>();
  private unnamed = 0;

  constructor(private readonly notices: Notices) {}

  /** Adds a comment; returns its id (undefined when it was a duplicate and left out). */
  add(draft: Draft): string | undefined {
    let id = draft.id;
    if (id === undefined) {
      this.notices.count(NOTE.noId);
      do id = `unnamed-${++this.unnamed}`;
      while (this.ids.has(id));
    } else if (this.ids.has(id)) {
      this.notices.count(NOTE.duplicate, id);
      return undefined;
    }
    let parentId = draft.parentId;
    if (parentId !== undefined && !this.ids.has(parentId)) {
      this.notices.count(NOTE.orphan, id);
      parentId = undefined;
    }
    let paragraphs = typeof draft.text === "string" ? [draft.text] : (draft.text ?? []);
    if (paragraphs.length === 0) {
      this.notices.count(NOTE.noText, id);
      paragraphs = ["[no text]"];
    }
    const comment: RawComment = { id, paragraphs };
    this.ids.set(id, comment);
    if (parentId !== undefined) comment.parentId = parentId;
    if (draft.author !== undefined) comment.author = draft.author;
    if (draft.postedAt !== undefined) comment.postedAt = draft.postedAt;
    if (draft.points !== undefined) comment.points = draft.points;
    if (draft.moreReplies !== undefined && draft.moreReplies > 0) {
      comment.moreReplies = draft.moreReplies;
    }
    this.comments.push(comment);
    return id;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  get(id: string): RawComment | undefined {
    return this.ids.get(id);
  }
}
