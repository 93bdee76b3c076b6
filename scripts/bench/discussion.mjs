// Moving around a big discussion, measured where a person feels it, in a pseudo-terminal: with
// the comments pane focused on the 10 MB article's 20,000 comments, each key until the screen
// changes — ] (next top-level comment), C (fold every thread), E (unfold every thread), [ (the
// previous top-level comment), and ↓ ↑ (next and previous comment) as the reference the others
// are compared with in the same run. A round is ] ] C E [ [ ↓ ↑ and ends where it began.
import { openArticle } from "./pty.mjs";
import { summary } from "./stats.mjs";

const TAB = "\t";
export const DISCUSSION_KEYS = { "]": "]", C: "C", E: "E", "[": "[", down: "\x1b[B", up: "\x1b[A" };
export const DISCUSSION_ROUND = ["]", "]", "C", "E", "[", "[", "down", "up"];

/** Returns { keys: { "]": summary, C, E, "[", down, up }, noChange: [] }. */
export async function discussionSession({ cli, article, env, cols, rows, cwd, rounds }) {
  const s = await openArticle({
    cli,
    article,
    cols,
    rows,
    cwd,
    env,
    name: `discussion ${article.name}`,
  });
  try {
    await s.press(TAB, { what: "Tab (focus the comments)" });
    const times = Object.fromEntries(DISCUSSION_ROUND.map((k) => [k, []]));
    const noChange = [];
    for (let round = 0; round < rounds; round++) {
      for (const key of DISCUSSION_ROUND) {
        try {
          const r = await s.press(DISCUSSION_KEYS[key], {
            timeoutMs: 5000,
            quietMs: 40,
            what: `${key} (round ${round + 1})`,
          });
          times[key].push(r.ms);
        } catch (error) {
          if (s.exited) throw error;
          noChange.push(`${article.name}: ${key} in round ${round + 1} changed nothing`);
          if (noChange.length > 3) throw error;
        }
      }
    }
    await s.close("q");
    const keys = {};
    for (const key of Object.keys(times))
      if (times[key].length > 0) keys[key] = summary(times[key]);
    return { keys, noChange };
  } finally {
    s.dispose();
  }
}
