// Screen geometry: the frame is one row shorter than the terminal; the article keeps a readable
// measure; the pane opens beside from 120 columns, below (about 40%) otherwise; rows add up.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { geometry, MIN_COLS, MIN_ROWS, SIDE_PANE_MIN_COLS } from "../../src/state/geometry.js";

/** Rows the layout uses: article, pane header (or collapsed line), pane body, status. */
function usedRows(g: ReturnType<typeof geometry>): number {
  if (g.pane === "side") return g.articleRows + 1;
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

  it("opens the pane beside the article from 120 columns", () => {
    const g = geometry(SIDE_PANE_MIN_COLS, 30, true);
    expect(g.pane).toBe("side");
    expect(g.articleRows).toBe(28);
    expect(g.paneRows).toBe(27);
    expect(g.articleArea + g.paneWidth + 3).toBe(120);
    expect(g.paneWidth).toBeGreaterThanOrEqual(35);
    expect(g.articleLeft + g.articleWidth).toBeLessThanOrEqual(g.articleArea);
    const wide = geometry(200, 30, true);
    expect(wide.pane).toBe("side");
    expect(wide.articleWidth).toBe(80);
    expect(wide.paneWidth).toBeGreaterThan(g.paneWidth);
  });

  it("opens the pane below, about 40% of the rows, under 120 columns", () => {
    const g = geometry(SIDE_PANE_MIN_COLS - 1, 25, true);
    expect(g.pane).toBe("bottom");
    const content = g.frameRows - 1;
    const paneOuter = g.paneRows + 1;
    expect(paneOuter / content).toBeGreaterThan(0.3);
    expect(paneOuter / content).toBeLessThan(0.5);
    expect(g.paneWidth).toBe(119 - 2);
    const small = geometry(100, MIN_ROWS + 1, true);
    expect(small.paneRows).toBeGreaterThanOrEqual(2);
    expect(small.articleRows).toBeGreaterThanOrEqual(2);
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
        (cols, rows, open, maxWidth) => {
          const g = geometry(cols, rows, open, maxWidth);
          expect(g.frameRows).toBe(Math.max(1, rows - 1));
          expect(g.articleWidth).toBeGreaterThanOrEqual(1);
          expect(g.paneWidth).toBeGreaterThanOrEqual(1);
          expect(g.articleRows).toBeGreaterThanOrEqual(1);
          if (g.tooSmall) return;
          expect(usedRows(g)).toBe(g.frameRows);
          expect(g.articleWidth).toBeLessThanOrEqual(Math.max(20, maxWidth));
          expect(g.articleLeft + g.articleWidth).toBeLessThanOrEqual(g.articleArea);
          expect(g.pane).toBe(
            open ? (cols >= SIDE_PANE_MIN_COLS ? "side" : "bottom") : "collapsed",
          );
          if (g.pane === "side") expect(g.articleArea + g.paneWidth + 3).toBe(cols);
          if (g.pane === "bottom") expect(g.paneWidth + 2).toBe(cols);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
