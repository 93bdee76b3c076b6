// The one table of key bindings: command → keys, per context. A Keymap is a value made from these
// defaults (plus, later, the user's own keys) and carried in the reader's state: the reducer's
// input mapping, the status line's hints, the help overlay and the README's key list all come
// from it.
import type { Key } from "ink";

export type Command =
  | "lineDown"
  | "lineUp"
  | "pageDown"
  | "pageUp"
  | "halfDown"
  | "halfUp"
  | "top"
  | "bottom"
  | "nextSection"
  | "prevSection"
  | "toc"
  | "togglePane"
  | "switchFocus"
  | "toggleThread"
  | "collapseOrParent"
  | "expand"
  | "collapseAll"
  | "expandAll"
  | "help"
  | "back"
  | "quit"
  | "forceQuit"
  | "choose"
  | "links"
  | "nextThread"
  | "prevThread"
  | "nextSibling"
  | "prevSibling"
  | "parent"
  | "zoom"
  | "search"
  | "nextMatch"
  | "prevMatch"
  | "promptAccept"
  | "promptLeft"
  | "promptRight"
  | "promptHome"
  | "promptEnd"
  | "promptBackspace"
  | "promptClear"
  | "promptDeleteWord"
  | "historyPrev"
  | "historyNext"
  | "widen"
  | "narrow"
  | "resetWidth"
  | "suspend"
  | "sort"
  | "reply"
  | "editReply"
  | "deleteReply"
  | "formPost"
  | "formEditor"
  | "formDiscard";

/**
 * Where a binding applies: everywhere, reading the article, in the focused comments pane, or in
 * the table of contents.
 */
export type Context =
  | "global"
  | "article"
  | "pane"
  | "toc"
  | "links"
  | "search"
  | "list"
  | "filter"
  | "form";

/** The contexts a key can arrive in (global bindings apply in all of them). */
export type KeyContext = Exclude<Context, "global">;

export type Binding = {
  command: Command;
  context: Context;
  keys: string[];
  /** What the help overlay says it does. */
  help: string;
};

