// Wording shared by print mode and the reader: dates as the seed prints them, the discussion
// heading, the name shown for a comment without an author.

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * "2012-02-24T18:45" → "February 24, 2012 at 6:45 pm". The time is shown as written: a local
 * time is never converted to another zone; a written zone is shown after it ("UTC", "UTC+02:00").
 */
export function formatDate(iso: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const [, year, month, day, hour, minute, zone] = m;
  const date = `${MONTHS[Number(month) - 1]} ${Number(day)}, ${year}`;
  if (hour === undefined || minute === undefined) return date;
  const h = Number(hour);
  const clock = `${h % 12 === 0 ? 12 : h % 12}:${minute} ${h < 12 ? "am" : "pm"}`;
  const suffix =
    zone === undefined
      ? ""
      : zone === "Z"
        ? " UTC"
        : ` UTC${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
  return `${date} at ${clock}${suffix}`;
}

/**
 * The short form for narrow columns: "Feb 24, 2012, 6:45 pm" (zone as in formatDate), or with
 * `time` false the date alone, "Feb 24, 2012". Anything that is not an ISO date stays as written.
 */
export function formatShortDate(iso: string, time = true): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const full = formatDate(iso);
  const month = (MONTHS[Number(m[2]) - 1] as string).slice(0, 3);
  const date = `${month} ${Number(m[3])}, ${m[1]}`;
  const at = full.indexOf(" at ");
  return time && at >= 0 ? `${date}, ${full.slice(at + 4)}` : date;
}

/**
 * 20000 → "20,000". Written out rather than toLocaleString, whose first call loads ICU's number
 * formatting (about 10 ms of start-up for one comma).
 */
export function groupDigits(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * "2 thoughts on “Title”", "1 thought on “Title”", "No thoughts yet on “Title”"; when the file
 * holds only some of the source's comments, "20 of 148 thoughts on “Title” in this file".
 */
export function discussionHeading(count: number, title: string, total?: number): string {
  if (total !== undefined && total > count) {
    return `${groupDigits(count)} of ${groupDigits(total)} thoughts on “${title}” in this file`;
  }
  if (count === 0) return `No thoughts yet on “${title}”`;
  return `${groupDigits(count)} ${count === 1 ? "thought" : "thoughts"} on “${title}”`;
}

export const ANONYMOUS = "Anonymous";

export function commentAuthor(author: string | undefined): string {
  return author ?? ANONYMOUS;
}
