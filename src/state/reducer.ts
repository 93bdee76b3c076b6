// The reader's state and its reducer: (state, action) → state, plus effects for the shell to
// carry out (see effects.ts). No React, no terminal. A key is resolved in the context the state
// is in (article, pane, an overlay), then handled by that context's own module: article.ts,
// pane-commands.ts, overlays.ts. Layouts are reached through the per-width caches of layout/,
// which the reducer may extend (memoised work, not state).
import type { Article } from "../content/schema.js";
import { articleCommand, jumpTo, reflow } from "./article.js";
import type { Effect } from "./effects.js";
import {
  askDelete,
  confirmKey,
  editReply,
  formKey,
  NO_REPLY,
  openReply,
  type ReplyEvent,
  type ReplyState,
  replyEvent,
} from "./form.js";
import { type Command, DEFAULT_KEYMAP, type KeyContext, type Keymap } from "./keymap.js";
import type { Link } from "./links.js";
import { measureCommand } from "./measure.js";
import { type MouseEvent, mouseStep } from "./mouse.js";
import {
  helpCommand,
  jumpDiscussion,
  jumpSection,
  linksCommand,
  openLinks,
  type Result,
  tocCommand,
} from "./overlays.js";
import type { PaneScroll } from "./pane.js";
import { paneCommand, toggleZoom } from "./pane-commands.js";
import {
  matchOnScreen,
  NO_SEARCH,
  openPrompt,
  promptKey,
  type SearchState,
  showMatch,
  stepMatch,
} from "./search.js";
import { articleLayoutOf, commentCount } from "./view.js";

export { articleLayoutOf, geometryOf, paneOf } from "./view.js";

export type Overlay = "none" | "help" | "toc" | "links";

export type ReaderState = {
  cols: number;
  rows: number;
  maxWidth: number;
  /** The usual measure, that = goes back to (the config's width, --width, or 80). */
  baseWidth: number;
  /** First article line on screen. */
  top: number;
  paneOpen: boolean;
  /** The discussion has the whole screen (the pane open and focused, the article hidden). */
  zoom: boolean;
  focus: "article" | "pane";
  overlay: Overlay;
  /** First line of the help text on screen. */
  helpTop: number;
  /** The highlighted entry of the table of contents: a section, or the discussion last. */
  tocIndex: number;
  /** The selected comment (a reading position) and the pane's scroll. */
  selected: number;
  paneScroll: PaneScroll;
  /** Reading positions of collapsed threads (a new set on every change). */
  collapsed: ReadonlySet<number>;
  /** Set when the reader should close: "quit" the program, or go "back" to the list. */
  exit: "none" | "quit" | "back";
  /** Whether q/Esc go back to a list of articles rather than quit. */
  fromList: boolean;
  /** The links offered by the link list, and the highlighted one. */
  links: readonly Link[];
  linkIndex: number;
  /** A one-off message for the status line, cleared by the next key. */
  notice?: string;
  /** The keys in use (the defaults, or the user's). */
  keymap: Keymap;
  /** The search in effect and its prompt (see search.ts), and this session's queries. */
  search: SearchState;
  history: readonly string[];
  /** The reply form, a yes/no question, and the article with replies posted since it opened. */
  reply: ReplyState;
};

export type Action =
  | { type: "key"; key: string }
  | { type: "command"; command: Command }
  | { type: "resize"; cols: number; rows: number }
  | { type: "jumpSection"; section: number }
  | { type: "jumpDiscussion" }
  /** A message for the status line (from the shell: an opener that failed). */
  | { type: "notice"; text: string }
  /** A wheel turn or a click (mouse.ts), when the mouse is on. */
  | { type: "mouse"; event: MouseEvent }
  /** The shell's answer to a reply effect (a draft read, a reply stored: state/form.ts). */
  | { type: "reply"; event: ReplyEvent };

