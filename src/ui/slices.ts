// Work done between keys: a step run again and again from setImmediate, so that input and frames
// get their turn in between, until it says it is done. Each step should keep to a few milliseconds
// (see SLICE_MS): a key that arrives meanwhile waits for the step under way, never for the job.

/** How long one step of background work may take, in milliseconds. */
export const SLICE_MS = 4;

/** Run `step` between events until it returns true, then `done`; the result stops it early. */
export function inSlices(step: () => boolean, done?: () => void): () => void {
  let timer: NodeJS.Immediate | undefined = setImmediate(function run() {
    if (step()) {
      timer = undefined;
      done?.();
    } else timer = setImmediate(run);
  });
  return () => {
    if (timer) clearImmediate(timer);
    timer = undefined;
  };
}

/** Call `part` (a bounded piece of work, true when the whole is done) for about `ms`. */
export function forAbout(ms: number, part: () => boolean): boolean {
  const deadline = performance.now() + ms;
  for (;;) {
    if (part()) return true;
    if (performance.now() >= deadline) return false;
  }
}