// Key names: "down", "up", "left", "right", "pageDown", "pageUp", "home", "end", "tab",
// "shift+tab", "enter", "escape", "space", "backspace", "ctrl+" and a letter, or the character
// itself ("j", "G", "?"). The config file's spellings (pgdn, esc…) become these in config/keys.ts.
export const BINDINGS: Binding[] = [
  // The list of articles (a folder, or several paths); "/" (search) starts a filter there.
  { command: "lineDown", context: "list", keys: ["down", "j"], help: "next article" },
  { command: "lineUp", context: "list", keys: ["up", "k"], help: "previous article" },
  { command: "pageDown", context: "list", keys: ["pageDown", "space", "f"], help: "down a page" },
  { command: "pageUp", context: "list", keys: ["pageUp", "b"], help: "up a page" },
  { command: "top", context: "list", keys: ["home", "g"], help: "first article" },
  { command: "bottom", context: "list", keys: ["end", "G"], help: "last article" },
  {
    command: "choose",
    context: "list",
    keys: ["enter"],
    help: "open the article (a file that could not be read: its whole error)",
  },
  {
    command: "sort",
    context: "list",
    keys: ["s"],
    help: "sort by last read, title, date or comments (remembered)",
  },
  { command: "lineDown", context: "filter", keys: ["down"], help: "next article" },
  { command: "lineUp", context: "filter", keys: ["up"], help: "previous article" },
  { command: "choose", context: "filter", keys: ["enter"], help: "open the highlighted article" },
  { command: "promptBackspace", context: "filter", keys: ["backspace"], help: "delete a letter" },
  { command: "promptDeleteWord", context: "filter", keys: ["ctrl+w"], help: "delete a word" },
  { command: "promptClear", context: "filter", keys: ["ctrl+u"], help: "clear the filter" },
  { command: "lineDown", context: "article", keys: ["down", "j"], help: "down one line" },
  { command: "lineUp", context: "article", keys: ["up", "k"], help: "up one line" },
  {
    command: "pageDown",
    context: "article",
    keys: ["pageDown", "space", "f", "ctrl+f"],
    help: "down a page",
  },
  { command: "pageUp", context: "article", keys: ["pageUp", "b", "ctrl+b"], help: "up a page" },
  { command: "halfDown", context: "article", keys: ["d", "ctrl+d"], help: "down half a page" },
  { command: "halfUp", context: "article", keys: ["u", "ctrl+u"], help: "up half a page" },
  { command: "top", context: "article", keys: ["home", "g"], help: "top of the article" },
  { command: "bottom", context: "article", keys: ["end", "G"], help: "end of the article" },
  {
    command: "nextSection",
    context: "article",
    keys: ["right", "l"],
    help: "next section (heading to the top)",
  },
  {
    command: "prevSection",
    context: "article",
    keys: ["left", "h"],
    help: "previous section (or this one's heading)",
  },
  // The comments pane: paging as in the article; folding on its own keys; moving by thread
  // after hackernews-TUI, circumflex and tuir (J sibling, as tuir; p parent; [ ] threads, since
  // n / N belong to search).
  { command: "lineDown", context: "pane", keys: ["down", "j"], help: "next comment" },
  { command: "lineUp", context: "pane", keys: ["up", "k"], help: "previous comment" },
  {
    command: "pageDown",
    context: "pane",
    keys: ["pageDown", "space", "f", "ctrl+f"],
    help: "down a page of comments",
  },
  {
    command: "pageUp",
    context: "pane",
    keys: ["pageUp", "b", "ctrl+b"],
    help: "up a page of comments",
  },
  { command: "halfDown", context: "pane", keys: ["d", "ctrl+d"], help: "down half a page" },
  { command: "halfUp", context: "pane", keys: ["u", "ctrl+u"], help: "up half a page" },
  { command: "top", context: "pane", keys: ["home", "g"], help: "first comment" },
  { command: "bottom", context: "pane", keys: ["end", "G"], help: "last comment" },
  { command: "nextThread", context: "pane", keys: ["]"], help: "next top-level comment" },
  {
    command: "prevThread",
    context: "pane",
    keys: ["["],
    help: "previous top-level comment (or the top of this thread)",
  },
  {
    command: "nextSibling",
    context: "pane",
    keys: ["J"],
    help: "next reply to the same comment (next sibling)",
  },
  { command: "prevSibling", context: "pane", keys: ["K"], help: "previous sibling" },
  { command: "parent", context: "pane", keys: ["p"], help: "the comment this one replies to" },
  {
    command: "toggleThread",
    context: "pane",
    keys: ["enter"],
    help: "fold or unfold the comment and its replies",
  },
  {
    command: "collapseOrParent",
    context: "pane",
    keys: ["left", "h"],
    help: "fold the thread; if folded or without replies, go to its parent",
  },
  {
    command: "expand",
    context: "pane",
    keys: ["right", "l"],
    help: "unfold the thread; if open, go to its first reply",
  },
  { command: "collapseAll", context: "pane", keys: ["C"], help: "fold every thread" },
  { command: "expandAll", context: "pane", keys: ["E"], help: "unfold every thread" },
  { command: "lineDown", context: "toc", keys: ["down", "j"], help: "next entry" },
  { command: "lineUp", context: "toc", keys: ["up", "k"], help: "previous entry" },
  {
    command: "pageDown",
    context: "toc",
    keys: ["pageDown", "space", "f", "ctrl+f"],
    help: "down a page",
  },
  { command: "pageUp", context: "toc", keys: ["pageUp", "b", "ctrl+b"], help: "up a page" },
  { command: "halfDown", context: "toc", keys: ["d", "ctrl+d"], help: "down half a page" },
  { command: "halfUp", context: "toc", keys: ["u", "ctrl+u"], help: "up half a page" },
  { command: "top", context: "toc", keys: ["home", "g"], help: "first entry" },
  { command: "bottom", context: "toc", keys: ["end", "G"], help: "last entry" },
  { command: "choose", context: "toc", keys: ["enter"], help: "jump there" },
  { command: "lineDown", context: "links", keys: ["down", "j"], help: "next link" },
  { command: "lineUp", context: "links", keys: ["up", "k"], help: "previous link" },
  {
    command: "pageDown",
    context: "links",
    keys: ["pageDown", "space", "f", "ctrl+f"],
    help: "down a page",
  },
  { command: "pageUp", context: "links", keys: ["pageUp", "b", "ctrl+b"], help: "up a page" },
  { command: "halfDown", context: "links", keys: ["d", "ctrl+d"], help: "down half a page" },
  { command: "halfUp", context: "links", keys: ["u", "ctrl+u"], help: "up half a page" },
  { command: "top", context: "links", keys: ["home", "g"], help: "first link" },
  { command: "bottom", context: "links", keys: ["end", "G"], help: "last link" },
  {
    command: "choose",
    context: "links",
    keys: ["enter"],
    help: "open the link in the browser ($BROWSER, else the system's opener)",
  },
  { command: "promptAccept", context: "search", keys: ["enter"], help: "keep the search" },
  { command: "promptLeft", context: "search", keys: ["left"], help: "cursor left" },
  { command: "promptRight", context: "search", keys: ["right"], help: "cursor right" },
  {
    command: "promptHome",
    context: "search",
    keys: ["home", "ctrl+a"],
    help: "cursor to the start",
  },
  { command: "promptEnd", context: "search", keys: ["end", "ctrl+e"], help: "cursor to the end" },
  {
    command: "promptBackspace",
    context: "search",
    keys: ["backspace"],
    help: "delete the character before the cursor",
  },
  { command: "promptClear", context: "search", keys: ["ctrl+u"], help: "clear the query" },
  {
    command: "promptDeleteWord",
    context: "search",
    keys: ["ctrl+w"],
    help: "delete the word before the cursor",
  },
  { command: "historyPrev", context: "search", keys: ["up"], help: "an earlier query" },
  { command: "historyNext", context: "search", keys: ["down"], help: "a later query" },
  // Replying: r on the article or on the selected comment opens the form (state/form.ts).
  {
    command: "reply",
    context: "article",
    keys: ["r"],
    help: "reply to the article (Leave a Reply)",
  },
  { command: "reply", context: "pane", keys: ["r"], help: "reply to the selected comment" },
  { command: "editReply", context: "pane", keys: ["e"], help: "edit your reply" },
  { command: "deleteReply", context: "pane", keys: ["D"], help: "delete your reply (asks first)" },
  // In the reply form, keys are text but for these (and the global Tab, Esc, Ctrl+C, Ctrl+Z).
  {
    command: "choose",
    context: "form",
    keys: ["enter"],
    help: "a new line in the comment; the next field; on Post Comment, post",
  },
  {
    command: "formPost",
    context: "form",
    keys: ["ctrl+s"],
    help: "post the comment (checks first)",
  },
  {
    command: "formEditor",
    context: "form",
    keys: ["ctrl+e"],
    help: "write the comment in $VISUAL / $EDITOR (the comment replied to quoted)",
  },
  {
    command: "formDiscard",
    context: "form",
    keys: ["ctrl+d"],
    help: "discard the draft (asks first)",
  },
  { command: "promptLeft", context: "form", keys: ["left"], help: "cursor left" },
  { command: "promptRight", context: "form", keys: ["right"], help: "cursor right" },
  {
    command: "lineUp",
    context: "form",
    keys: ["up"],
    help: "line up (from the first, the field above)",
  },
  {
    command: "lineDown",
    context: "form",
    keys: ["down"],
    help: "line down (from the last, the field below)",
  },
  { command: "promptHome", context: "form", keys: ["home", "ctrl+a"], help: "start of the line" },
  { command: "promptEnd", context: "form", keys: ["end"], help: "end of the line" },
  {
    command: "promptBackspace",
    context: "form",
    keys: ["backspace"],
    help: "delete the character before the cursor",
  },
  {
    command: "promptDeleteWord",
    context: "form",
    keys: ["ctrl+w"],
    help: "delete the word before the cursor",
  },
  {
    command: "promptClear",
    context: "form",
    keys: ["ctrl+u"],
    help: "delete to the start of the line",
  },
  {
    command: "search",
    context: "global",
    keys: ["/"],
    help: "search the article and the comments (type; Enter keeps it)",
  },
  {
    command: "nextMatch",
    context: "global",
    keys: ["n"],
    help: "next match (into the comments, unfolding threads)",
  },
  { command: "prevMatch", context: "global", keys: ["N"], help: "previous match" },
  {
    command: "links",
    context: "global",
    keys: ["o"],
    help: "links of this section, or of the selected comment (Esc closes)",
  },
  { command: "toc", context: "global", keys: ["t"], help: "table of contents (Esc closes)" },
  { command: "togglePane", context: "global", keys: ["c"], help: "open or collapse the comments" },
  {
    command: "zoom",
    context: "global",
    keys: ["z"],
    help: "the discussion on the whole screen, and back",
  },
  {
    command: "switchFocus",
    context: "global",
    keys: ["tab", "shift+tab"],
    help: "move focus between article and comments",
  },
  { command: "help", context: "global", keys: ["?"], help: "this help" },
  { command: "back", context: "global", keys: ["escape"], help: "close an overlay" },
  {
    command: "quit",
    context: "global",
    keys: ["q"],
    help: "quit (closes an overlay first; back to the list)",
  },
  { command: "forceQuit", context: "global", keys: ["ctrl+c"], help: "quit at once" },
  // The measure and the terminal (settings: src/config/).
  { command: "widen", context: "global", keys: ["+"], help: "widen the text (remembered)" },
  { command: "narrow", context: "global", keys: ["-"], help: "narrow the text (remembered)" },
  { command: "resetWidth", context: "global", keys: ["="], help: "the text's usual width" },
  {
    command: "suspend",
    context: "global",
    keys: ["ctrl+z"],
    help: "suspend to the shell (fg comes back)",
  },
];

