// Draws composed rows (see compose.ts): one Ink <Text> per screen row, one nested <Text> per
// styled segment. Nothing here depends on the article's length.
import { Box, Text } from "ink";
import type { Row } from "./compose.js";

export function Frame({ rows }: { rows: Row[] }) {
  return (
    <Box flexDirection="column">
      {rows.map((row, r) => (
        // Rows are positions on screen, so the row index is the right key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Text key={r} wrap="truncate-end">
          {row.map((segment, s) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positions in a row
            <Text key={s} {...segment.style}>
              {segment.text}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
