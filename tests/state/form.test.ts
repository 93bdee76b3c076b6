// The reply form as pure state: r opens it for the article or for the selected comment, keys are
// text in it (q, ?, j included), Enter breaks the comment's line, Tab and Shift+Tab move between
// fields, the checks run on posting and a failed one moves the focus there keeping every word,
// and a stored reply shows in the thread under its parent, marked as yours.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sanitizeArticle } from "../../src/content/sanitize.js";
import { type Article, articleSchema } from "../../src/content/schema.js";
import type { Effect } from "../../src/state/effects.js";
import type { ReplyEvent } from "../../src/state/form.js";
import { initialState, type ReaderState, step } from "../../src/state/reducer.js";
import { composeFrame } from "../../src/ui/compose.js";

const seed: Article = sanitizeArticle(
  articleSchema.parse(
    JSON.parse(
      readFileSync(new URL("../../content/azerbaijan-and-israel.json", import.meta.url), "utf8"),
    ),
  ),
);

type Run = { state: ReaderState; effects: Effect[] };

function keys(state: ReaderState, ...names: string[]): Run {
  let s = state;
  const effects: Effect[] = [];
  for (const key of names) {
    const r = step(seed, s, { type: "key", key });
    s = r.state;
    effects.push(...r.effects);
  }
  return { state: s, effects };
}

/** Each character of `text` as the key the terminal would send (space as "space"). */
const typed = (text: string) =>
  [...text].map((c) => (c === " " ? "space" : c === "\n" ? "enter" : c));

const event = (state: ReaderState, e: ReplyEvent) => step(seed, state, { type: "reply", event: e });

/** What the screen shows, rows as text. */
const screen = (state: ReaderState) =>
  composeFrame(seed, state)
    .map((row) =>
      row
        .map((s) => s.text)
        .join("")
        .trimEnd(),
    )
    .join("\n");

const start = initialState(100, 30);
/** The form opened on the article, and its draft read (none). */
function opened(state = start): ReaderState {
  const r = keys(state, "r");
  expect(r.effects).toEqual([{ type: "loadDraft", articleId: seed.id, target: "" }]);
  return event(r.state, { type: "draftLoaded" }).state;
}

