// Work the reducer asks for but does not do: it returns these as values and the shell (the Ink
// component) carries them out, so that the reducer stays a pure function of state and action.

export type Effect =
  | { type: "openUrl"; url: string }
  /** Remember the measure for the next run (undefined: forget it, back to the usual). */
  | { type: "saveWidth"; width: number | undefined }
  /** Stop the process as Ctrl+Z does in a shell (the screen module restores and redraws). */
  | { type: "suspend" };