export function initialState(
  cols: number,
  rows: number,
  options: { maxWidth?: number; baseWidth?: number; fromList?: boolean; keymap?: Keymap } = {},
): ReaderState {
  return {
    cols,
    rows,
    maxWidth: options.maxWidth ?? 80,
    baseWidth: options.baseWidth ?? options.maxWidth ?? 80,
    top: 0,
    paneOpen: false,
    zoom: false,
    focus: "article",
    overlay: "none",
    helpTop: 0,
    tocIndex: 0,
    selected: 0,
    paneScroll: { pos: 0, offset: 0 },
    collapsed: new Set(),
    exit: "none",
    fromList: options.fromList ?? false,
    links: [],
    linkIndex: 0,
    keymap: options.keymap ?? DEFAULT_KEYMAP,
    search: NO_SEARCH,
    history: [],
    reply: NO_REPLY,
  };
}

/**
 * The state a reader opens in: at the top, or where the article was left last time (`resume`,
 * a width-independent anchor from ArticleLayout.anchorOf).
 */
export function openingState(
  article: Article,
  cols: number,
  rows: number,
  options: {
    maxWidth?: number;
    baseWidth?: number;
    fromList?: boolean;
    keymap?: Keymap;
    resume?: { block: number; fraction: number };
  },
): ReaderState {
  const state = initialState(cols, rows, options);
  if (!options.resume) return state;
  const layout = articleLayoutOf(article, state);
  const blocks = layout.outline.blocks.length;
  if (options.resume.block >= blocks) return state;
  return jumpTo(article, state, layout.lineOf(options.resume));
}

/** Where the reader is, in a form that survives a change of width (see openingState). */
export function anchorOfState(article: Article, state: ReaderState) {
  return articleLayoutOf(article, state).anchorOf(state.top);
}

/** The context a key arrives in. */
export function contextOf(state: ReaderState): KeyContext {
  if (state.reply.form) return "form";
  if (state.search.prompt) return "search";
  if (state.overlay === "toc") return "toc";
  if (state.overlay === "links") return "links";
  return state.focus === "pane" && state.paneOpen ? "pane" : "article";
}

const only = (state: ReaderState): Result => ({ state, effects: [] });

/** One action: the next state and the effects it asks for. */
export function step(opened: Article, state: ReaderState, action: Action): Result {
  // Replies posted, edited or deleted since the article opened are in the article shown.
  const article = state.reply.shown ?? opened;
  switch (action.type) {
    case "resize": {
      if (action.cols === state.cols && action.rows === state.rows) return only(state);
      const resized = reflow(article, state, { ...state, cols: action.cols, rows: action.rows });
      // The current match stays on screen if it was.
      const current = state.search.current;
      return only(
        current && matchOnScreen(article, state, current)
          ? showMatch(article, resized, current)
          : resized,
      );
    }
    case "jumpSection":
      return only(jumpSection(article, state, action.section));
    case "jumpDiscussion":
      return only(jumpDiscussion(article, state));
    case "key": {
      // The key's meaning depends on the state it arrives in (focus, overlay), so it is resolved
      // here, not in the component: two keys typed at once each see the state the first left.
      const cleared = state.notice === undefined ? state : { ...state, notice: undefined };
      const context = contextOf(state);
      const { confirm, form } = state.reply;
      if (confirm) return confirmKey(article, cleared, confirm, action.key);
      if (form) {
        // Keys typed in the form are text or edits; of the global keys, Ctrl+C still quits,
        // Ctrl+Z suspends, Tab / Shift+Tab move between fields and Esc closes it.
        const own = state.keymap.ownCommand(action.key, "form");
        const global = own ? undefined : state.keymap.commandFor(action.key, "article");
        if (global === "forceQuit" || global === "suspend")
          return command(article, cleared, global);
        const cmd = global === "back" || global === "switchFocus" ? global : own;
        return formKey(article, cleared, form, cmd, action.key);
      }
      if (context === "search") {
        // Keys typed in the prompt are text or edits, never commands (but Ctrl+C still quits).
        // The global Esc (back) cancels the search, putting the view back.
        const own = state.keymap.ownCommand(action.key, "search");
        const global = own ? undefined : state.keymap.commandFor(action.key, "article");
        if (global === "forceQuit") return only({ ...cleared, exit: "quit" });
        if (global === "back") return only(promptKey(article, cleared, "back", action.key));
        return only(promptKey(article, cleared, own, action.key));
      }
      const cmd = state.keymap.commandFor(action.key, context);
      return cmd ? command(article, cleared, cmd) : only(cleared);
    }
    case "command":
      return command(article, state, action.command);
    case "notice":
      return only({ ...state, notice: action.text });
    case "mouse":
      return state.reply.form ? only(state) : mouseStep(article, state, action.event);
    case "reply":
      return replyEvent(article, state, action.event);
  }
}

