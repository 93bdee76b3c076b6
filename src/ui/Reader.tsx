// The reader: keys → commands (from the key table) → the pure reducer; the frame is composed from
// state and drawn. Also lays out the rest of a long article in idle chunks after the first frame.
import { Box, useInput, useStdout } from "ink";
import { lazy, Suspense, useEffect, useReducer, useState } from "react";
import type { Article } from "../content/schema.js";
import { getLayout } from "../layout/article.js";
import { keyName } from "../state/keymap.js";
import {
  type Action,
  geometryOf,
  initialState,
  type ReaderState,
  reduce,
} from "../state/reducer.js";
import { composeFrame } from "./compose.js";
import { Frame } from "./Frame.js";

// The contents list (and ink-select-input with it) is loaded when first opened.
const Toc = lazy(() => import("./Toc.js"));

export type ReaderProps = {
  article: Article;
  maxWidth?: number;
  fromList?: boolean;
  onExit: (how: "quit" | "back") => void;
};

export function Reader({ article, maxWidth, fromList, onExit }: ReaderProps) {
  const { stdout } = useStdout();
  const [state, dispatch] = useReducer(
    (s: ReaderState, a: Action) => reduce(article, s, a),
    undefined,
    () => initialState(stdout.columns || 80, stdout.rows || 24, { maxWidth, fromList }),
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

  useEffect(() => {
    if (state.exit !== "none") onExit(state.exit);
  }, [state.exit, onExit]);

  // Lay out the rest of the article between frames, then draw once more (exact percentage).
  const width = geometryOf(state).articleWidth;
  useEffect(() => {
    const layout = getLayout(article, width);
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
  }, [article, width]);

  useInput((input, key) => {
    const name = keyName(input, key);
    if (name !== undefined) dispatch({ type: "key", key: name });
  });

  if (process.env.LECTERN_FAULT === "render" && state.overlay === "help") {
    // A fault injected by the tests: proves an error while drawing still restores the terminal.
    throw new Error("injected rendering fault (LECTERN_FAULT=render)");
  }

  const rows = composeFrame(article, state);
  if (state.overlay !== "toc") return <Frame rows={rows} />;

  const g = geometryOf(state);
  const layout = getLayout(article, g.articleWidth);
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
