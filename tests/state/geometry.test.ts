// Screen geometry: the frame is one row shorter than the terminal; the article keeps a readable
// measure; the pane opens beside when both columns get a readable measure, below (about 40%,
// held to the article's column) otherwise, or takes the screen when zoomed; rows add up.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  geometry,
  MIN_COLS,
  MIN_ROWS,
  SIDE_ARTICLE_MIN_WIDTH,
  SIDE_PANE_MIN_COLS,
  SIDE_PANE_MIN_WIDTH,
  sidePaneMinCols,
} from "../../src/state/geometry.js";

/** Rows the layout uses: article, pane header (or collapsed line), pane body, status. */
function usedRows(g: ReturnType<typeof geometry>): number {
  if (g.pane === "side") return g.articleRows + 1;
  if (g.pane === "zoom") return 1 + g.paneRows + 1;
  return g.articleRows + 1 + g.paneRows + 1;
}

describe("geometry", () => {
  it("draws one row fewer than the terminal", () => {
    expect(geometry(100, 24, false).frameRows).toBe(23);
    expect(geometry(100, 1, false).frameRows).toBe(1);
    expect(geometry(100, 2, true).frameRows).toBe(1);
  });

  it("centres the article at its measure when the pane is collapsed", () => {
    const g = geometry(100, 24, false);
    expect(g.pane).toBe("collapsed");
    expect(g.articleWidth).toBe(80);
    expect(g.articleLeft).toBe(10);
    expect(g.articleRows).toBe(21); // 23 − status − collapsed pane line
    expect(g.paneRows).toBe(0);
    expect(geometry(60, 24, false).articleWidth).toBe(60);
    expect(geometry(82, 24, false, 80).articleWidth).toBe(80);
    expect(geometry(200, 24, false, 100).articleWidth).toBe(100);
    expect(geometry(200, 24, false, 5).articleWidth).toBe(20); // the measure is at least 20
  });

  // Issue 11: at 120×35 the side pane was 37 columns and most headers wrapped onto 2–3 lines.
  it("opens the pane beside only when both columns get a readable measure", () => {
    expect(SIDE_PANE_MIN_COLS).toBe(SIDE_ARTICLE_MIN_WIDTH + 2 + SIDE_PANE_MIN_WIDTH + 3);
    const g = geometry(SIDE_PANE_MIN_COLS, 30, true);
    expect(g.pane).toBe("side");
    expect(g.articleRows).toBe(28);
    expect(g.paneRows).toBe(27);
    expect(g.articleArea + g.paneWidth + 3).toBe(SIDE_PANE_MIN_COLS);
    expect(g.paneWidth).toBe(SIDE_PANE_MIN_WIDTH);
    expect(g.articleWidth).toBe(SIDE_ARTICLE_MIN_WIDTH);
    expect(g.articleLeft + g.articleWidth).toBeLessThanOrEqual(g.articleArea);
    expect(geometry(SIDE_PANE_MIN_COLS - 1, 30, true).pane).toBe("bottom");
    const at120 = geometry(120, 35, true);
    expect(at120.pane).toBe("side");
    expect(at120.paneWidth).toBeGreaterThanOrEqual(SIDE_PANE_MIN_WIDTH);
    expect(at120.articleWidth).toBeGreaterThanOrEqual(SIDE_ARTICLE_MIN_WIDTH);
    // From 139 columns the article has its whole measure beside the pane.
    const wide = geometry(160, 40, true);
    expect(wide.articleWidth).toBe(80);
    expect(wide.paneWidth).toBe(160 - 82 - 3);
    expect(geometry(300, 40, true).paneWidth).toBe(90);
    // A narrower measure needs fewer columns.
    expect(sidePaneMinCols(40)).toBe(40 + 2 + SIDE_PANE_MIN_WIDTH + 3);
    expect(geometry(100, 30, true, 40).pane).toBe("side");
  });

  it("opens the pane below, about 40% of the rows, held to the article's column", () => {
    const g = geometry(SIDE_PANE_MIN_COLS - 1, 25, true);
    expect(g.pane).toBe("bottom");
    const content = g.frameRows - 1;
    const paneOuter = g.paneRows + 1;
    expect(paneOuter / content).toBeGreaterThan(0.3);
    expect(paneOuter / content).toBeLessThan(0.5);
    // Issue 11: at 100 columns the pane's lines ran ~95 columns under an 80-column article.
    expect(g.paneWidth).toBe(g.articleWidth);
    expect(g.paneLeft).toBe(g.articleLeft - 1);
    const narrow = geometry(80, 24, true);
    expect(narrow).toMatchObject({ paneLeft: 0, paneWidth: 78, articleLeft: 0 });
    const small = geometry(100, MIN_ROWS + 1, true);
    expect(small.paneRows).toBeGreaterThanOrEqual(2);
    expect(small.articleRows).toBeGreaterThanOrEqual(2);
  });

  it("zoomed, the pane takes every row but the status line's, at the article's column", () => {
    const g = geometry(160, 40, true, 80, true);
    expect(g.pane).toBe("zoom");
    expect(g.paneRows).toBe(g.frameRows - 2);
    expect(g.paneWidth).toBe(80);
    expect(g.paneLeft).toBe(g.articleLeft - 1);
    // The article keeps the geometry it has under a collapsed pane.
    expect(g.articleWidth).toBe(geometry(160, 40, false).articleWidth);
    expect(geometry(160, 40, false, 80, true).pane).toBe("collapsed");
  });

  it("reports too-small terminals", () => {
    expect(geometry(MIN_COLS - 1, 24, false).tooSmall).toBe(true);
    expect(geometry(80, MIN_ROWS - 1, false).tooSmall).toBe(true);
    expect(geometry(MIN_COLS, MIN_ROWS, false).tooSmall).toBe(false);
    expect(geometry(0, 0, true).tooSmall).toBe(true);
  });

  it("property: rows add up to the frame and widths stay positive and inside the screen", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 120 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 200 }),
        fc.boolean(),
        (cols, rows, open, maxWidth, zoom) => {
          const g = geometry(cols, rows, open, maxWidth, zoom);
          expect(g.frameRows).toBe(Math.max(1, rows - 1));
          expect(g.articleWidth).toBeGreaterThanOrEqual(1);
          expect(g.paneWidth).toBeGreaterThanOrEqual(1);
          expect(g.articleRows).toBeGreaterThanOrEqual(1);
          if (g.tooSmall) return;
          expect(usedRows(g)).toBe(g.frameRows);
          expect(g.articleWidth).toBeLessThanOrEqual(Math.max(20, maxWidth));
          expect(g.articleLeft + g.articleWidth).toBeLessThanOrEqual(g.articleArea);
          const beside = cols >= sidePaneMinCols(maxWidth);
          expect(g.pane).toBe(!open ? "collapsed" : zoom ? "zoom" : beside ? "side" : "bottom");
          if (g.pane === "side") {
            expect(g.articleArea + g.paneWidth + 3).toBe(cols);
            expect(g.paneWidth).toBeGreaterThanOrEqual(SIDE_PANE_MIN_WIDTH);
            expect(g.articleWidth).toBeGreaterThanOrEqual(Math.min(60, Math.max(20, maxWidth)));
          } else {
            // Bar, text and a margin column inside the screen, the text no wider than the article's.
            expect(g.paneLeft + 1 + g.paneWidth + 1).toBeLessThanOrEqual(cols);
            expect(g.paneWidth).toBeLessThanOrEqual(g.articleWidth);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
