// A child process for the tests in tests/storage/ (bundled by tests/helpers/bundle.ts): does what
// the reader does with positions (load them at start, save as articles close) through the real
// module, and reports every save that succeeded on stdout, so that a test knows what must survive
// a kill -9. Arguments: FILE PREFIX IDS SAVES [wait]; with "wait" it first blocks until a byte
// arrives on stdin, so that several processes save at the same moment. On stderr: the notices,
// one line each, then "maxrss: <KiB>".
import { readSync, writeSync } from "node:fs";
import { loadPositions, savePosition, takeNotices } from "../../src/storage/positions.js";

const [file = "", prefix = "", ids = "1", saves = "1", wait] = process.argv.slice(2);
const loaded = loadPositions(file);
writeSync(1, `loaded ${loaded.size}\n`);
if (wait === "wait") awaitByte();
/** Blocks until stdin has a byte (the pipe may be non-blocking: EAGAIN means not yet). */
function awaitByte(): void {
  for (;;) {
    try {
      if (readSync(0, Buffer.alloc(1)) > 0) return;
    } catch (error) {
      if ((error as { code?: string }).code !== "EAGAIN") throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

for (let k = 0; k < Number(saves); k++) {
  const id = `${prefix}${k % Number(ids)}`;
  if (savePosition(id, { block: k, fraction: 0.5 }, file)) writeSync(1, `${id} ${k}\n`);
}
for (const line of takeNotices()) writeSync(2, `notice: ${line}\n`);
writeSync(2, `maxrss: ${process.resourceUsage().maxRSS}\n`);
