// Build stub: restore-cursor does nothing inside the bundle (see scripts/build.mjs).
export default function restoreCursor() {}
