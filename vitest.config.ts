// Vitest: every test file first loads the article schema (see tests/setup/checks.ts).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    setupFiles: ["tests/setup/checks.ts"],
  },
});
