// Work the reducer asks for but does not do: it returns these as values and the shell (the Ink
// component) carries them out, so that the reducer stays a pure function of state and action.

export type Effect = { type: "openUrl"; url: string };
