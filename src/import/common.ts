// What the importers share: reading loosely typed JSON, dates (epoch seconds → ISO with Z), ids
// and slugs, and the notices that say in one line each what an import left out or changed.
import { HTTP_URL, ISO_DATE, SLUG } from "../content/rules.js";

export type Obj = Record<string, unknown>;

export const isObject = (value: unknown): value is Obj =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const obj = (value: unknown): Obj => (isObject(value) ? value : {});
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A non-empty string after trimming, or undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

export const int = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isSafeInteger(value) ? value : undefined;

/** A source id (number or string) as a comment id. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return str(value);
}

/** The latest instant an ISO date in the schema can hold (9999-12-31T23:59:59Z). */
const MAX_EPOCH = 253402300799;

/** Epoch seconds → "2020-03-03T09:12:00Z", or undefined when missing or out of range. */
export function epochToIso(value: unknown): string | undefined | "out of range" {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_EPOCH) {
    return "out of range";
  }
  return new Date(Math.floor(value) * 1000).toISOString().replace(".000Z", "Z");
}

/** An ISO date-time string as the schema takes it (kept as written), or "bad". */
export function isoOf(value: unknown): string | undefined | "bad" {
  const text = str(value);
  if (text === undefined) return undefined;
  return ISO_DATE.test(text) ? text : "bad";
}

export const httpUrl = (value: unknown): string | undefined => {
  const text = str(value);
  return text !== undefined && HTTP_URL.test(text) ? text : undefined;
};

/** A slug for an article id: lowercase letters and digits joined by single dashes. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
  return SLUG.test(slug) ? slug : "article";
}

/** A kind of notice: what happened (one case, several) and what was done about it. */
export type Kind = { one: string; many: string; done: string };

/** Kinds of notice shared by the importers; {n} is the count. */
export const NOTE = {
  noText: {
    one: "a comment has no text",
    many: "{n} comments have no text",
    done: "shown as “[no text]”",
  },
  badDate: {
    one: "a date is out of range or unreadable",
    many: "{n} dates are out of range or unreadable",
    done: "left out",
  },
  orphan: {
    one: "a reply's parent is not in this file",
    many: "{n} replies' parents are not in this file",
    done: "shown at the top level",
  },
  duplicate: {
    one: "a comment appears twice",
    many: "{n} comments appear twice",
    done: "the later copies left out",
  },
  noId: { one: "a comment has no id", many: "{n} comments have no id", done: "given one" },
} satisfies Record<string, Kind>;

/**
 * Notices, gathered by kind so that a thousand deleted comments make one line, not a thousand:
 * "2 comments have no text (c1, c7); shown as “[no text]”".
 */
export class Notices {
  private readonly kinds = new Map<Kind, { count: number; examples: string[] }>();
  private readonly lines: string[] = [];

  /** A one-off line. */
  say(line: string): void {
    this.lines.push(line);
  }

  /** One more case of `kind`, with an example (a comment's id) to name. */
  count(kind: Kind, example?: string): void {
    const entry = this.kinds.get(kind) ?? { count: 0, examples: [] };
    entry.count++;
    if (example !== undefined && entry.examples.length < 3) entry.examples.push(example);
    this.kinds.set(kind, entry);
  }

  list(): string[] {
    const counted = [...this.kinds].map(([kind, { count, examples }]) => {
      const what = count === 1 ? kind.one : kind.many.replace("{n}", String(count));
      const more = count > examples.length ? ", …" : "";
      const ids = examples.length > 0 ? ` (${examples.join(", ")}${more})` : "";
      return `${what}${ids}; ${kind.done}`;
    });
    return [...this.lines, ...counted];
  }
}

export type RawComment = {
  id: string;
  parentId?: string;
  author?: string;
  postedAt?: string;
  points?: number;
  moreReplies?: number;
  paragraphs: string[];
};

/** The date of a comment, noting one that is out of range or unreadable. */
export function commentDate(
  value: string | undefined | "out of range" | "bad",
  id: string,
  notices: Notices,
): string | undefined {
  if (value === "out of range" || value === "bad") {
    notices.count(NOTE.badDate, id);
    return undefined;
  }
  return value;
}

/** Drop undefined values so the result has only keys the schema knows and values it takes. */
export function compact<T extends Obj>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const TIME = "(?:\\s*(?:at|,|@)?\\s*(\\d{1,2}):(\\d{2})\\s*([ap])\\.?m\\.?)?";
/** "February 24, 2012 at 6:45 pm" and "24 February 2012, 18:45" as pages and text write them. */
const MONTH_FIRST = new RegExp(`${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}`, "i");
const DAY_FIRST = new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})${TIME}`, "i");

const pad = (n: number) => String(n).padStart(2, "0");

/** A date written for people, found in `text` → ISO ("2012-02-24T18:45"), with where it was. */
export function findHumanDate(
  text: string,
): { iso: string; index: number; length: number } | undefined {
  let m = MONTH_FIRST.exec(text);
  let month: string | undefined;
  let day: string | undefined;
  let year: string | undefined;
  let rest: (string | undefined)[] = [];
  if (m) [month, day, year, ...rest] = m.slice(1);
  else {
    m = DAY_FIRST.exec(text);
    if (m) [day, month, year, ...rest] = m.slice(1);
  }
  if (!m || !month || !day || !year) return undefined;
  const monthIndex = MONTHS.findIndex((name) => name.startsWith(month.toLowerCase().slice(0, 3)));
  let iso = `${year}-${pad(monthIndex + 1)}-${pad(Number(day))}`;
  const [hour, minute, half] = rest;
  if (hour !== undefined && minute !== undefined) {
    let h = Number(hour) % 12;
    if (half?.toLowerCase() === "p") h += 12;
    iso += `T${pad(h)}:${minute}`;
  }
  return ISO_DATE.test(iso) ? { iso, index: m.index, length: m[0].length } : undefined;
}
