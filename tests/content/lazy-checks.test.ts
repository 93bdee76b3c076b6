// The reader reads a valid article without loading zod: a file the fast check turns down waits,
// with a short message, until finishImports loads the schema and explains it in full.
import { describe, expect, it, vi } from "vitest";

const encoder = new TextEncoder();

async function freshLoader() {
  vi.resetModules();
  return import("../../src/content/load.js");
}

describe("the schema, loaded only for a bad file", () => {
  it("leaves a bad file unexplained until finishImports, which explains it", async () => {
    const load = await freshLoader();
    const bytes = encoder.encode('{"id": "x", "title": 3, "sections": []}');
    const pending = load.parseArticle(bytes, "bad.json");
    expect(pending).toMatchObject({ ok: false, errors: ["bad.json: not a valid article"] });
    const [done] = await load.finishImports([pending]);
    expect(done?.ok).toBe(false);
    const errors = done && !done.ok ? done.errors : [];
    expect(errors).toContain("bad.json: title: must be a string (found a number)");
    expect(errors.some((e) => e.startsWith("bad.json: sections"))).toBe(true);
  });

  it("reads a valid file with no schema loaded", async () => {
    const load = await freshLoader();
    const article = {
      id: "fine",
      title: "Fine",
      sections: [{ paragraphs: ["One paragraph."] }],
    };
    const loaded = load.parseArticle(encoder.encode(JSON.stringify(article)), "fine.json");
    expect(loaded.ok).toBe(true);
    expect(await load.finishImports([loaded])).toEqual([loaded]);
  });

  it("explains at once once the schema is loaded", async () => {
    const load = await freshLoader();
    await load.loadChecks();
    const loaded = load.parseArticle(encoder.encode('{"id": "Bad Id"}'), "b.json");
    expect(loaded.ok).toBe(false);
    expect(loaded.ok ? [] : loaded.errors).not.toContain("b.json: not a valid article");
    expect(loaded.ok ? [] : loaded.errors.length).toBeGreaterThan(1);
  });
});
