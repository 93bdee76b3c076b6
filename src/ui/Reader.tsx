// The reader: keys → commands (from the key table) → the pure reducer; the frame is composed from
// state and drawn. Also lays out the rest of a long article in idle chunks after the first frame.
import { Box, useInput, useStdout } from "ink";
import { lazy, Suspense, useEffect, useReducer, useRef, useState } from "react";
import type { Article } from "../content/schema.js";
import { getLayout } from "../layout/article.js";
import { keyName } from "../state/keymap.js";
import {
  type Action,
  anchorOfState,
  geometryOf,
  openingState,
  type ReaderState,
  reduce,
} from "../state/reducer.js";
import type { Anchor } from "../storage/positions.js";
import { composeFrame } from "./compose.js";
import { Frame } from "./Frame.js";

// The contents list (and ink-select-input with it) is loaded when first opened.
const Toc = lazy(() => import("./Toc.js"));

export type ReaderProps = {
  article: Article;
  maxWidth?: number;
  fromList?: boolean;
  /** Where the article was left last time. */
  resume?: Anchor;
  /** Called once when the reader closes, with where it was left. */
  onExit: (how: "quit" | "back", where: Anchor) => void;
};

export function Reader({ article, maxWidth, fromList, resume, onExit }: ReaderProps) {
  const { stdout } = useStdout();
  const [state, dispatch] = useReducer(
    (s: ReaderState, a: Action) => reduce(article, s, a),
    undefined,
    () =>
      openingState(article, stdout.columns || 80, stdout.rows || 24, {
        maxWidth,
        fromList,
        resume,
      }),
  );
  const [, setLaidOut] = useState(0);

  useEffect(() => {
    const onResize = () =>
      dispatch({ type: "resize", cols: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout]);

  const exited = useRef(false);
  useEffect(() => {
    if (state.exit === "none" || exited.current) return;
    exited.current = true;
    onExit(state.exit, anchorOfState(article, state));
  }, [state, article, onExit]);

  // Lay out the rest of the article between frames, then draw once more (exact percentage).
  // Keyed on the layout itself: a burst of resizes can evict and rebuild the one for a width.
  const layout = getLayout(article, geometryOf(state).articleWidth);
  useEffect(() => {
    if (layout.done) return;
    let timer: NodeJS.Immediate | undefined;
    const step = () => {
      if (layout.step()) setLaidOut((n) => n + 1);
      else timer = setImmediate(step);
    };
    timer = setImmediate(step);
    return () => {
      if (timer) clearImmediate(timer);
    };
  }, [layout]);

  useInput((input, key) => {
    const name = keyName(input, key);
    if (name !== undefined) dispatch({ type: "key", key: name });
    else if (input.length > 1 && !key.ctrl && !key.meta) {
      // Keys that arrive in one read (typed during start-up, auto-repeat while busy, a paste)
      // come as one string: each character is a key of its own.
      for (const char of input) {
        const each = keyName(char, { ...key });
        if (each !== undefined) dispatch({ type: "key", key: each });
      }
    }
  });

  if (process.env.LECTERN_FAULT === "render" && state.overlay === "help") {
    // A fault injected by the tests: proves an error while drawing still restores the terminal.
    throw new Error("injected rendering fault (LECTERN_FAULT=render)");
  }

  const rows = composeFrame(article, state);
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