describe("opening the form", () => {
  it("r on the article opens Leave a Reply with the seed's words", () => {
    const text = screen(opened());
    for (const words of [
      "Leave a Reply",
      "Your email address will not be published. Required fields are marked *",
      "Comment",
      "Name*",
      "Email*",
      "Website",
      "[ Post Comment ]",
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain("Reply to");
  });

  it("r on the second comment replies to it, showing its author and first line", () => {
    const inPane = keys(start, "tab", "j").state;
    const r = keys(inPane, "r");
    expect(r.effects).toEqual([{ type: "loadDraft", articleId: seed.id, target: "re:c2" }]);
    const text = screen(r.state);
    expect(text).toContain("Reply to Anonymous");
    expect(text).toContain("│ Azerbaijan has strong ties with the west");
  });

  it("fills name, email and website from the last reply, and a draft wholly", () => {
    const s = keys(start, "r").state;
    const offered = event(s, {
      type: "draftLoaded",
      identity: { name: "Ann", email: "ann@example.org", website: "" },
    }).state;
    expect(offered.reply.form?.name.text).toBe("Ann");
    expect(offered.reply.form?.comment.text).toBe("");
    const back = event(s, {
      type: "draftLoaded",
      draft: { comment: "half a thought", name: "Bo", email: "b@x.org", website: "" },
      identity: { name: "Ann", email: "ann@example.org", website: "" },
    }).state;
    expect(back.reply.form?.comment.text).toBe("half a thought");
    expect(back.reply.form?.name.text).toBe("Bo");
    expect(screen(back)).toContain("Your draft is back");
  });
});

describe("typing", () => {
  it("keys are text: q, ?, j, t and c type instead of quitting or moving", () => {
    const r = keys(opened(), ...typed("q? jtc"));
    expect(r.state.exit).toBe("none");
    expect(r.state.reply.form?.comment.text).toBe("q? jtc");
    expect(screen(r.state)).toContain("┃ q? jtc");
  });

  it("Ctrl+C still quits at once", () => {
    expect(keys(opened(), "a", "ctrl+c").state.exit).toBe("quit");
  });

  it("Enter starts a new line in the comment; arrows move by line and character", () => {
    let s = keys(opened(), ...typed("first line\nsecond")).state;
    expect(s.reply.form?.comment.text).toBe("first line\nsecond");
    s = keys(s, "up", "end", ...typed("!"), "down", "home", ...typed(">")).state;
    expect(s.reply.form?.comment.text).toBe("first line!\n>second");
    s = keys(s, "left", "backspace").state; // at the line's start: joins the lines
    expect(s.reply.form?.comment.text).toBe("first line!>second");
  });

  it("a long comment wraps, and up and down move along the wrapped lines", () => {
    const words = "lorem ipsum dolor sit amet ".repeat(8).trim();
    let s = keys(opened(), ...typed(words)).state;
    const text = screen(s);
    const rows = text.split("\n").filter((r) => /┃ \S/.test(r));
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(100);
    s = keys(s, "up", ...typed("#")).state;
    const form = s.reply.form;
    expect(form?.comment.text.replace("#", "")).toBe(words);
    expect(form?.comment.text.indexOf("#")).toBeLessThan(words.length - 20);
  });

  it("Backspace removes a whole emoji, Ctrl+W a word, Ctrl+U the line so far", () => {
    let s = keys(opened(), ...typed("ok 👍🏽")).state;
    s = keys(s, "backspace").state;
    expect(s.reply.form?.comment.text).toBe("ok ");
    s = keys(s, ...typed("two words"), "ctrl+w").state;
    expect(s.reply.form?.comment.text).toBe("ok two ");
    s = keys(s, "ctrl+u").state;
    expect(s.reply.form?.comment.text).toBe("");
  });

  it("every change asks for the draft to be saved; moving alone does not", () => {
    const r = keys(opened(), "h", "i");
    expect(r.effects.filter((e) => e.type === "saveDraft")).toHaveLength(2);
    expect(r.effects.at(-1)).toMatchObject({
      type: "saveDraft",
      target: "",
      draft: { comment: "hi" },
    });
    expect(keys(r.state, "left", "tab").effects).toEqual([]);
  });
});

describe("fields and checks", () => {
  it("Tab goes Comment → Name → Email → Website → Post Comment → Comment; Shift+Tab back", () => {
    const order: string[] = [];
    let s = opened();
    for (let i = 0; i < 5; i++) {
      order.push(s.reply.form?.focus ?? "");
      s = keys(s, "tab").state;
    }
    expect(order).toEqual(["comment", "name", "email", "website", "post"]);
    expect(s.reply.form?.focus).toBe("comment");
    expect(keys(s, "shift+tab").state.reply.form?.focus).toBe("post");
  });

  it("posting empty marks Comment, Name and Email required and moves to Comment", () => {
    const r = keys(opened(), "ctrl+s");
    expect(r.effects.some((e) => e.type === "postReply")).toBe(false);
    expect(r.state.reply.form?.focus).toBe("comment");
    expect(r.state.reply.form?.errors).toMatchObject({
      comment: expect.any(String),
      name: "required",
      email: "required",
    });
    expect(screen(r.state)).toContain("Not posted");
  });

  it("a bad email moves the focus to Email and loses nothing; fixing it clears the check", () => {
    let s = keys(opened(), ...typed("My comment"), "tab", ...typed("Ann"), "tab").state;
    s = keys(s, ...typed("ann-at-example"), "tab", ...typed("ftp://x"), "tab", "enter").state;
    const form = s.reply.form;
    expect(form?.focus).toBe("email");
    expect(form?.errors.email).toBe("not an email address");
    expect(form?.errors.website).toBe("not an http(s) address");
    expect(form?.comment.text).toBe("My comment");
    expect(form?.name.text).toBe("Ann");
    expect(screen(s)).toMatch(/Email\*\s+ann-at-example.*\n?.*not an email address/);
    s = keys(s, "ctrl+u", ...typed("ann@example.org")).state;
    expect(s.reply.form?.errors.email).toBeUndefined();
  });

  it("Enter on Post Comment (or Ctrl+S) posts the reply as paragraphs", () => {
    let s = keys(opened(), ...typed("One.\n\nTwo,\nstill two."), "tab", ...typed("Ann")).state;
    s = keys(s, "tab", ...typed("ann@example.org"), "tab", ...typed("https://ann.example")).state;
    const r = keys(s, "tab", "enter");
    expect(r.effects).toEqual([
      {
        type: "postReply",
        articleId: seed.id,
        target: "",
        reply: {
          author: "Ann",
          email: "ann@example.org",
          website: "https://ann.example",
          paragraphs: ["One.", "Two,\nstill two."],
        },
      },
    ]);
  });
});

describe("after posting", () => {
  const stored = {
    id: "lectern-test-1",
    parentId: "c2",
    author: "Ann",
    email: "ann@example.org",
    postedAt: "2026-01-02T10:30",
    paragraphs: ["I agree."],
  };

  it("the reply is in the thread under its parent, selected, marked, without the email", () => {
    const inPane = keys(start, "tab", "j", "r").state;
    const s = event(inPane, { type: "stored", reply: stored }).state;
    expect(s.reply.form).toBeUndefined();
    const text = screen(s);
    expect(text).toContain("3 thoughts on");
    expect(text).toContain("• Ann · your reply · not published · January 2, 2026 at 10:30 am");
    expect(text).toContain("I agree.");
    expect(text).not.toContain("ann@example.org");
    expect(text).toContain("Posted");
    // Under the second comment, after it.
    expect(text.indexOf("your reply")).toBeGreaterThan(text.indexOf("Azerbaijan has strong ties"));
    expect(s.focus).toBe("pane");
  });

  it("e edits your reply in place; e on someone else's comment says no", () => {
    let s = event(keys(start, "tab", "j", "r").state, { type: "stored", reply: stored }).state;
    const r = keys(s, "e");
    expect(r.effects).toEqual([
      {
        type: "loadDraft",
        articleId: seed.id,
        target: "edit:lectern-test-1",
        edit: "lectern-test-1",
      },
    ]);
    expect(r.state.reply.form?.comment.text).toBe("I agree.");
    s = event(r.state, {
      type: "stored",
      reply: { ...stored, paragraphs: ["I agree, mostly."] },
    }).state;
    expect(screen(s)).toContain("I agree, mostly.");
    expect(screen(s)).toContain("3 thoughts on");
    expect(keys(s, "k", "e").state.notice).toBe("Only your own replies can be edited");
  });

  it("D asks first; any key but y keeps the reply, y deletes it", () => {
    const s = event(keys(start, "tab", "j", "r").state, { type: "stored", reply: stored }).state;
    const asked = keys(s, "D").state;
    expect(screen(asked)).toContain("Delete your reply?");
    expect(keys(asked, "n").effects).toEqual([]);
    expect(keys(asked, "n").state.reply.confirm).toBeUndefined();
    const yes = keys(asked, "y");
    expect(yes.effects).toEqual([{ type: "deleteReply", articleId: seed.id, id: stored.id }]);
    const gone = event(yes.state, { type: "deleted", id: stored.id }).state;
    expect(screen(gone)).toContain("2 thoughts on");
    expect(screen(gone)).not.toContain("your reply");
  });

  it("a failed store keeps the form and every word", () => {
    let s = keys(opened(), ...typed("kept"), "tab", ...typed("Ann"), "tab");
    s = keys(s.state, ...typed("a@b.org"), "ctrl+s");
    const failed = event(s.state, { type: "failed", message: "could not be saved (ENOSPC)" }).state;
    expect(failed.reply.form?.comment.text).toBe("kept");
    expect(screen(failed)).toContain("Not saved: could not be saved (ENOSPC)");
  });
});

describe("closing", () => {
  it("Esc closes the form and writes the draft at once", () => {
    const r = keys(opened(), ...typed("later"), "escape");
    expect(r.state.reply.form).toBeUndefined();
    expect(r.state.exit).toBe("none");
    expect(r.effects.at(-1)).toMatchObject({
      type: "saveDraft",
      now: true,
      draft: { comment: "later" },
    });
  });

  it("Ctrl+D asks before discarding; y forgets the draft", () => {
    const asked = keys(opened(), ...typed("gone soon"), "ctrl+d");
    expect(screen(asked.state)).toContain("Discard this draft?");
    const kept = keys(asked.state, "escape").state;
    expect(kept.reply.form?.comment.text).toBe("gone soon");
    const r = keys(keys(kept, "ctrl+d").state, "y");
    expect(r.state.reply.form).toBeUndefined();
    expect(r.effects).toEqual([
      { type: "saveDraft", articleId: seed.id, target: "", draft: null, now: true },
    ]);
  });

  it("Ctrl+E hands the comment and the quoted parent to the editor; its text comes back", () => {
    const s = keys(keys(start, "tab", "r").state, ...typed("draft"));
    const r = keys(s.state, "ctrl+e");
    expect(r.effects).toEqual([
      {
        type: "externalEdit",
        text: "draft",
        quote: expect.stringContaining("unknown “political analysts”"),
      },
    ]);
    const back = event(r.state, { type: "edited", text: "written in vi" }).state;
    expect(back.reply.form?.comment.text).toBe("written in vi");
  });
});