export type Keymap = {
  readonly bindings: readonly Binding[];
  /** The command a key means in a context (the context's own binding first, then global). */
  commandFor(key: string, context: KeyContext): Command | undefined;
  /** The command a key means by the context's own bindings only (no global fallback). */
  ownCommand(key: string, context: KeyContext): Command | undefined;
  /** The first key of a command in a context, as people write it ("c", "Tab"), for hints. */
  keyFor(command: Command, context: Context): string | undefined;
};

/** A keymap from a table of bindings (the defaults unless given). */
export function createKeymap(bindings: readonly Binding[] = BINDINGS): Keymap {
  const lookup = new Map<string, Command>();
  for (const b of bindings) for (const k of b.keys) lookup.set(`${b.context}:${k}`, b.command);
  return {
    bindings,
    commandFor: (key, context) => lookup.get(`${context}:${key}`) ?? lookup.get(`global:${key}`),
    ownCommand: (key, context) => lookup.get(`${context}:${key}`),
    keyFor: (command, context) => {
      const b =
        bindings.find((x) => x.command === command && x.context === context) ??
        bindings.find((x) => x.command === command && x.context === "global");
      const k = b?.keys[0];
      return k === undefined ? undefined : keyLabel(k);
    },
  };
}

export const DEFAULT_KEYMAP: Keymap = createKeymap();

