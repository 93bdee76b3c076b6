// Draws composed rows (see compose.ts): one Ink <Text> per screen row, one nested <Text> per
// styled segment; a segment of a link is a real hyperlink (OSC 8) when the terminal takes them.
// Nothing here depends on the article's length.
import { Box, Text } from "ink";
import type { Row } from "./compose.js";
import { hyperlinksOn, osc8 } from "./hyperlink.js";

export function Frame({ rows }: { rows: Row[] }) {
  const links = hyperlinksOn();
  return (
    <Box flexDirection="column">
      {rows.map((row, r) => (
        // Rows are positions on screen, so the row index is the right key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Text key={r} wrap="truncate-end">
          {row.map((segment, s) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positions in a row
            <Text key={s} {...segment.style}>
              {links && segment.href ? osc8(segment.href, segment.text) : segment.text}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
