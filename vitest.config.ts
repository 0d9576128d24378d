import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Files run in parallel processes, each with its own database. Vitest's default on a 2-core machine
    // is ONE worker (cores - 1); most files here wait on child processes, sockets and timers rather
    // than compute, so two workers roughly halve the suite's time without starving the CPU.
    pool: "forks",
    maxWorkers: 2,
    // After each file: fail it if a test secret reached anything the bot logged (see the file).
    setupFiles: ["tests/support/leak-check.ts"],
    // Spawned `papers` processes run dist/: built (when stale) once before the files run.
    globalSetup: ["tests/support/build-dist.ts"],
  },
});
