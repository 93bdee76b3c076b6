// Entries of the select lists (the contents, the article list) drawn in the theme's styles, in
// place of ink-select-input's own, which are always blue: the highlighted entry uses the focused
// selection's style (cyan in the dark theme, bold alone in mono).
import { Box, Text } from "ink";
import { useContext } from "react";
import { ThemeContext } from "./theme-context.js";

export function ThemedItem({ isSelected = false, label }: { isSelected?: boolean; label: string }) {
  const theme = useContext(ThemeContext);
  return <Text {...(isSelected ? theme.chrome.selectionBarFocused : {})}>{label}</Text>;
}

export function ThemedIndicator({ isSelected = false }: { isSelected?: boolean }) {
  const theme = useContext(ThemeContext);
  return (
    <Box marginRight={1}>
      {isSelected ? <Text {...theme.chrome.selectionBarFocused}>❯</Text> : <Text> </Text>}
    </Box>
  );
}
