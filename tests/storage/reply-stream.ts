// The text the reply writer (reply-writer.ts) types: the same characters at the same offsets in
// every process, so that what is on disk can be checked against what was typed.
const WORDS = ["never", "lose", "a", "word", "of", "what", "you", "write", "kill", "-9"];
export const REPLY_STREAM = Array.from(
  { length: 200 },
  (_, i) => WORDS[(i * 7) % WORDS.length],
).join(" ");