/** The next state alone (effects dropped): for tests and callers that have none to run. */
export function reduce(article: Article, state: ReaderState, action: Action): ReaderState {
  return step(article, state, action).state;
}

function command(article: Article, state: ReaderState, cmd: Command): Result {
  // Keys that work whatever is on screen.
  if (cmd === "forceQuit") return only({ ...state, exit: "quit" });
  if (cmd === "suspend") return { state, effects: [{ type: "suspend" }] };
  if (state.overlay !== "none") {
    const own = state.overlay === "help" ? "help" : state.overlay;
    if (cmd === "back" || cmd === "quit" || cmd === own) return only({ ...state, overlay: "none" });
    if (state.overlay === "toc") return only(tocCommand(article, state, cmd));
    if (state.overlay === "links") return linksCommand(state, cmd);
    return only(helpCommand(state, cmd));
  }
  switch (cmd) {
    case "quit":
      return only({ ...state, exit: state.fromList ? "back" : "quit" });
    case "back":
      // Esc ends a search (its highlights) before anything else.
      if (state.search.query !== "") return only({ ...state, search: NO_SEARCH });
      if (state.zoom) return only(toggleZoom(article, state));
      if (state.focus === "pane") return only({ ...state, focus: "article" });
      return only(state.fromList ? { ...state, exit: "back" } : state);
    case "help":
      return only({ ...state, overlay: "help", helpTop: 0 });
    case "toc": {
      const current = articleLayoutOf(article, state).sectionAt(state.top);
      return only({ ...state, overlay: "toc", tocIndex: Math.max(0, current) });
    }
    case "links":
      return only(openLinks(article, state));
    case "search":
      return only(openPrompt(state));
    case "nextMatch":
      return only(stepMatch(article, state, true));
    case "prevMatch":
      return only(stepMatch(article, state, false));
    case "togglePane": {
      // Nothing to open: say so rather than open an empty pane.
      if (!state.paneOpen && commentCount(article) === 0) {
        return only({ ...state, notice: "No thoughts yet" });
      }
      if (state.zoom)
        return only(
          reflow(article, state, { ...state, paneOpen: false, zoom: false, focus: "article" }),
        );
      const paneOpen = !state.paneOpen;
      const focus = paneOpen && commentCount(article) > 0 ? state.focus : "article";
      return only(reflow(article, state, { ...state, paneOpen, focus }));
    }
    case "switchFocus": {
      if (commentCount(article) === 0) return only(state);
      if (state.zoom) {
        return only({ ...toggleZoom(article, state), focus: "article" });
      }
      if (state.focus === "pane") return only({ ...state, focus: "article" });
      // Focusing the pane opens it.
      const opened = state.paneOpen ? state : reflow(article, state, { ...state, paneOpen: true });
      return only({ ...opened, focus: "pane" });
    }
    case "widen":
    case "narrow":
    case "resetWidth":
      return measureCommand(article, state, cmd);
    case "zoom":
      return only(toggleZoom(article, state));
    case "reply":
      return openReply(article, state);
    case "editReply":
      return editReply(article, state);
    case "deleteReply":
      return askDelete(article, state);
    default:
      return only(
        state.focus === "pane" && state.paneOpen
          ? paneCommand(article, state, cmd)
          : articleCommand(article, state, cmd),
      );
  }
}

export type { Effect };
