// The reply form in the Ink component (ink-testing-library): keys as the terminal sends them,
// one at a time, several in one read (a paste, fast typing) and several reads before a frame;
// every character lands, in order; posting shows the reply in the thread and writes it to disk.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { render } from "ink-testing-library";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sanitizeArticle } from "../../src/content/sanitize.js";
import { type Article, articleSchema } from "../../src/content/schema.js";
import { Reader } from "../../src/ui/Reader.js";
import { KEY } from "../helpers/terminal.js";

const seed: Article = sanitizeArticle(
  articleSchema.parse(
    JSON.parse(
      readFileSync(new URL("../../content/azerbaijan-and-israel.json", import.meta.url), "utf8"),
    ),
  ),
);

let data: string;
let previous: string | undefined;
beforeAll(() => {
  previous = process.env.XDG_DATA_HOME;
  data = mkdtempSync(join(tmpdir(), "lectern-form-ui-"));
  process.env.XDG_DATA_HOME = data;
});
afterAll(() => {
  process.env.XDG_DATA_HOME = previous;
  rmSync(data, { recursive: true, force: true });
});

function setup() {
  const view = render(<Reader article={seed} onExit={vi.fn()} />);
  const frame = () => view.lastFrame() ?? "";
  const waitFor = async (what: string | RegExp, timeout = 3000) => {
    const started = Date.now();
    const seen = () => (typeof what === "string" ? frame().includes(what) : what.test(frame()));
    while (!seen()) {
      if (Date.now() - started > timeout) {
        throw new Error(`timed out waiting for ${String(what)}; frame:\n${frame()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return { view, frame, waitFor };
}

describe("the reply form in the reader", () => {
  it("r opens it; keys typed one by one, in a burst, and in reads before a frame all land in order", async () => {
    const { view, waitFor, frame } = setup();
    await waitFor("Azerbaijan And Israel");
    view.stdin.write("r");
    await waitFor("Leave a Reply");
    expect(frame()).toContain(
      "Your email address will not be published. Required fields are marked *",
    );
    view.stdin.write("H");
    await waitFor("┃ H");
    view.stdin.write("ello, world"); // one read: a paste
    view.stdin.write(" and"); // two reads before the next frame
    view.stdin.write(" more");
    await waitFor("┃ Hello, world and more");
    view.stdin.write("\r");
    view.stdin.write("qjk?");
    await waitFor(/┃ Hello, world and more\n\s*┃ qjk\?/);
    view.unmount();
  });

  it("a failed check shows beside its field and keeps the text; posting shows the reply in the thread and writes it", async () => {
    const { view, waitFor, frame } = setup();
    await waitFor("Azerbaijan And Israel");
    view.stdin.write(KEY.tab);
    await waitFor("1/2");
    view.stdin.write("j");
    await waitFor("2/2");
    view.stdin.write("r");
    await waitFor("Reply to Anonymous");
    view.stdin.write("Thanks for the link.");
    view.stdin.write(KEY.tab);
    view.stdin.write("Ann");
    view.stdin.write(KEY.tab);
    view.stdin.write("ann.example.org");
    view.stdin.write("\x13"); // Ctrl+S
    await waitFor("not an email address");
    expect(frame()).toContain("┃ Thanks for the link.");
    expect(frame()).toMatch(/Name\*\s+Ann/);
    view.stdin.write("\x15ann@example.org\x13"); // Ctrl+U, the address, Ctrl+S
    await waitFor("your reply · not published");
    expect(frame()).toContain("3 thoughts on");
    expect(frame()).toContain("Thanks for the link.");
    expect(frame()).not.toContain("ann@example.org");
    const file = join(data, "lectern-nodejs", "replies", `${seed.id}.json`);
    const stored = JSON.parse(readFileSync(file, "utf8"));
    expect(stored.replies).toEqual([
      expect.objectContaining({
        parentId: "c2",
        author: "Ann",
        email: "ann@example.org",
        paragraphs: ["Thanks for the link."],
      }),
    ]);
    view.unmount();
  });
});
