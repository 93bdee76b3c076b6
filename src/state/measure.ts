// The measure while reading: + widens and - narrows the text column by a few columns, = puts back
// the usual width (the config's `width`, --width, or 80). The paragraph at the top stays at the
// top; the status line says the new width; the choice is handed to the shell to remember
// (effect "saveWidth", nothing remembered after =).
import type { Article } from "../content/schema.js";
import { reflow } from "./article.js";
import type { Effect } from "./effects.js";
import type { Command } from "./keymap.js";
import type { ReaderState } from "./reducer.js";
import { geometryOf } from "./view.js";

/** Columns per + or -. */
export const WIDTH_STEP = 4;
export const MIN_MEASURE = 20;
export const MAX_MEASURE = 1000;

export function measureCommand(
  article: Article,
  state: ReaderState,
  cmd: Command,
): { state: ReaderState; effects: Effect[] } {
  const shown = geometryOf(state).articleWidth;
  let width: number;
  if (cmd === "widen") {
    if (shown < state.maxWidth || state.maxWidth >= MAX_MEASURE) {
      return {
        state: { ...state, notice: `Width ${shown}: as wide as it goes here` },
        effects: [],
      };
    }
    width = Math.min(MAX_MEASURE, state.maxWidth + WIDTH_STEP);
  } else if (cmd === "narrow") {
    width = Math.max(MIN_MEASURE, Math.min(state.maxWidth, shown) - WIDTH_STEP);
  } else {
    width = state.baseWidth;
  }
  const next = reflow(article, state, { ...state, maxWidth: width });
  const notice =
    cmd === "resetWidth" ? `Width ${width} (the usual)` : `Width ${geometryOf(next).articleWidth}`;
  return {
    state: { ...next, notice },
    effects: [{ type: "saveWidth", width: cmd === "resetWidth" ? undefined : width }],
  };
}
