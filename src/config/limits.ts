// The narrowest and widest measure (`width` in the config, --width, + and -), apart from the
// config's zod schema so that start-up (config/remember.ts) does not load zod to know them.
export const MIN_WIDTH = 20;
export const MAX_WIDTH = 1000;
