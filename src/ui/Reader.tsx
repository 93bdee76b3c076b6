// The reader: keys → commands (from the key table) → the pure reducer; the frame is composed from
// state and drawn. ReaderView draws a state held elsewhere (App holds it, with the list) and lays
// out the rest of a long article in idle chunks after the first frame; Reader is the same view
// holding its own state and reading its own keys (one article on its own, and the tests).
import { Box, useInput, useStdout } from "ink";
import { lazy, Suspense, useCallback, useContext, useEffect, useRef, useState } from "react";
import { rememberWidth } from "../config/remember.js";
import type { Article } from "../content/schema.js";
import { getLayout } from "../layout/article.js";
import { searchOf } from "../search/index.js";
import type { Effect } from "../state/effects.js";
import type { Keymap } from "../state/keymap.js";
import { parseMouse } from "../state/mouse.js";
import {
  type Action,
  anchorOfState,
  geometryOf,
  openingState,
  type ReaderState,
  step,
} from "../state/reducer.js";
import type { Anchor } from "../storage/positions.js";
import { suspend } from "../terminal/screen.js";
import { composeFrame } from "./compose.js";
import { Frame } from "./Frame.js";
import { keysOf } from "./keys.js";
import { performReply } from "./reply-effects.js";
import { forAbout, inSlices, SLICE_MS } from "./slices.js";
import { ThemeContext } from "./theme-context.js";

/** How long a search query stays unchanged before its matches are counted. */
const COUNT_DELAY_MS = 60;

/** Characters of the article laid out at a time in the background (well under a millisecond). */
const LAYOUT_PIECE_CHARS = 8_000;

/** How long typing in the search prompt must pause before the background layout goes on. */
const TYPING_PAUSE_MS = 150;

// The contents list (and ink-select-input with it) is loaded when first opened.
const Toc = lazy(() => import("./Toc.js"));

export type ReaderProps = {
  article: Article;
  maxWidth?: number;
  /** The usual measure, that = goes back to (default: maxWidth). */
  baseWidth?: number;
  fromList?: boolean;
  /** Where the article was left last time. */
  resume?: Anchor;
  /** Called once when the reader closes, with where it was left. */
  onExit: (how: "quit" | "back", where: Anchor) => void;
  /** The keys in use (default: the built-in table). */
  keymap?: Keymap;
};

/** Carry out an effect the reducer asked for; problems come back as a status-line notice. */
export function perform(effect: Effect, dispatch: (action: Action) => void): void {
  switch (effect.type) {
    case "openUrl":
      import("../terminal/open-url.js")
        .then(({ openUrl }) => openUrl(effect.url))
        .then((problem) => {
          if (problem) dispatch({ type: "notice", text: problem });
        })
        .catch(() => dispatch({ type: "notice", text: "Could not open the link" }));
      return;
    case "saveWidth":
      rememberWidth(effect.width);
      return;
    case "suspend":
      suspend();
      return;
    case "loadDraft":
    case "saveDraft":
    case "postReply":
    case "deleteReply":
    case "externalEdit":
      performReply(effect, dispatch);
      return;
  }
}

