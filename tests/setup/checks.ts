// Every test file starts with the article schema loaded (content/load.ts: loadChecks), as the
// program has it wherever it reads files it must explain (validate, convert, the list): so
// parseArticle explains a bad file at once. tests/content/lazy-checks.test.ts covers the reader's
// own path, where the schema loads only when a file turns out to be bad.
import { loadChecks } from "../../src/content/load.js";

await loadChecks();
