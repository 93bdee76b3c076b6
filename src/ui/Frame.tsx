// Draws composed rows (see compose.ts): one Ink <Text> per screen row, holding the row already
// styled (rowText: SGR per segment, OSC 8 around a link's text when the terminal takes them),
// where Ink's own styling would be on (chalk's colour level, which terminal/run.tsx sets).
// One node a row, however many styled pieces it has: a page of search matches or links costs
// React and Ink no more than a plain one. Nothing here depends on the article's length.
import chalk from "chalk";
import { Box, Text } from "ink";
import { type Row, rowText } from "./compose.js";

export function Frame({ rows }: { rows: Row[] }) {
  // Styled as Ink would style it: not at all where its colour support (chalk) says none.
  const styled = chalk.level > 0;
  return (
    <Box flexDirection="column">
      {rows.map((row, r) => (
        // Rows are positions on screen, so the row index is the right key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Text key={r} wrap="truncate-end">
          {rowText(row, styled)}
        </Text>
      ))}
    </Box>
  );
}
