// The top of the interactive program: one article opens straight in the reader; several start
// with a list to choose from (a file that failed to load is listed with its error), and q or
// Esc in the reader comes back to the list.
import { Box, Text, useApp, useInput, useStdout } from "ink";
import SelectInput from "ink-select-input";
import { useCallback, useContext, useState } from "react";
import { groupDigits } from "../content/format.js";
import type { Loaded } from "../content/load.js";
import { sanitizeLine } from "../content/sanitize.js";
import { truncate } from "../layout/wrap.js";
import type { Keymap } from "../state/keymap.js";
import type { Anchor } from "../storage/positions.js";
import { Reader } from "./Reader.js";
import { ThemedIndicator, ThemedItem } from "./select-items.js";
import { ThemeContext } from "./theme-context.js";

export type AppProps = {
  entries: Loaded[];
  maxWidth?: number;
  /** The usual measure (= goes back to it) and the keys in use (settings: src/config/). */
  baseWidth?: number;
  keymap?: Keymap;
  /** Where each article (by id) was left, and how to remember a new place. */
  positions?: Map<string, Anchor>;
  remember?: (id: string, where: Anchor) => void;
};

function label(entry: Loaded, width: number): string {
  if (!entry.ok) return truncate(`✗ ${entry.errors[0] ?? sanitizeLine(entry.file)}`, width);
  const a = entry.article;
  const count = a.comments?.length ?? 0;
  const by = a.author ? ` — ${a.author.name}` : "";
  const comments = ` · ${groupDigits(count)} ${count === 1 ? "comment" : "comments"}`;
  return truncate(`${a.title}${by}${comments}`, width);
}

export function App({ entries, maxWidth, baseWidth, keymap, positions, remember }: AppProps) {
  const theme = useContext(ThemeContext);
  const { exit } = useApp();
  const { stdout } = useStdout();
  const single = entries.length === 1 && entries[0]?.ok ? entries[0] : undefined;
  const [open, setOpen] = useState<number | undefined>(single ? 0 : undefined);
  const [highlight, setHighlight] = useState(0);

  const current = open === undefined ? undefined : entries[open];
  const onExit = useCallback(
    (how: "quit" | "back", where: Anchor) => {
      if (current?.ok) {
        positions?.set(current.article.id, where);
        remember?.(current.article.id, where);
      }
      if (how === "back" && !single) setOpen(undefined);
      else exit();
    },
    [exit, single, current, positions, remember],
  );

  useInput(
    (input, key) => {
      if (input === "q" || key.escape || (key.ctrl && input === "c")) exit();
    },
    { isActive: open === undefined },
  );

  if (current?.ok) {
    return (
      <Reader
        key={open}
        article={current.article}
        maxWidth={maxWidth}
        baseWidth={baseWidth}
        keymap={keymap}
        fromList={!single}
        resume={positions?.get(current.article.id)}
        onExit={onExit}
      />
    );
  }

  const width = Math.max(10, (stdout.columns || 80) - 4);
  const rows = Math.max(3, (stdout.rows || 24) - 1);
  const items = entries.map((entry, i) => ({
    key: String(i),
    label: label(entry, width),
    value: i,
  }));
  const failed = entries.filter((e) => !e.ok).length;
  return (
    <Box flexDirection="column" height={rows}>
      <Text {...theme.kinds.title} wrap="truncate-end">
        {`Lectern — ${entries.length} articles${failed ? ` (${failed} could not be read)` : ""}`}
      </Text>
      <Text dimColor wrap="truncate-end">
        ↑↓ choose · Enter open · q quit
      </Text>
      <Text> </Text>
      <SelectInput
        items={items}
        initialIndex={highlight}
        limit={Math.max(1, rows - 3)}
        indicatorComponent={ThemedIndicator}
        itemComponent={ThemedItem}
        onHighlight={(item) => setHighlight(item.value)}
        onSelect={(item) => {
          if (entries[item.value]?.ok) setOpen(item.value);
        }}
      />
    </Box>
  );
}
