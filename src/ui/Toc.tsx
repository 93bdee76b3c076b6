// The table of contents overlay: the section headings and the discussion in an
// ink-select-input list. The reducer owns the highlighted entry (keys of the "toc" context in the
// key table), so keys typed in a burst are applied in order; the list only draws it.
import { Box, Text } from "ink";
import SelectInput from "ink-select-input";
import { useContext } from "react";
import { discussionHeading } from "../content/format.js";
import type { Article } from "../content/schema.js";
import type { Outline } from "../layout/article.js";
import { truncate } from "../layout/wrap.js";
import { ThemedIndicator, ThemedItem } from "./select-items.js";
import { ThemeContext } from "./theme-context.js";

export type TocProps = {
  article: Article;
  outline: Outline;
  /** The highlighted entry: a section index, or the number of sections for the discussion. */
  index: number;
  width: number;
  height: number;
};

export default function Toc({ article, outline, index, width, height }: TocProps) {
  const theme = useContext(ThemeContext);
  const items = outline.sections.map((s, i) => ({
    key: `s${i}`,
    label: truncate(`${i + 1}. ${s.title}`, Math.max(1, width - 4)),
    value: i,
  }));
  items.push({
    key: "discussion",
    label: truncate(
      discussionHeading(article.comments?.length ?? 0, article.title, article.commentsTotal),
      Math.max(1, width - 4),
    ),
    value: outline.sections.length,
  });
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      <Text {...theme.kinds.heading} wrap="truncate-end">
        Contents
      </Text>
      <Text> </Text>
      <SelectInput
        // Re-created when the highlight moves, so that it shows the reducer's entry.
        key={index}
        items={items}
        isFocused={false}
        initialIndex={index}
        limit={Math.max(1, height - 2)}
        indicatorComponent={ThemedIndicator}
        itemComponent={ThemedItem}
      />
    </Box>
  );
}
