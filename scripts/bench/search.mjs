// Search, measured where a person feels it, in a pseudo-terminal: each character typed after `/`
// until the screen shows the first match (highlighted, the view moved), Enter until the count is
// exact (no "~"), and ↓ while a long count is still running (typing and scrolling must not wait):
// the first count in a freshly opened article, which reads (and folds) all of its text.
import { openArticle } from "./pty.mjs";
import { median, summary } from "./stats.mjs";

const DOWN = "\x1b[B";

function statusText(session) {
  const rows = session.rows();
  for (let i = rows.length - 1; i >= 0; i--) if ((rows[i] ?? "").trim() !== "") return rows[i];
  return "";
}

/**
 * `query` is typed a character at a time; `busyQuery` is a common word whose count takes long,
 * to press ↓ during (in a second session of the same article). Returns { type: summary of ms per character, count: ms, duringCount }.
 */
export async function searchSession({ cli, article, env, cols, rows, cwd, query, busyQuery }) {
  const open = (what) =>
    openArticle({ cli, article, cols, rows, cwd, env, name: `${what} ${article.name}` });
  let s = await open("search");
  try {
    await s.press("/", { what: "/" });
    const typed = [];
    for (const ch of query) typed.push((await s.press(ch, { what: `typing ${ch}` })).ms);
    // Enter, then wait for the exact count: “query” N/M without a "~".
    const sent = performance.now();
    s.proc.write("\r");
    const exact = new RegExp(`“${query}” [\\d,]+/[\\d,]+ `);
    const at = await s.waitFor(() => exact.test(statusText(s)), 60_000, "the exact count");
    const countMs = at - sent;
    // A search whose count runs long, in an article just opened (nothing of it read for search
    // yet), and ↓ pressed while it runs.
    s.dispose();
    s = await open("counting");
    await s.press("/", { what: "/" });
    for (const ch of busyQuery) await s.press(ch, { what: `typing ${ch}` });
    await s.press("\r", { what: "Enter" });
    const during = [];
    let counting = 0;
    for (let i = 0; i < 20; i++) {
      const stillCounting = statusText(s).includes("/~");
      const r = await s.press(i % 2 === 0 ? DOWN : "\x1b[A", { what: "↓ while counting" });
      if (stillCounting) {
        counting++;
        during.push(r.ms);
      }
    }
    return {
      typeMs: summary(typed),
      countMs,
      duringCount:
        during.length > 0 ? { ...summary(during), pressesWhileCounting: counting } : null,
      medianTypeMs: median(typed),
    };
  } finally {
    s.dispose();
  }
}
