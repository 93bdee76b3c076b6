// The reader's overlays and their commands: the help (scrolls to its last page), the table of
// contents (one entry per section, then the discussion), and the list of links (Enter asks the
// shell to open the chosen address, after saying which in the status line).
import type { Article } from "../content/schema.js";
import { jumpTo, reflow } from "./article.js";
import type { Effect } from "./effects.js";
import { helpLines } from "./help.js";
import type { Command } from "./keymap.js";
import { linksOf } from "./links.js";
import type { ReaderState } from "./reducer.js";
import { articleLayoutOf, commentCount, geometryOf } from "./view.js";

export type Result = { state: ReaderState; effects: Effect[] };
const only = (state: ReaderState): Result => ({ state, effects: [] });

export function helpCommand(state: ReaderState, cmd: Command): ReaderState {
  const rows = geometryOf(state).articleRows;
  const by = (line: Command, half: Command) =>
    cmd === line ? 1 : cmd === half ? Math.max(1, Math.floor(rows / 2)) : Math.max(1, rows - 1);
  if (cmd === "lineDown" || cmd === "pageDown" || cmd === "halfDown") {
    // No further than the last page of the help, so that going back up starts at once.
    const last = Math.max(0, helpLines(state.keymap).length - rows);
    return { ...state, helpTop: Math.min(last, state.helpTop + by("lineDown", "halfDown")) };
  }
  if (cmd === "lineUp" || cmd === "pageUp" || cmd === "halfUp") {
    return { ...state, helpTop: Math.max(0, state.helpTop - by("lineUp", "halfUp")) };
  }
  return state;
}

/** Jump to a section's first line, closing the overlay. */
export function jumpSection(article: Article, state: ReaderState, section: number): ReaderState {
  const layout = articleLayoutOf(article, state);
  return jumpTo(article, { ...state, overlay: "none" }, layout.sectionLine(section));
}

/** Open the discussion: the pane opens and takes the focus. */
export function jumpDiscussion(article: Article, state: ReaderState): ReaderState {
  const opened = reflow(article, state, { ...state, paneOpen: true, overlay: "none" });
  return { ...opened, focus: commentCount(article) > 0 ? "pane" : "article" };
}

/** How far a list's paging keys move its highlight: a page of entries on screen, or half. */
function listStep(state: ReaderState, cmd: Command): number {
  const page = Math.max(1, geometryOf(state).articleRows - 3);
  if (cmd === "pageDown") return page;
  if (cmd === "pageUp") return -page;
  if (cmd === "halfDown") return Math.max(1, Math.floor(page / 2));
  if (cmd === "halfUp") return -Math.max(1, Math.floor(page / 2));
  return 0;
}

export function tocCommand(article: Article, state: ReaderState, cmd: Command): ReaderState {
  const last = articleLayoutOf(article, state).outline.sections.length;
  switch (cmd) {
    case "pageDown":
    case "pageUp":
    case "halfDown":
    case "halfUp":
      return {
        ...state,
        tocIndex: Math.max(0, Math.min(last, state.tocIndex + listStep(state, cmd))),
      };
    case "toc":
      return { ...state, overlay: "none" };
    case "lineDown":
      return { ...state, tocIndex: Math.min(last, state.tocIndex + 1) };
    case "lineUp":
      return { ...state, tocIndex: Math.max(0, state.tocIndex - 1) };
    case "top":
      return { ...state, tocIndex: 0 };
    case "bottom":
      return { ...state, tocIndex: last };
    case "choose":
      return state.tocIndex >= last
        ? jumpDiscussion(article, state)
        : jumpSection(article, state, state.tocIndex);
    default:
      return state;
  }
}

/** Open the list of links, or say there are none. */
export function openLinks(article: Article, state: ReaderState): ReaderState {
  const links = linksOf(article, state);
  if (links.length === 0) {
    const where = state.focus === "pane" && state.paneOpen ? "this comment" : "this section";
    return { ...state, notice: `No links in ${where}` };
  }
  return { ...state, overlay: "links", links, linkIndex: 0 };
}

export function linksCommand(state: ReaderState, cmd: Command): Result {
  const last = state.links.length - 1;
  switch (cmd) {
    case "pageDown":
    case "pageUp":
    case "halfDown":
    case "halfUp":
      return only({
        ...state,
        linkIndex: Math.max(0, Math.min(last, state.linkIndex + listStep(state, cmd))),
      });
    case "links":
      return only({ ...state, overlay: "none" });
    case "lineDown":
      return only({ ...state, linkIndex: Math.min(last, state.linkIndex + 1) });
    case "lineUp":
      return only({ ...state, linkIndex: Math.max(0, state.linkIndex - 1) });
    case "top":
      return only({ ...state, linkIndex: 0 });
    case "bottom":
      return only({ ...state, linkIndex: Math.max(0, last) });
    case "choose": {
      const link = state.links[state.linkIndex];
      if (!link) return only(state);
      return {
        state: { ...state, overlay: "none", notice: `Opening ${link.href}` },
        effects: [{ type: "openUrl", url: link.href }],
      };
    }
    default:
      return only(state);
  }
}
