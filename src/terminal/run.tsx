// Runs the interactive reader inside the screen lifecycle: alternate screen in, Ink rendering
// with settings chosen by measurement (see the comments below), and the terminal restored on the
// way out, whatever the way out is. Resolves to the exit status.
import chalk from "chalk";
import { render } from "ink";
import { keepStyling } from "../config/color.js";
import type { Loaded } from "../content/load.js";
import { sanitizeLine } from "../content/sanitize.js";
import type { LibrarySource } from "../library/source.js";
import type { Keymap } from "../state/keymap.js";
import type { SortKey } from "../state/library.js";
import { saveSort } from "../storage/library-prefs.js";
import { type Anchor, savePosition } from "../storage/positions.js";
import { withLocalReplies } from "../storage/replies.js";
import { App } from "../ui/App.js";
import { Boundary } from "../ui/Boundary.js";
import { DARK, type Theme } from "../ui/theme.js";
import { ThemeContext } from "../ui/theme-context.js";
import { CLEAR, oneLine, type Screen } from "./screen.js";

export type RunOptions = {
  /** The screen, already entered by the caller (see cli.tsx). */
  screen: Screen;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  maxWidth?: number;
  /** The usual measure (= goes back to it), the keys and the theme (settings: src/config/). */
  baseWidth?: number;
  keymap?: Keymap;
  theme?: Theme;
  /** Where each article was left (read at start-up); positions are saved as readers close. */
  positions: Map<string, Anchor>;
  /** Files to list, read while the list is shown (several paths, a folder); its order. */
  library?: LibrarySource;
  sort?: SortKey;
  /** Called just before Ink takes the screen (cli.tsx stops repainting its early frame). */
  handOver?: () => void;
};

export async function runReader(entries: Loaded[], options: RunOptions): Promise<number> {
  const { stdin, stdout, screen } = options;
  // Colour off (NO_COLOR, FORCE_COLOR=0, --color=never) is the mono theme, never no styling.
  keepStyling(chalk);
  let failure: unknown;
  const app = (
    <Boundary
      onError={(error) => {
        failure = error;
        instance.unmount();
      }}
    >
      <ThemeContext value={options.theme ?? DARK}>
        <App
          entries={entries}
          library={options.library}
          sort={options.sort}
          saveSort={(sort) => saveSort(sort)}
          maxWidth={options.maxWidth}
          baseWidth={options.baseWidth}
          keymap={options.keymap}
          positions={options.positions}
          remember={(id, where) => savePosition(id, where)}
          withReplies={withLocalReplies}
        />
      </ThemeContext>
    </Boundary>
  );
  options.handOver?.();
  const instance = render(app, {
    stdin,
    stdout,
    // Ctrl+C is a key of ours (the key table), so that quitting always passes through restore.
    exitOnCtrlC: false,
    patchConsole: false,
    // Only the rows that changed are rewritten: a one-line scroll costs a few hundred bytes,
    // not a screenful (measured by `npm run bench`).
    incrementalRendering: true,
    // Ink's default of 30 fps delays a key that comes within 33 ms of the last frame; at 120 the
    // wait is at most 9 ms, and a frame costs well under that. Measured with the bench's quick
    // mode (seed, ↓): p95 15.0 ms at 30 fps against 11.5 ms at 120.
    maxFps: 120,
  });
  // On a resize the terminal may have reflowed or cut what was drawn: start from a clean screen
  // before Ink's own resize handler draws (the bundle makes that handler repaint every row).
  const onResize = () => {
    stdout.write(CLEAR);
  };
  stdout.prependListener("resize", onResize);
  try {
    await instance.waitUntilExit();
    if (failure === undefined) return 0;
    screen.restore();
    process.stderr.write(`lectern: ${sanitizeLine(oneLine(failure))}\n`);
    return 1;
  } catch (error) {
    screen.restore();
    process.stderr.write(`lectern: ${sanitizeLine(oneLine(error))}\n`);
    return 1;
  } finally {
    stdout.off("resize", onResize);
    instance.unmount();
    screen.restore();
  }
}
