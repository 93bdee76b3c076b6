// Ctrl+E in the reply form: the comment is written in the user's editor ($VISUAL, else $EDITOR,
// else vi), run through the shell as git runs it (so "code -w" works), with the terminal handed
// over for the while (screen.ts). As tuir and rtv do, the comment replied to is quoted below the
// text in lines that start with "#|"; they are removed when the editor returns.
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { handOver } from "./screen.js";

export const QUOTE_MARK = "#|";

/** The file the editor opens: the text, then the quoted lines. */
export function editorText(text: string, quote: string): string {
  const lines = [
    `${QUOTE_MARK} Write your comment above. Lines starting with ${QUOTE_MARK} are removed.`,
    ...(quote === ""
      ? []
      : [`${QUOTE_MARK} Replying to:`, ...quote.split("\n").map((l) => `${QUOTE_MARK} ${l}`)]),
  ];
  const body = text === "" ? "\n" : text.endsWith("\n") ? text : `${text}\n`;
  return `${body}\n${lines.join("\n")}\n`;
}

/** What the editor left: the quoted lines removed, and trailing blank lines. */
export function fromEditor(written: string): string {
  return written
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .filter((line) => !line.startsWith(QUOTE_MARK))
    .join("\n")
    .replace(/\s+$/, "");
}

export type Edited = { text?: string; message?: string };

/** Runs the editor on `text` (blocking, the terminal handed over); its result, or why not. */
export function editExternally(text: string, quote: string): Edited {
  const editor = process.env.VISUAL || process.env.EDITOR || "vi";
  const dir = mkdtempSync(join(tmpdir(), "lectern-reply-"));
  const file = join(dir, "reply.txt");
  let tty: number | undefined;
  try {
    writeFileSync(file, editorText(text, quote), { mode: 0o600 });
    // Keys may come from /dev/tty (stdin a pipe): the editor reads them there too.
    if (!process.stdin.isTTY) {
      try {
        tty = openSync("/dev/tty", "r");
      } catch {
        // No terminal: the editor gets stdin as it is.
      }
    }
    const result = handOver(() =>
      spawnSync("/bin/sh", ["-c", `${editor} "$1"`, "sh", file], {
        stdio: [tty ?? "inherit", "inherit", "inherit"],
      }),
    );
    if (result.error || result.status !== 0) {
      return { message: `The editor (${editor}) failed; the comment is as it was` };
    }
    return { text: fromEditor(readFileSync(file, "utf8")) };
  } catch {
    return { message: "Could not run the editor; the comment is as it was" };
  } finally {
    if (tty !== undefined) closeSync(tty);
    rmSync(dir, { recursive: true, force: true });
  }
}
