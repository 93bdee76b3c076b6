// The top of the interactive program: one state for the whole screen (state/app.ts: the list of
// articles and, when one is open, the reader), one key handler mounted for the program's whole
// life (so no key is lost while a screen changes), one resize handler, and the shell that carries
// out what the reducers ask for: read more files, open an article, save a position, quit.
import { useApp, useInput, useStdout } from "ink";
import { useCallback, useContext, useEffect, useRef, useState } from "react";
import type { Loaded } from "../content/load.js";
import type { Article } from "../content/schema.js";
import type { Scanned } from "../library/scan.js";
import { type LibrarySource, loadedSource } from "../library/source.js";
import { type AppAction, type AppEffect, type AppState, appStep, readerFor } from "../state/app.js";
import type { Keymap } from "../state/keymap.js";
import { initialLibrary, type SortKey } from "../state/library.js";
import { parseMouse } from "../state/mouse.js";
import type { Anchor } from "../storage/positions.js";
import { Frame } from "./Frame.js";
import { keysOf } from "./keys.js";
import { composeLibrary } from "./library-rows.js";
import { perform, ReaderView } from "./Reader.js";
import { ThemeContext } from "./theme-context.js";

export type AppProps = {
  /** Adds the replies kept on this machine to an article as it opens (storage/replies.ts). */
  withReplies?: (article: Article) => Article;
  /** Articles loaded already; one good article on its own opens straight in the reader. */
  entries?: Loaded[];
  /** Or files to list, read while the list is shown. */
  library?: LibrarySource;
  maxWidth?: number;
  /** The usual measure (= goes back to it) and the keys in use (settings: src/config/). */
  baseWidth?: number;
  keymap?: Keymap;
  /** Where each article (by id) was left, most recently read last, and how to remember more. */
  positions?: Map<string, Anchor>;
  remember?: (id: string, where: Anchor) => void;
  /** The list's order (default: last read once anything was read), and how to remember it. */
  sort?: SortKey;
  saveSort?: (sort: SortKey) => void;
};

/** How long one turn of reading files may take before the next frame and keys get their turn. */
const SCAN_SLICE_MS = 12;
/** How often the list shows what was read meanwhile. */
const SCAN_SHOW_MS = 150;

function openingApp(props: AppProps, cols: number, rows: number): AppState {
  const base = {
    cols,
    rows,
    maxWidth: props.maxWidth,
    baseWidth: props.baseWidth,
    keymap: props.keymap,
    done: false,
  };
  const only = props.library
    ? undefined
    : props.entries?.length === 1
      ? props.entries[0]
      : undefined;
  if (only?.ok) {
    const article = props.withReplies?.(only.article) ?? only.article;
    const state = readerFor(base, article, {
      fromList: false,
      resume: props.positions?.get(article.id),
    });
    return { ...base, reader: { index: 0, article, state } };
  }
  const source = props.library ?? loadedSource(props.entries ?? []);
  const list = initialLibrary(source.files, cols, rows, {
    positions: props.positions,
    sort: props.sort,
    ...(props.keymap && { keymap: props.keymap }),
    items: source.initial,
    scanned: source.scanned,
  });
  return { ...base, list };
}

export function App(props: AppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const theme = useContext(ThemeContext);
  const [source] = useState<LibrarySource | undefined>(
    () =>
      props.library ??
      (props.entries && props.entries.length !== 1 ? loadedSource(props.entries) : undefined),
  );
  const [state, setState] = useState<AppState>(() =>
    openingApp({ ...props, library: source }, stdout.columns || 80, stdout.rows || 24),
  );
  // Actions are reduced at once against the latest state (keys read together each see the state
  // the one before left); the effects they return are carried out here.
  const latest = useRef(state);
  const propsRef = useRef(props);
  propsRef.current = props;
  const dispatch = useCallback((action: AppAction) => {
    const { state: next, effects } = appStep(latest.current, action);
    latest.current = next;
    setState(next);
    for (const effect of effects) runRef.current(effect);
  }, []);

  const runRef = useRef((_effect: AppEffect) => {});
  runRef.current = (effect: AppEffect): void => {
    const p = propsRef.current;
    switch (effect.type) {
      case "savePosition":
        p.positions?.set(effect.id, effect.anchor);
        p.remember?.(effect.id, effect.anchor);
        return;
      case "saveSort":
        p.saveSort?.(effect.sort);
        return;
      case "quit":
        source?.save();
        exit();
        return;
      case "open": {
        const index = effect.index;
        const failed = (errors: string[]) =>
          dispatch({ type: "list", action: { type: "openFailed", index, errors } });
        (source?.load(index) ?? Promise.resolve(undefined))
          .then((loaded) => {
            if (loaded?.ok) {
              const article = p.withReplies?.(loaded.article) ?? loaded.article;
              dispatch({ type: "open", index, article });
            } else failed(loaded?.errors ?? ["could not be opened"]);
          })
          .catch((error: unknown) => failed([String(error)]));
        return;
      }
      default:
        // The reader's own (open a link, remember the measure, suspend).
        perform(effect, (action) => dispatch({ type: "reader", action }));
    }
  };

  useInput((input, key) => {
    const mouse = input.startsWith("[<") ? parseMouse(input) : undefined;
    if (mouse) dispatch({ type: "reader", action: { type: "mouse", event: mouse } });
    for (const name of keysOf(input, key)) dispatch({ type: "key", key: name });
  });

  useEffect(() => {
    const onResize = () =>
      dispatch({ type: "resize", cols: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout, dispatch]);

  // Read the rest of the files a slice at a time, drawing the list as it fills in.
  useEffect(() => {
    if (!source) return;
    if (source.done) {
      source.save();
      return;
    }
    let stopped = false;
    let timer: NodeJS.Immediate | undefined;
    // What was read is handed to the list at most every SCAN_SHOW_MS: each hand-over sorts the
    // list again and draws a frame, which cost more than the reading when done every slice.
    let pending: Scanned[] = [];
    let shown = performance.now();
    const next = () => {
      source
        .step(SCAN_SLICE_MS)
        .then((items) => {
          if (stopped) return;
          pending.push(...items);
          if (source.done || performance.now() - shown >= SCAN_SHOW_MS) {
            const action = { type: "scanned" as const, items: pending, scanned: source.scanned };
            pending = [];
            shown = performance.now();
            dispatch({ type: "list", action });
          }
          if (source.done) source.save();
          else timer = setImmediate(next);
        })
        .catch(() => {}); // step never throws; a file that fails is listed with its error
    };
    timer = setImmediate(next);
    return () => {
      stopped = true;
      if (timer) clearImmediate(timer);
      source.save();
    };
  }, [source, dispatch]);

  if (state.reader) return <ReaderView article={state.reader.article} state={state.reader.state} />;
  if (state.list) return <Frame rows={composeLibrary(state.list, theme)} />;
  return null;
}
