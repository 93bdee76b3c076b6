// The key table: every command reachable, no key bound twice where it could clash, Ink keys
// named as the table names them, and the help listing every binding.
import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { helpLines } from "../../src/state/help.js";
import {
  BINDINGS,
  type Command,
  commandFor,
  helpRows,
  keyLabel,
  keyName,
} from "../../src/state/keymap.js";

// Every command, checked for exhaustiveness by the compiler.
const EVERY: Record<Command, true> = {
  lineDown: true,
  lineUp: true,
  pageDown: true,
  pageUp: true,
  halfDown: true,
  halfUp: true,
  top: true,
  bottom: true,
  nextSection: true,
  prevSection: true,
  toc: true,
  togglePane: true,
  switchFocus: true,
  toggleThread: true,
  collapseOrParent: true,
  expand: true,
  collapseAll: true,
  expandAll: true,
  help: true,
  back: true,
  quit: true,
  forceQuit: true,
  choose: true,
  links: true,
  nextThread: true,
  prevThread: true,
  nextSibling: true,
  prevSibling: true,
  parent: true,
  zoom: true,
  search: true,
  nextMatch: true,
  prevMatch: true,
  promptAccept: true,
  promptLeft: true,
  promptRight: true,
  promptHome: true,
  promptEnd: true,
  promptBackspace: true,
  promptClear: true,
  promptDeleteWord: true,
  historyPrev: true,
  historyNext: true,
  widen: true,
  narrow: true,
  resetWidth: true,
  suspend: true,
  sort: true,
  reply: true,
  editReply: true,
  deleteReply: true,
  formPost: true,
  formEditor: true,
  formDiscard: true,
};
const COMMANDS = Object.keys(EVERY) as Command[];

function key(overrides: Partial<Key> = {}): Key {
  return {
    upArrow: false,
    downArrow: false,
    leftArrow: false,
    rightArrow: false,
    pageDown: false,
    pageUp: false,
    home: false,
    end: false,
    return: false,
    escape: false,
    ctrl: false,
    shift: false,
    tab: false,
    backspace: false,
    delete: false,
    meta: false,
    super: false,
    hyper: false,
    capsLock: false,
    numLock: false,
    ...overrides,
  };
}

describe("BINDINGS", () => {
  it("binds every command to at least one key", () => {
    for (const command of COMMANDS) {
      const bound = BINDINGS.filter((b) => b.command === command);
      expect(bound.length, command).toBeGreaterThan(0);
      expect(bound.every((b) => b.keys.length > 0 && b.help.length > 0)).toBe(true);
    }
  });

  it("makes every binding reachable through commandFor", () => {
    const reached = new Set<Command>();
    for (const b of BINDINGS) {
      const contexts = b.context === "global" ? (["article", "pane"] as const) : [b.context];
      for (const context of contexts) {
        for (const k of b.keys) {
          expect(commandFor(k, context), `${context}:${k}`).toBe(b.command);
          reached.add(b.command);
        }
      }
    }
    expect([...reached].sort()).toEqual([...COMMANDS].sort());
  });

  it("binds no key twice in a context, nor in a context and globally", () => {
    const seen = new Map<string, Command>();
    for (const b of BINDINGS) {
      for (const k of b.keys) {
        const id = `${b.context}:${k}`;
        expect(seen.has(id), `${id} bound to ${seen.get(id)} and ${b.command}`).toBe(false);
        seen.set(id, b.command);
      }
    }
    const global = BINDINGS.filter((b) => b.context === "global").flatMap((b) => b.keys);
    for (const b of BINDINGS.filter((x) => x.context !== "global")) {
      for (const k of b.keys)
        expect(global, `${b.context}:${k} shadows a global key`).not.toContain(k);
    }
  });

  it("leaves unknown keys unbound", () => {
    expect(commandFor("Z", "article")).toBeUndefined();
    expect(commandFor("enter", "article")).toBeUndefined();
    expect(commandFor("C", "article")).toBeUndefined();
    expect(commandFor("J", "article")).toBeUndefined();
  });

  it("binds the documented keys", () => {
    const article: [string, Command][] = [
      ["down", "lineDown"],
      ["j", "lineDown"],
      ["up", "lineUp"],
      ["k", "lineUp"],
      ["pageDown", "pageDown"],
      ["space", "pageDown"],
      ["f", "pageDown"],
      ["pageUp", "pageUp"],
      ["b", "pageUp"],
      ["d", "halfDown"],
      ["u", "halfUp"],
      ["ctrl+f", "pageDown"],
      ["ctrl+b", "pageUp"],
      ["ctrl+d", "halfDown"],
      ["ctrl+u", "halfUp"],
      ["home", "top"],
      ["g", "top"],
      ["end", "bottom"],
      ["G", "bottom"],
      ["right", "nextSection"],
      ["l", "nextSection"],
      ["left", "prevSection"],
      ["h", "prevSection"],
      ["t", "toc"],
      ["c", "togglePane"],
      ["tab", "switchFocus"],
      ["?", "help"],
      ["escape", "back"],
      ["q", "quit"],
      ["ctrl+c", "forceQuit"],
    ];
    for (const [k, c] of article) expect(commandFor(k, "article"), k).toBe(c);
    const pane: [string, Command][] = [
      // Issue 11: Space paged the article but folded in the pane, and d / u did nothing there.
      ["enter", "toggleThread"],
      ["space", "pageDown"],
      ["f", "pageDown"],
      ["ctrl+f", "pageDown"],
      ["b", "pageUp"],
      ["ctrl+b", "pageUp"],
      ["d", "halfDown"],
      ["ctrl+d", "halfDown"],
      ["u", "halfUp"],
      ["ctrl+u", "halfUp"],
      ["]", "nextThread"],
      ["[", "prevThread"],
      ["J", "nextSibling"],
      ["K", "prevSibling"],
      ["p", "parent"],
      ["z", "zoom"],
      ["left", "collapseOrParent"],
      ["h", "collapseOrParent"],
      ["right", "expand"],
      ["l", "expand"],
      ["C", "collapseAll"],
      ["E", "expandAll"],
      ["down", "lineDown"],
      ["up", "lineUp"],
      ["tab", "switchFocus"],
      ["q", "quit"],
    ];
    for (const [k, c] of pane) expect(commandFor(k, "pane"), k).toBe(c);
    // The paging keys page in every list and view.
    for (const context of ["toc", "links"] as const) {
      for (const [k, c] of article.slice(4, 15)) expect(commandFor(k, context), k).toBe(c);
    }
  });
});

