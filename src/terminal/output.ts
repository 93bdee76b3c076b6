// Output that is never lost: when stdout or stderr is a pipe whose reader is slower than Lectern
// (`lectern validate … | less`), Node queues what the pipe cannot take yet, and process.exit()
// would drop the queue. Commands write freely and end with exitWhenDrained, which leaves only
// once every queued byte has been handed to the pipe. A reader that goes away early (EPIPE, as
// `| head` does) is not an error: the rest is dropped quietly.

type Out = NodeJS.WriteStream;

const guarded = new WeakSet<Out>();

/** EPIPE (the reader has gone) ends writing quietly; any other write error sets status 1. */
function guard(stream: Out): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") process.exitCode = 1;
  });
}

/** Writes `text` to `stream` (default stdout); queued, never lost, never throws. */
export function writeAll(text: string, stream: Out = process.stdout): void {
  guard(stream);
  if (stream.destroyed || stream.writableEnded) return;
  stream.write(text);
}

/** Resolves once everything written to `stream` so far has left the process (or failed). */
export function drained(stream: Out): Promise<void> {
  guard(stream);
  if (stream.destroyed || stream.writableEnded || stream.writableLength === 0) {
    return Promise.resolve();
  }
  // Writes complete in order: the callback of an empty write comes after all before it.
  return new Promise((resolve) => {
    stream.write("", () => resolve());
  });
}

/**
 * Ends the process with `code` once stdout and stderr have been flushed. Sets process.exitCode
 * at once, so that an exit by any other path still reports `code`.
 */
export async function exitWhenDrained(code: number): Promise<never> {
  process.exitCode = code;
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(process.exitCode ?? code);
}
