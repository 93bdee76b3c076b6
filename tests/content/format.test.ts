// Wording shared by print mode and the reader: dates as the seed prints them, the discussion
// heading, the stand-in name for a comment without an author.
import { describe, expect, it } from "vitest";
import {
  ANONYMOUS,
  commentAuthor,
  discussionHeading,
  formatDate,
} from "../../src/content/format.js";

describe("formatDate", () => {
  it("writes a local date-time the way the seed does", () => {
    expect(formatDate("2012-02-24T18:45")).toBe("February 24, 2012 at 6:45 pm");
  });

  it("midnight is 12 am and noon is 12 pm", () => {
    expect(formatDate("2012-03-06T00:11")).toBe("March 6, 2012 at 12:11 am");
    expect(formatDate("2012-03-06T12:00")).toBe("March 6, 2012 at 12:00 pm");
    expect(formatDate("2012-03-06T11:59")).toBe("March 6, 2012 at 11:59 am");
    expect(formatDate("2012-03-06T23:05")).toBe("March 6, 2012 at 11:05 pm");
  });

  it("a date alone has no time", () => {
    expect(formatDate("2012-02-22")).toBe("February 22, 2012");
    expect(formatDate("2024-12-01")).toBe("December 1, 2024");
  });

  it("ignores seconds and fractions, and shows a written zone after the time", () => {
    expect(formatDate("2012-02-24T18:45:30")).toBe("February 24, 2012 at 6:45 pm");
    expect(formatDate("2012-02-24T18:45:30.123")).toBe("February 24, 2012 at 6:45 pm");
    expect(formatDate("2012-02-24T18:45Z")).toBe("February 24, 2012 at 6:45 pm UTC");
    expect(formatDate("2012-02-24T18:45+02:00")).toBe("February 24, 2012 at 6:45 pm UTC+02:00");
    expect(formatDate("2012-02-24T18:45-0530")).toBe("February 24, 2012 at 6:45 pm UTC-05:30");
  });

  it("never converts between zones", () => {
    expect(formatDate("2012-02-24T23:30-08:00")).toBe("February 24, 2012 at 11:30 pm UTC-08:00");
  });

  it("returns text it cannot read unchanged", () => {
    expect(formatDate("yesterday")).toBe("yesterday");
  });
});

describe("discussionHeading", () => {
  const title = "T";
  it("words 0, 1, 2 and 1000 comments", () => {
    expect(discussionHeading(0, title)).toBe("No thoughts yet on “T”");
    expect(discussionHeading(1, title)).toBe("1 thought on “T”");
    expect(discussionHeading(2, title)).toBe("2 thoughts on “T”");
    expect(discussionHeading(1000, title)).toBe("1,000 thoughts on “T”");
  });
});

describe("commentAuthor", () => {
  it("stands in Anonymous for a missing author", () => {
    expect(ANONYMOUS).toBe("Anonymous");
    expect(commentAuthor(undefined)).toBe("Anonymous");
    expect(commentAuthor("Ada")).toBe("Ada");
  });
});
