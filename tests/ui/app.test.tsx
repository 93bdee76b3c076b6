// The program's top in Ink: several articles start with the list (columns, broken files last);
// Enter opens the reader, q comes back; keys are read by one handler for the whole program, so
// none is lost while the screen changes, and keys typed together each count. Every wait is on
// what the frame shows.
import { fileURLToPath } from "node:url";
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { type Loaded, loadArticleFile, parseArticle } from "../../src/content/load.js";
import { App } from "../../src/ui/App.js";

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const seed = loadArticleFile(path("../../content/azerbaijan-and-israel.json"), "azerbaijan.json");
const threads = loadArticleFile(
  path("../fixtures/threads/long-discussion.json"),
  "long-discussion.json",
);
const bad = parseArticle(new TextEncoder().encode('{"id": "x", "title": 3}'), "broken.json");

const SEED_TITLE = "Azerbaijan And Israel: The Enemy Of My Enemy Is My Friend";
/** The list cuts the seed's title at 100 columns. */
const SEED_START = "Azerbaijan And Israel: The Enemy";
const THREADS_TITLE = "A Short Article With A Long Discussion";
const DOWN = "\x1b[B";

type Positions = Map<string, { block: number; fraction: number }>;

function setup(entries: Loaded[], positions?: Positions) {
  const view = render(<App entries={entries} positions={positions} />);
  const text = () => view.lastFrame() ?? "";
  const lines = () => text().split("\n");
  const waitFor = async (predicate: (frame: string) => boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!predicate(text())) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; frame:\n${text()}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const chosen = () => lines().find((l) => l.startsWith("❯ ")) ?? "";
  const top = () => lines()[0]?.trim() ?? "";
  return {
    view,
    text,
    lines,
    waitFor,
    chosen,
    top,
    press: (keys: string) => view.stdin.write(keys),
  };
}

const inList = (f: string) => f.includes("/ filter · s sort");

describe("App", { timeout: 30_000 }, () => {
  it("loads its fixtures", () => {
    expect(seed.ok).toBe(true);
    expect(threads.ok).toBe(true);
    expect(bad.ok).toBe(false);
  });

  it("lists the articles in columns, the broken file last with its error", async () => {
    const t = setup([bad, seed, threads]);
    await t.waitFor(inList, "the list");
    const lines = t.lines();
    expect(lines[0]).toContain("Lectern — 3 articles (1 could not be read)");
    expect(lines[2]).toMatch(/title\s+author\s+date\s+time\s+comments\s+progress/);
    expect(lines[3]).toMatch(
      /^❯ A Short Article With A Long Discussion\s+Test Author .*26\s+unread/,
    );
    expect(lines[4]).toMatch(/Azerbaijan And Israel.*Shahin Abbasov\s+4 min\s+2\s+unread/);
    expect(lines[5]).toMatch(/^ {2}✗ broken\.json: /);
    t.view.unmount();
  });

  it("Enter opens the article; the key pressed right after its first frame is not lost", async () => {
    const t = setup([seed, threads, bad]);
    await t.waitFor(inList, "the list");
    t.press("j");
    await t.waitFor(() => t.chosen().includes(SEED_START), "the seed highlighted");
    t.press("\r");
    await t.waitFor((f) => f.includes("By Shahin Abbasov"), "the reader");
    expect(t.top()).toBe(SEED_TITLE);
    expect(t.lines().at(-1)).toMatch(/Top · 4 min · 4 min left · /);
    t.press("l"); // at once, in the same turn as the first frame
    await t.waitFor(() => t.top() === "Tension with Tehran", "l to reach the first section");
    t.press("q");
    await t.waitFor(inList, "the list again");
    expect(t.chosen()).toContain(SEED_START);
    expect(t.chosen()).toMatch(/\d+%\s*$/);
    t.view.unmount();
  });

  it("keys typed together with Enter go to the article it opens", async () => {
    const t = setup([seed, threads]);
    await t.waitFor(inList, "the list");
    t.press("j\rll");
    await t.waitFor(() => t.top() === "Calls for Western help", "the second section");
    t.press("\x1b");
    await t.waitFor(inList, "the list");
    t.view.unmount();
  });

  it("jjjj and ↓↓↓↓ typed together move four rows", async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      ...threads,
      file: `copy-${i}.json`,
    })) as Loaded[];
    const t = setup(many);
    await t.waitFor(inList, "the list");
    const row = () => t.lines().findIndex((l) => l.startsWith("❯ "));
    expect(row()).toBe(3);
    t.press("jjjj");
    await t.waitFor(() => row() === 7, "four rows down");
    t.press(DOWN.repeat(4));
    await t.waitFor(() => row() === 11, "four more");
    t.view.unmount();
  });

  it("Enter on the file that failed to load shows its whole error; Esc goes back", async () => {
    const t = setup([seed, threads, bad]);
    await t.waitFor(inList, "the list");
    t.press("G\r");
    await t.waitFor((f) => f.includes("broken.json could not be read:"), "the error");
    const error = bad.ok ? "" : (bad.errors[0] as string);
    expect(t.text().replace(/\s+/g, " ")).toContain(error.replace(/\s+/g, " "));
    t.press("\x1b");
    await t.waitFor(inList, "the list");
    expect(t.chosen()).toContain("✗ broken.json");
    t.view.unmount();
  });

  it("/ filters as you type, with a count; Esc clears", async () => {
    const t = setup([seed, threads, bad]);
    await t.waitFor(inList, "the list");
    t.press("/azer");
    await t.waitFor((f) => f.includes("1 of 3"), "the count");
    expect(t.chosen()).toContain(SEED_START);
    expect(t.text()).not.toContain(THREADS_TITLE);
    t.press("\x1b");
    await t.waitFor((f) => f.includes(THREADS_TITLE), "every article again");
    expect(t.chosen()).toContain(SEED_START);
    t.view.unmount();
  });

  it("one good article opens straight in the reader", async () => {
    const t = setup([threads]);
    await t.waitFor((f) => f.includes("By Test Author"), "the reader");
    expect(t.top()).toBe(THREADS_TITLE);
    expect(t.text()).not.toContain("s sort");
    t.view.unmount();
  });

  it("reopens an article from the list where it was left", async () => {
    const positions: Positions = new Map();
    const t = setup([seed, threads], positions);
    await t.waitFor(inList, "the list");
    t.press("j\r");
    await t.waitFor(() => t.top() === SEED_TITLE, "the reader");
    t.press("ll");
    await t.waitFor(() => t.top() === "Calls for Western help", "the section");
    t.press("q");
    await t.waitFor(inList, "the list again");
    expect(positions.has("azerbaijan-and-israel")).toBe(true);
    t.press("\r");
    await t.waitFor(() => t.top() === "Calls for Western help", "the reader at the same place");
    t.view.unmount();
  });
});
