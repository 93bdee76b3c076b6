// Ink measures rows with Lectern's widths (src/ui/ink-width.ts, swapped in by scripts/build.mjs):
// styling and links take no columns, and a cluster the terminal reported differently counts as
// the terminal draws it, as it did in the layout.
import { afterEach, describe, expect, it } from "vitest";
import { setMeasuredWidths } from "../../src/layout/measure.js";
import { inkStringWidth, inkWidestLine } from "../../src/ui/ink-width.js";

afterEach(() => setMeasuredWidths(new Map()));

describe("the widths Ink lays out by", () => {
  it("counts no columns for SGR styling or an OSC 8 link", () => {
    const link = "\u001b]8;;https://example.com/a\u001b\\here\u001b]8;;\u001b\\";
    expect(inkStringWidth(`\u001b[1m“Bold”\u001b[22m and ${link}`)).toBe(15);
  });

  it("counts wide and combining text as the terminal draws it", () => {
    expect(inkStringWidth("日本語")).toBe(6);
    expect(inkStringWidth("e\u0301te\u0301")).toBe(3);
    expect(inkStringWidth("")).toBe(0);
  });

  it("follows the widths the terminal reported", () => {
    const family = "👨\u200d👩\u200d👧";
    expect(inkStringWidth(family)).toBe(2);
    setMeasuredWidths(new Map([[family, 6]]));
    expect(inkStringWidth(`a${family}b`)).toBe(8);
  });

  it("gives the widest line of several", () => {
    expect(inkWidestLine("ab\n\u001b[7mwidest\u001b[27m\nc")).toBe(6);
  });
});
