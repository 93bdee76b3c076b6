// The program's top: several articles start with a list (a file that failed to load is listed
// with its error); Enter opens the reader; q in the reader comes back to the list.
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
const THREADS_TITLE = "A Short Article With A Long Discussion";

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

function setup(entries: Loaded[], positions?: Map<string, { block: number; fraction: number }>) {
  const view = render(<App entries={entries} positions={positions} />);
  const text = () => view.lastFrame() ?? "";
  const waitFor = async (predicate: (frame: string) => boolean, what: string) => {
    for (let i = 0; i < 150; i++) {
      if (predicate(text())) return;
      await tick(20);
    }
    throw new Error(`timed out waiting for ${what}; frame:\n${text()}`);
  };
  /** Write a key, then give React time to draw and to run its effects. */
  const press = async (sequence: string) => {
    view.stdin.write(sequence);
    await tick(60);
  };
  return { view, text, waitFor, press };
}

describe("App", { timeout: 30_000 }, () => {
  it("loads its fixtures", () => {
    expect(seed.ok).toBe(true);
    expect(threads.ok).toBe(true);
    expect(bad.ok).toBe(false);
  });

  it("lists both titles and the bad file's error", async () => {
    const t = setup([seed, threads, bad]);
    await tick(50);
    const frame = t.text();
    expect(frame).toContain("Lectern — 3 articles (1 could not be read)");
    expect(frame).toContain("↑↓ choose · Enter open · q quit");
    expect(frame).toContain(`${SEED_TITLE} — Shahin Abbasov · 2 comments`);
    expect(frame).toContain(`${THREADS_TITLE} — Test Author · 26 comments`);
    const error = bad.ok ? "" : (bad.errors[0] as string);
    expect(error).toMatch(/^broken\.json/);
    expect(frame).toContain(`✗ ${error}`.slice(0, 60));
    const lines = frame.split("\n");
    expect(lines.findIndex((l) => l.includes(SEED_TITLE))).toBeLessThan(
      lines.findIndex((l) => l.includes(THREADS_TITLE)),
    );
    expect(lines.find((l) => l.includes(SEED_TITLE))).toMatch(/^❯ /);
    t.view.unmount();
  });

  it("Enter opens the highlighted article; q goes back to the list", async () => {
    const t = setup([seed, threads, bad]);
    await tick(50);
    await t.press("\r");
    await t.waitFor((f) => f.includes("By Shahin Abbasov"), "the reader");
    let lines = t.text().split("\n");
    expect(lines[0]?.trim()).toBe(SEED_TITLE);
    expect(lines.at(-1)).toContain("q quit");
    expect(t.text()).not.toContain("Enter open");

    // The reader works: ↓ scrolls. (Ink subscribes the reader to keys in an effect that runs
    // after its first frame is drawn, so the key goes in on the next turn of the event loop.)
    await new Promise((resolve) => setImmediate(resolve));
    await t.press("\x1b[B");
    await t.waitFor((f) => f.split("\n")[0]?.trim() === "", "↓ to scroll the first line away");

    await t.press("q");
    await t.waitFor((f) => f.includes("Enter open"), "the list");
    expect(t.text()).toContain(THREADS_TITLE);
    expect(t.text()).toContain("✗ broken.json");
    // The highlight stayed on the article that was open.
    expect(
      t
        .text()
        .split("\n")
        .find((l) => l.includes(SEED_TITLE)),
    ).toMatch(/^❯ /);

    // ↓ and Enter open the second article; Esc comes back too.
    await t.press("\x1b[B");
    expect(
      t
        .text()
        .split("\n")
        .find((l) => l.includes(THREADS_TITLE)),
    ).toMatch(/^❯ /);
    await t.press("\r");
    await t.waitFor((f) => f.includes("By Test Author"), "the second article");
    lines = t.text().split("\n");
    expect(lines[0]?.trim()).toBe(THREADS_TITLE);
    expect(t.text()).toContain("▸ 26 thoughts on");
    await t.press("\x1b");
    await t.waitFor((f) => f.includes("Enter open"), "the list again");
    t.view.unmount();
  });

  it("Enter on the file that failed to load stays on the list", async () => {
    const t = setup([seed, threads, bad]);
    await tick(50);
    await t.press("\x1b[B");
    await t.press("\x1b[B");
    expect(
      t
        .text()
        .split("\n")
        .find((l) => l.includes("broken.json")),
    ).toMatch(/^❯ /);
    await t.press("\r");
    await tick(100);
    expect(t.text()).toContain("Enter open");
    expect(t.text()).toContain("✗ broken.json");
    t.view.unmount();
  });

  it("one good article opens straight in the reader", async () => {
    const t = setup([threads]);
    await tick(50);
    expect(t.text().split("\n")[0]?.trim()).toBe(THREADS_TITLE);
    expect(t.text()).not.toContain("Enter open");
    t.view.unmount();
  });

  it("reopens an article from the list where it was left", async () => {
    const positions = new Map<string, { block: number; fraction: number }>();
    const t = setup([seed, threads], positions);
    await t.waitFor((f) => f.includes(SEED_TITLE), "the list");
    await t.press("\r");
    await t.waitFor((f) => f.split("\n")[0]?.includes(SEED_TITLE) ?? false, "the reader");
    await t.press("l");
    await t.press("l");
    await t.waitFor((f) => f.split("\n")[0]?.trim() === "Calls for Western help", "the section");
    await t.press("q");
    await t.waitFor((f) => f.includes("Enter open"), "the list again");
    expect(positions.has("azerbaijan-and-israel")).toBe(true);
    await t.press("\r");
    await t.waitFor(
      (f) => f.split("\n")[0]?.trim() === "Calls for Western help",
      "the reader at the same place",
    );
  });
});
