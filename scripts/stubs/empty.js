// Build stub: stands in for a module the bundle leaves out (see scripts/build.mjs).
export {};
