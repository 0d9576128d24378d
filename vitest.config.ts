import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: files run in parallel processes; each test file gets its own database.
    pool: "forks",
    // After each file: fail it if a test secret reached anything the bot logged (see the file).
    setupFiles: ["tests/support/leak-check.ts"],
  },
});
