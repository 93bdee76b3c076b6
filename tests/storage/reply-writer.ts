// A child process for tests/storage/reply-durability.test.ts (bundled by tests/helpers/bundle.ts):
// the reader's reply form without the terminal. It drives the real reducer and the real effects
// (ui/reply-effects.ts: drafts within half a second, durable posts) as a person would: opens the
// form on the seed article (getting back any draft), fills in name and email when empty, types
// the text of REPLY_STREAM a key every 1–3 ms (a fast typist, or a paste) and posts after a random length, forever. Every
// event goes to the log file (argument 2) with a synchronous write as it happens, so that what
// the log says was typed or posted is known whenever the process is stopped or killed:
//   open <length of the comment brought back> <ms>
//   t <length of the comment after the key> <ms>
//   posted <id> <length> <ms>       (only once the reply is on disk)
//   w <ms> … W <ms>                 (a draft write began … ended: time the disk took, which the
//                                    half-second promise does not count)
import { openSync, readFileSync, writeSync } from "node:fs";
import { sanitizeArticle } from "../../src/content/sanitize.js";
import { articleSchema } from "../../src/content/schema.js";
import type { Effect } from "../../src/state/effects.js";
import { type Action, initialState, step } from "../../src/state/reducer.js";
import { draftSaver } from "../../src/storage/drafts.js";
import { performReply } from "../../src/ui/reply-effects.js";
import { REPLY_STREAM } from "./reply-stream.js";

const [articlePath = "", logPath = ""] = process.argv.slice(2);
const article = sanitizeArticle(articleSchema.parse(JSON.parse(readFileSync(articlePath, "utf8"))));
const log = openSync(logPath, "a");
const say = (line: string) => writeSync(log, `${line} ${Date.now()}\n`);

const flush = draftSaver.flush.bind(draftSaver);
draftSaver.flush = (identity) => {
  say("w -");
  try {
    return flush(identity);
  } finally {
    say("W -");
  }
};

let state = initialState(100, 30);
let stored: string | undefined;
function dispatch(action: Action): void {
  if (action.type === "reply" && action.event.type === "stored") stored = action.event.reply.id;
  const result = step(article, state, action);
  state = result.state;
  for (const effect of result.effects) run(effect);
}
function run(effect: Effect): void {
  if (effect.type === "openUrl" || effect.type === "saveWidth" || effect.type === "suspend") return;
  performReply(effect, dispatch);
}
const key = (k: string) => dispatch({ type: "key", key: k });
const type = (text: string) => {
  for (const c of text) key(c === " " ? "space" : c);
};

let target = 0;
function open(): void {
  key("r");
  const form = state.reply.form;
  if (!form) throw new Error("the form did not open");
  say(`open ${form.comment.text.length}`);
  if (form.name.text === "" || form.email.text === "") {
    key("tab");
    key("ctrl+u");
    type("Writer");
    key("tab");
    key("ctrl+u");
    type("writer@example.org");
    key("shift+tab");
    key("shift+tab");
  }
  target = 40 + Math.floor(Math.random() * 80);
}

function tick(): void {
  const form = state.reply.form;
  if (!form) throw new Error("the form closed");
  const length = form.comment.text.length;
  if (length >= target) {
    stored = undefined;
    key("ctrl+s");
    if (stored === undefined || state.reply.form) throw new Error(`not posted: ${state.notice}`);
    say(`posted ${stored} ${length}`);
    open();
  } else {
    key(REPLY_STREAM[length] === " " ? "space" : (REPLY_STREAM[length] as string));
    say(`t ${length + 1}`);
  }
  setTimeout(tick, 1 + Math.random() * 2);
}

open();
tick();