export function Reader({
  article,
  maxWidth,
  baseWidth,
  fromList,
  resume,
  onExit,
  keymap,
}: ReaderProps) {
  const { stdout } = useStdout();
  const [state, setState] = useState<ReaderState>(() =>
    openingState(article, stdout.columns || 80, stdout.rows || 24, {
      maxWidth,
      baseWidth,
      fromList,
      resume,
      ...(keymap && { keymap }),
    }),
  );
  // Actions are reduced at once against the latest state (keys read together each see the state
  // the one before left); the effects they return are carried out here.
  const latest = useRef(state);
  const dispatch = useCallback(
    (action: Action) => {
      const { state: next, effects } = step(article, latest.current, action);
      latest.current = next;
      setState(next);
      for (const effect of effects) perform(effect, dispatch);
    },
    [article],
  );
  useEffect(() => {
    const onResize = () =>
      dispatch({ type: "resize", cols: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout, dispatch]);

  const exited = useRef(false);
  useEffect(() => {
    if (state.exit === "none" || exited.current) return;
    exited.current = true;
    onExit(state.exit, anchorOfState(article, state));
  }, [state, article, onExit]);

  useInput((input, key) => {
    const mouse = input.startsWith("[<") ? parseMouse(input) : undefined;
    if (mouse) dispatch({ type: "mouse", event: mouse });
    for (const name of keysOf(input, key)) dispatch({ type: "key", key: name });
  });

  return <ReaderView article={article} state={state} />;
}

/** The reader's frame for a state held by the caller, who also reads the keys. */
export function ReaderView({ article: opened, state }: { article: Article; state: ReaderState }) {
  // Replies posted, edited or deleted since the article opened are in the article shown.
  const article = state.reply.shown ?? opened;
  const theme = useContext(ThemeContext);
  const [, setLaidOut] = useState(0);
  const [, setCounted] = useState(0);

  // Count the search's matches between keys (the status line shows "~" until it is exact). The
  // count starts a little after the query last changed, so that the frame showing the first match
  // goes out first and a query being typed is not counted for every letter.
  const query = state.search.query;
  // Not while the query is being typed: the first match is all that typing needs (Enter counts).
  const typing = state.search.prompt !== undefined;
  useEffect(() => {
    if (query === "" || typing) return;
    const index = searchOf(article, query);
    if (index.countDone) return;
    let stop: (() => void) | undefined;
    const start = setTimeout(() => {
      stop = inSlices(
        () => index.count(SLICE_MS),
        () => setCounted((n) => n + 1),
      );
    }, COUNT_DELAY_MS);
    return () => {
      clearTimeout(start);
      stop?.();
    };
  }, [article, query, typing]);

  // Lay out the rest of the article between frames, a few milliseconds at a time, then draw once
  // more (exact percentage). Not while a search is counted, nor while a query is being typed (it
  // starts again once typing has paused): keys then share the machine with one job at most.
  // Keyed on the layout itself: a burst of resizes can evict and rebuild the one for a width.
  const layout = getLayout(article, geometryOf(state).articleWidth);
  const counting = !typing && query !== "" && !searchOf(article, query).countDone;
  const typed = state.search.prompt?.text;
  useEffect(() => {
    if (layout.done || counting) return;
    let stop: (() => void) | undefined;
    const start = setTimeout(
      () => {
        stop = inSlices(
          () => forAbout(SLICE_MS, () => layout.step(LAYOUT_PIECE_CHARS)),
          () => setLaidOut((n) => n + 1),
        );
      },
      typed === undefined ? 0 : TYPING_PAUSE_MS,
    );
    return () => {
      clearTimeout(start);
      stop?.();
    };
  }, [layout, counting, typed]);

  if (process.env.LECTERN_FAULT === "render" && state.overlay === "help") {
    // A fault injected by the tests: proves an error while drawing still restores the terminal.
    throw new Error("injected rendering fault (LECTERN_FAULT=render)");
  }

  const rows = composeFrame(article, state, theme);
  if (state.overlay !== "toc") return <Frame rows={rows} />;

  const g = geometryOf(state);
  const height = g.frameRows - 1;
  return (
    <Box flexDirection="column" height={g.frameRows} width={g.cols}>
      <Box height={height} paddingLeft={g.articleLeft}>
        <Suspense fallback={<Frame rows={[[{ text: "Contents…" }]]} />}>
          <Toc
            article={article}
            outline={layout.outline}
            index={state.tocIndex}
            width={Math.max(1, g.cols - g.articleLeft)}
            height={height}
          />
        </Suspense>
      </Box>
      <Frame rows={rows.slice(-1)} />
    </Box>
  );
}
