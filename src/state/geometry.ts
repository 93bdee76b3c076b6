// Where everything goes on a screen of a given size: the article column (a readable measure,
// centred), the comments pane (beside it when both columns get a readable measure, below it
// otherwise, or the whole screen when zoomed), the status line.
//
// The side-by-side thresholds come from measuring real threads (the Reddit and Hacker News
// files in tests/fixtures/sources/): their comment headers are 45–66 columns with full dates
// (p90 61 and 50), about 11 fewer with short dates, and replies reach the 12-column indent cap.
// A pane of 54 text columns keeps 40 columns of comment text at the cap and a depth-0 header
// with a short date whole; an article column under 60 stops reading like prose.

/** Narrowest comments pane (text columns) that is put beside the article. */
export const SIDE_PANE_MIN_WIDTH = 54;
/** Narrowest article column kept beside a pane (or the measure, when that is narrower). */
export const SIDE_ARTICLE_MIN_WIDTH = 60;
/** Widest the side pane grows. */
export const SIDE_PANE_MAX_WIDTH = 90;
/** Below this size the reader shows "terminal too small" instead of a cramped page. */
export const MIN_COLS = 20;
export const MIN_ROWS = 6;

/** Columns from which the pane opens beside an article of measure `maxWidth`. */
export function sidePaneMinCols(maxWidth = 80): number {
  const article = Math.min(SIDE_ARTICLE_MIN_WIDTH, Math.max(20, Math.floor(maxWidth)));
  // Article plus its two margin columns, then "│ " and the pane, then one right margin column.
  return article + 2 + SIDE_PANE_MIN_WIDTH + 3;
}

/** Columns from which the comments pane opens beside the default 80-column article. */
export const SIDE_PANE_MIN_COLS = sidePaneMinCols(80);

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
  pane: "side" | "bottom" | "collapsed" | "zoom";
  /**
   * Below, collapsed or zoomed, the pane keeps to the article's column: the selection bar sits
   * at `paneLeft` (the article's left margin column, 0 when there is none) and the text after
   * it; the header line starts where the article's text does.
   */
  paneLeft: number;
  /** The comments pane's text width and body rows (0 when collapsed), after its header line. */
  paneWidth: number;
  paneRows: number;
};

export function geometry(
  cols: number,
  rows: number,
  paneOpen: boolean,
  maxWidth = 80,
  zoom = false,
): Geometry {
  const c = Math.max(1, Math.floor(cols));
  const r = Math.max(1, Math.floor(rows));
  const frameRows = Math.max(1, r - 1);
  const tooSmall = c < MIN_COLS || r < MIN_ROWS;
  const measure = Math.max(20, Math.floor(maxWidth));
  // Rows below the article: the status line, and the pane (its one collapsed line, or its
  // header plus body when it opens below).
  const content = frameRows - 1;
  const base = { cols: c, rows: r, frameRows, tooSmall };
  // The article alone, centred at its measure: also where a pane below or zoomed keeps to.
  const alone = Math.max(1, Math.min(measure, c - (c > measure ? 2 : 0)));
  const aloneLeft = Math.max(0, Math.floor((c - alone) / 2));
  const held = {
    paneLeft: Math.max(0, aloneLeft - 1),
    // The bar and the text, and one column of margin on the right.
    paneWidth: Math.max(1, Math.min(alone, c - Math.max(0, aloneLeft - 1) - 2)),
  };
  if (!paneOpen || zoom) {
    return {
      ...base,
      articleArea: c,
      articleWidth: alone,
      articleLeft: aloneLeft,
      // Zoomed, the article keeps the geometry it has under a collapsed pane (its position holds
      // across the zoom) but is not drawn: the pane takes every row but the status line's.
      articleRows: Math.max(1, content - 1),
      pane: zoom && paneOpen ? "zoom" : "collapsed",
      ...held,
      paneRows: zoom && paneOpen ? Math.max(1, content - 1) : 0,
    };
  }
  if (c >= sidePaneMinCols(measure)) {
    // Beside: the article keeps its measure where it can; the pane takes the rest, at least its
    // minimum, at most its maximum.
    const articleMin = Math.min(SIDE_ARTICLE_MIN_WIDTH, measure);
    const fromRest = c - (measure + 2) - 3;
    const paneWidth = Math.min(
      Math.max(SIDE_PANE_MIN_WIDTH, Math.min(fromRest, SIDE_PANE_MAX_WIDTH)),
      c - (articleMin + 2) - 3,
    );
    const articleArea = c - paneWidth - 3;
    const articleWidth = Math.min(measure, articleArea - 2);
    return {
      ...base,
      articleArea,
      articleWidth,
      articleLeft: Math.max(0, Math.floor((articleArea - articleWidth) / 2)),
      articleRows: Math.max(1, content),
      pane: "side",
      // "│ " separator on the left of the pane, one column of margin on the right.
      paneLeft: articleArea + 2,
      paneWidth,
      paneRows: Math.max(1, content - 1),
    };
  }
  // Below: about 40% of the rows, at least 3 for the pane and 2 for the article.
  const paneOuter = Math.max(3, Math.min(content - 2, Math.round(content * 0.4)));
  return {
    ...base,
    articleArea: c,
    articleWidth: alone,
    articleLeft: aloneLeft,
    articleRows: Math.max(1, content - paneOuter),
    pane: "bottom",
    ...held,
    paneRows: Math.max(1, paneOuter - 1),
  };
}
