// The whole program's screen as one state: the list of articles (library.ts) and, when one is
// open, the reader (reducer.ts). Every key, resize and loaded file goes through appStep, which
// hands it to the screen on top: so keys typed together each see the screen the one before
// left (Enter then ↓ moves in the article just opened), and a resize reaches the list even while
// an article is open. Effects (save a position, open a file, open a link, quit) are returned as
// values for the shell (ui/App.tsx) to carry out.
import type { Article } from "../content/schema.js";
import type { Anchor } from "../storage/positions.js";
import type { Effect } from "./effects.js";
import type { Keymap } from "./keymap.js";
import {
  type LibraryAction,
  type LibraryEffect,
  type LibraryState,
  stepLibrary,
} from "./library.js";
import { type Action, anchorOfState, openingState, type ReaderState, step } from "./reducer.js";

export type OpenArticle = { index: number; article: Article; state: ReaderState };

export type AppState = {
  cols: number;
  rows: number;
  maxWidth?: number;
  /** The usual measure (settings), that = goes back to. */
  baseWidth?: number;
  keymap?: Keymap;
  /** The list; absent when the program opened one article on its own. */
  list?: LibraryState;
  /** The article being read, if any. */
  reader?: OpenArticle;
  /** Keys typed while an article was being opened: they are for it, once it is. */
  pending?: readonly string[];
  /** Set once the program should end. */
  done: boolean;
};

export type AppEffect =
  | Effect
  | LibraryEffect
  | { type: "savePosition"; id: string; anchor: Anchor };

export type AppAction =
  | { type: "key"; key: string }
  | { type: "resize"; cols: number; rows: number }
  /** The shell loaded the entry the list asked to open. */
  | { type: "open"; index: number; article: Article }
  /** For the list (files read, an open that failed). */
  | { type: "list"; action: LibraryAction }
  /** For the open reader (a notice from an opener that failed). */
  | { type: "reader"; action: Action };

export type AppResult = { state: AppState; effects: AppEffect[] };

/** A reader's opening state at the app's size, where the article was left (if known). */
export function readerFor(
  app: Pick<AppState, "cols" | "rows" | "maxWidth" | "baseWidth" | "keymap">,
  article: Article,
  options: { fromList: boolean; resume?: Anchor },
): ReaderState {
  return openingState(article, app.cols, app.rows, {
    maxWidth: app.maxWidth,
    baseWidth: app.baseWidth,
    fromList: options.fromList,
    resume: options.resume,
    ...(app.keymap && { keymap: app.keymap }),
  });
}

function withList(app: AppState, action: LibraryAction): AppResult {
  if (!app.list) return { state: app, effects: [] };
  const { state, effects } = stepLibrary(app.list, action);
  const done = app.done || effects.some((e) => e.type === "quit");
  return { state: { ...app, list: state, done }, effects };
}

function withReader(app: AppState, open: OpenArticle, action: Action): AppResult {
  const { state, effects } = step(open.article, open.state, action);
  const out: AppEffect[] = [...effects];
  if (state.exit === "none") return { state: { ...app, reader: { ...open, state } }, effects: out };
  // The reader closed: remember where, then back to the list (or the end of the program).
  const anchor = anchorOfState(open.article, state);
  const id = open.article.id;
  out.push({ type: "savePosition", id, anchor });
  if (state.exit === "back" && app.list) {
    const list = stepLibrary(app.list, { type: "read", id, anchor }).state;
    return { state: { ...app, reader: undefined, list }, effects: out };
  }
  out.push({ type: "quit" });
  return { state: { ...app, reader: undefined, done: true }, effects: out };
}

export function appStep(app: AppState, action: AppAction): AppResult {
  if (app.done) return { state: app, effects: [] };
  switch (action.type) {
    case "key":
      if (!app.reader && app.list?.opening !== undefined && action.key !== "ctrl+c") {
        return { state: { ...app, pending: [...(app.pending ?? []), action.key] }, effects: [] };
      }
      return app.reader
        ? withReader(app, app.reader, action)
        : withList(app, { type: "key", key: action.key });
    case "resize": {
      const sized = { ...app, cols: action.cols, rows: action.rows };
      const list = sized.list && stepLibrary(sized.list, action).state;
      const reader = sized.reader && {
        ...sized.reader,
        state: step(sized.reader.article, sized.reader.state, action).state,
      };
      return { state: { ...sized, list, reader }, effects: [] };
    }
    case "open": {
      if (app.reader || !app.list || app.list.opening !== action.index) {
        return { state: app, effects: [] }; // asked for something else since
      }
      const resume = app.list.positions.get(action.article.id);
      const state = readerFor(app, action.article, { fromList: true, resume });
      const list = stepLibrary(app.list, { type: "opened" }).state;
      let result: AppResult = {
        state: {
          ...app,
          list,
          pending: undefined,
          reader: { index: action.index, article: action.article, state },
        },
        effects: [],
      };
      for (const key of app.pending ?? []) {
        const next = appStep(result.state, { type: "key", key });
        result = { state: next.state, effects: [...result.effects, ...next.effects] };
      }
      return result;
    }
    case "list": {
      const pending = app.pending ?? [];
      let result = withList({ ...app, pending: undefined }, action.action);
      // An open that failed: the keys typed meanwhile go to the list after all.
      for (const key of result.state.list?.opening === undefined ? pending : []) {
        const next = appStep(result.state, { type: "key", key });
        result = { state: next.state, effects: [...result.effects, ...next.effects] };
      }
      if (result.state.list?.opening !== undefined && pending.length > 0) {
        result = { ...result, state: { ...result.state, pending } };
      }
      return result;
    }
    case "reader":
      if (app.reader) return withReader(app, app.reader, action.action);
      // The mouse over the list (no article open): the wheel scrolls it, a click highlights.
      if (app.list && action.action.type === "mouse") {
        return withList(app, { type: "mouse", event: action.action.event });
      }
      return { state: app, effects: [] };
  }
}
