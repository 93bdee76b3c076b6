// Where everything goes on a screen of a given size: the article column (a readable measure,
// centred), the comments pane (beside it from 120 columns, below it otherwise), the status line.

/** Columns from which the comments pane opens beside the article instead of below it. */
export const SIDE_PANE_MIN_COLS = 120;
/** Below this size the reader shows "terminal too small" instead of a cramped page. */
export const MIN_COLS = 20;
export const MIN_ROWS = 6;

export type Geometry = {
  cols: number;
  rows: number;
  /**
   * Rows Ink draws: one fewer than the terminal. Ink 6.8 clears the whole screen on every frame
   * whose height reaches the terminal's rows (a full repaint per key, and flicker on terminals
   * without synchronized output); one row short, it rewrites only the lines that changed.
   */
  frameRows: number;
  tooSmall: boolean;
  /** Left margin and width of the article text, and how many rows it gets. */
  articleLeft: number;
  articleWidth: number;
  articleRows: number;
  /** Width of the area the article is centred in (left of a side pane, or the whole width). */
  articleArea: number;
  pane: "side" | "bottom" | "collapsed";
  /** The comments pane's text width and body rows (0 when collapsed), after its header line. */
  paneWidth: number;
  paneRows: number;
};

export function geometry(cols: number, rows: number, paneOpen: boolean, maxWidth = 80): Geometry {
  const c = Math.max(1, Math.floor(cols));
  const r = Math.max(1, Math.floor(rows));
  const frameRows = Math.max(1, r - 1);
  const tooSmall = c < MIN_COLS || r < MIN_ROWS;
  const measure = Math.max(20, Math.floor(maxWidth));
  // Rows below the article: the status line, and the pane (its one collapsed line, or its
  // header plus body when it opens below).
  const content = frameRows - 1;
  if (!paneOpen) {
    const articleArea = c;
    const articleWidth = Math.min(measure, c - (c > measure ? 2 : 0));
    return {
      cols: c,
      rows: r,
      frameRows,
      tooSmall,
      articleArea,
      articleWidth: Math.max(1, articleWidth),
      articleLeft: Math.max(0, Math.floor((articleArea - articleWidth) / 2)),
      articleRows: Math.max(1, content - 1),
      pane: "collapsed",
      paneWidth: Math.max(1, c - 2),
      paneRows: 0,
    };
  }
  if (c >= SIDE_PANE_MIN_COLS) {
    // Beside: the article keeps its measure where it can; the pane takes the rest (≥ 36).
    const paneOuter = Math.max(38, Math.min(c - measure - 4, 90));
    const articleArea = c - paneOuter;
    const articleWidth = Math.min(measure, articleArea - 2);
    return {
      cols: c,
      rows: r,
      frameRows,
      tooSmall,
      articleArea,
      articleWidth,
      articleLeft: Math.max(0, Math.floor((articleArea - articleWidth) / 2)),
      articleRows: Math.max(1, content),
      pane: "side",
      // "│ " separator on the left of the pane, one column of margin on the right.
      paneWidth: paneOuter - 3,
      paneRows: Math.max(1, content - 1),
    };
  }
  // Below: about 40% of the rows, at least 3 for the pane and 2 for the article.
  const paneOuter = Math.max(3, Math.min(content - 2, Math.round(content * 0.4)));
  const articleWidth = Math.max(1, Math.min(measure, c - (c > measure ? 2 : 0)));
  return {
    cols: c,
    rows: r,
    frameRows,
    tooSmall,
    articleArea: c,
    articleWidth,
    articleLeft: Math.max(0, Math.floor((c - articleWidth) / 2)),
    articleRows: Math.max(1, content - paneOuter),
    pane: "bottom",
    paneWidth: Math.max(1, c - 2),
    paneRows: Math.max(1, paneOuter - 1),
  };
}
