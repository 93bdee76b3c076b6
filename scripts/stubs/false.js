// Build stub: is-in-ci answers false inside the bundle (see scripts/build.mjs).
export default false;
