// The table of contents overlay: the section headings and the discussion in an
// ink-select-input list. Enter jumps, Esc closes (handled by the reader's key table).
import { Box, Text } from "ink";
import SelectInput from "ink-select-input";
import { discussionHeading } from "../content/format.js";
import type { Article } from "../content/schema.js";
import type { Outline } from "../layout/article.js";
import { truncate } from "../layout/wrap.js";

export type TocChoice = { kind: "section"; section: number } | { kind: "discussion" };

export type TocProps = {
  article: Article;
  outline: Outline;
  current: number;
  width: number;
  height: number;
  onChoose: (choice: TocChoice) => void;
};

export default function Toc({ article, outline, current, width, height, onChoose }: TocProps) {
  const items = outline.sections.map((s, i) => ({
    key: `s${i}`,
    label: truncate(`${i + 1}. ${s.title}`, Math.max(1, width - 4)),
    value: { kind: "section", section: i } as TocChoice,
  }));
  items.push({
    key: "discussion",
    label: truncate(
      discussionHeading(article.comments?.length ?? 0, article.title),
      Math.max(1, width - 4),
    ),
    value: { kind: "discussion" },
  });
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      <Text bold color="cyan" wrap="truncate-end">
        Contents — ↑↓ choose · Enter jump · Esc close
      </Text>
      <Text> </Text>
      <SelectInput
        items={items}
        initialIndex={Math.max(0, current)}
        limit={Math.max(1, height - 2)}
        onSelect={(item) => onChoose(item.value)}
      />
    </Box>
  );
}
