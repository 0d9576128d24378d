// Loaded into the bot by bench/memory.ts (node --expose-gc --import): on SIGUSR2 it collects garbage
// twice (an ArrayBuffer's memory goes back after the collection that finds it dead) and writes the
// process's memory figures to stderr, so the bench can split the resident set into heap and buffers.
// Bench-only: the bot itself never loads it.
process.on("SIGUSR2", () => {
  globalThis.gc?.();
  setTimeout(() => {
    globalThis.gc?.();
    process.stderr.write(`memory-probe ${JSON.stringify(process.memoryUsage())}\n`);
  }, 50);
});