describe("keyName", () => {
  it("names Ink's special keys", () => {
    expect(keyName("", key({ downArrow: true }))).toBe("down");
    expect(keyName("", key({ upArrow: true }))).toBe("up");
    expect(keyName("", key({ leftArrow: true }))).toBe("left");
    expect(keyName("", key({ rightArrow: true }))).toBe("right");
    expect(keyName("", key({ pageDown: true }))).toBe("pageDown");
    expect(keyName("", key({ pageUp: true }))).toBe("pageUp");
    expect(keyName("", key({ home: true }))).toBe("home");
    expect(keyName("", key({ end: true }))).toBe("end");
    expect(keyName("\t", key({ tab: true }))).toBe("tab");
    expect(keyName("\r", key({ return: true }))).toBe("enter");
    expect(keyName("", key({ escape: true }))).toBe("escape");
    expect(keyName("c", key({ ctrl: true }))).toBe("ctrl+c");
  });

  it("names characters as themselves, space as space, and drops other chords", () => {
    expect(keyName("j", key())).toBe("j");
    expect(keyName("G", key({ shift: true }))).toBe("G");
    expect(keyName("?", key())).toBe("?");
    expect(keyName(" ", key())).toBe("space");
    expect(keyName("x", key({ ctrl: true }))).toBe("ctrl+x");
    expect(keyName("x", key({ meta: true }))).toBeUndefined();
    expect(keyName("ab", key())).toBeUndefined();
    expect(keyName("", key())).toBeUndefined();
  });

  it("round-trips: every bound key name except chords can come out of keyName", () => {
    const special: Record<string, [string, Partial<Key>]> = {
      down: ["", { downArrow: true }],
      up: ["", { upArrow: true }],
      left: ["", { leftArrow: true }],
      right: ["", { rightArrow: true }],
      pageDown: ["", { pageDown: true }],
      pageUp: ["", { pageUp: true }],
      home: ["", { home: true }],
      end: ["", { end: true }],
      tab: ["\t", { tab: true }],
      "shift+tab": ["\t", { tab: true, shift: true }],
      enter: ["\r", { return: true }],
      escape: ["", { escape: true }],
      space: [" ", {}],
      "ctrl+c": ["c", { ctrl: true }],
      // Ink reports the Backspace key (DEL) as "delete" on most terminals.
      backspace: ["", { delete: true }],
    };
    for (const b of BINDINGS) {
      for (const k of b.keys) {
        const ctrl = /^ctrl\+([a-z])$/.exec(k);
        const [input, flags] = special[k] ?? (ctrl ? [ctrl[1] as string, { ctrl: true }] : [k, {}]);
        expect(keyName(input, key(flags)), k).toBe(k);
      }
    }
  });
});

describe("helpRows", () => {
  it("lists every binding with its keys written for people", () => {
    const rows = helpRows();
    expect(rows).toHaveLength(BINDINGS.length);
    BINDINGS.forEach((b, i) => {
      expect(rows[i]).toEqual({
        context: b.context,
        keys: b.keys.map(keyLabel).join(" / "),
        help: b.help,
      });
    });
    expect(keyLabel("pageDown")).toBe("PgDn");
    expect(keyLabel("ctrl+c")).toBe("Ctrl+C");
    expect(keyLabel("j")).toBe("j");
  });

  it("the help overlay shows every row", () => {
    const text = helpLines()
      .map((l) => l.text)
      .join("\n");
    for (const r of helpRows()) expect(text).toContain(r.help);
    expect(text).toContain("↓ / j");
    expect(text).toContain("Esc or ? closes this help.");
  });
});
