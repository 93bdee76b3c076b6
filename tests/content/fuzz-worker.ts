// The worker for tests/content/mutation-fuzz.test.ts (bundled by tests/helpers/bundle.ts): loads
// each file it is sent with the real loader and sends back what a user would see, so that the
// test can stop a load that hangs (by ending this worker) instead of hanging itself.
import { parentPort } from "node:worker_threads";
import { parseArticle } from "../../src/content/load.js";

parentPort?.on("message", (bytes: Uint8Array) => {
  const loaded = parseArticle(bytes, "mutant.json");
  parentPort?.postMessage(loaded.ok ? { ok: true } : { ok: false, errors: loaded.errors });
});