/** The command a key means in a context, with the default keys. */
export function commandFor(key: string, context: KeyContext): Command | undefined {
  return DEFAULT_KEYMAP.commandFor(key, context);
}

/** Ink's (input, key) → one key name of the table, or undefined for keys the table lacks. */
export function keyName(input: string, key: Key): string | undefined {
  if (key.ctrl && input === "c") return "ctrl+c";
  // Ink names the Backspace key (DEL, 0x7f) "delete" on most terminals, like the Delete key.
  if (key.backspace || key.delete) return "backspace";
  if (key.downArrow) return "down";
  if (key.upArrow) return "up";
  if (key.leftArrow) return "left";
  if (key.rightArrow) return "right";
  if (key.pageDown) return "pageDown";
  if (key.pageUp) return "pageUp";
  if (key.home) return "home";
  if (key.end) return "end";
  if (key.tab) return key.shift ? "shift+tab" : "tab";
  if (key.return) return "enter";
  if (key.escape) return "escape";
  if (input === " ") return "space";
  if (key.ctrl && !key.meta && /^[a-z]$/.test(input)) return `ctrl+${input}`;
  if (key.ctrl || key.meta) return undefined;
  return input.length === 1 ? input : undefined;
}

/**
 * Keys that arrive in one read (typed during start-up, auto-repeat while busy, a paste) come as
 * one string: each character is a key of its own, Enter, Tab and control keys included.
 */
