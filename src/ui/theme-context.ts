// The theme chosen at start-up (settings and colour rules), handed down the component tree: the
// reader composes its frames with it, and the lists that draw their own text take their styles
// from it. The default is the dark theme (tests, a component rendered on its own).
import { createContext } from "react";
import { DARK, type Theme } from "./theme.js";

export const ThemeContext = createContext<Theme>(DARK);