export function burstKeys(input: string): string[] {
  const keys: string[] = [];
  for (const char of input) {
    const code = char.charCodeAt(0);
    if (char === "\r" || char === "\n") keys.push("enter");
    else if (char === "\t") keys.push("tab");
    else if (char === " ") keys.push("space");
    else if (code === 0x7f || code === 0x08) keys.push("backspace");
    else if (code >= 1 && code <= 26) keys.push(`ctrl+${String.fromCharCode(code + 96)}`);
    else if (code >= 0x20) keys.push(char);
  }
  return keys;
}

const LABELS: Record<string, string> = {
  down: "↓",
  up: "↑",
  left: "←",
  right: "→",
  pageDown: "PgDn",
  pageUp: "PgUp",
  home: "Home",
  end: "End",
  tab: "Tab",
  "shift+tab": "Shift+Tab",
  enter: "Enter",
  escape: "Esc",
  space: "Space",
  backspace: "Backspace",
};

/** How a key is written for people: "↓", "PgDn", "j". */
export function keyLabel(key: string): string {
  const known = LABELS[key];
  if (known) return known;
  const ctrl = /^ctrl\+(.)$/.exec(key);
  return ctrl ? `Ctrl+${(ctrl[1] as string).toUpperCase()}` : key;
}

/** The table as help rows: keys, what they do, grouped by context. */
export function helpRows(
  keymap: Keymap = DEFAULT_KEYMAP,
): { context: Context; keys: string; help: string }[] {
  return keymap.bindings.map((b) => ({
    context: b.context,
    keys: b.keys.map(keyLabel).join(" / "),
    help: b.help,
  }));
}

/** The contexts in the order the help and the README list them, with their titles. */
export const CONTEXT_ORDER: Context[] = [
  "article",
  "pane",
  "toc",
  "links",
  "search",
  "list",
  "filter",
  "form",
  "global",
];
export const CONTEXT_NAMES: Record<Context, string> = {
  article: "Reading the article",
  pane: "In the comments pane (Tab focuses it)",
  toc: "In the table of contents (t opens it)",
  links: "In the list of links (o opens it)",
  search: "Typing a search (/ opens it; other keys type)",
  list: "In the list of articles",
  filter: "Typing a filter in the list (/ starts it; Esc clears it; other keys type)",
  form: "Writing a reply (r opens the form; Tab and Shift+Tab move between its fields, Esc closes it keeping the draft; other keys type)",
  global: "Everywhere",
};

/** The key table as Markdown, for the README (kept in sync by tests/readme.test.ts). */
export function keysMarkdown(): string {
  const out: string[] = [];
  for (const context of CONTEXT_ORDER) {
    out.push(`**${CONTEXT_NAMES[context]}**`, "", "| keys | does |", "|---|---|");
    for (const b of BINDINGS.filter((binding) => binding.context === context)) {
      const keys = b.keys.map((k) => `\`${keyLabel(k)}\``).join(" ");
      out.push(`| ${keys} | ${b.help} |`);
    }
    out.push("");
  }
  return out.join("\n").trimEnd();
}
