// After a large catalog load, the build's scratch (the postings builder's segments, the pages of rows read)
// is dead but still mapped. V8 collects when JavaScript allocates, and a bot idling after start-up hardly
// does: measured, a 100k-paper replica sat at ~840 MB resident for as long as it stayed quiet, where one
// collection leaves ~500 MB. So one full collection runs right after such a load (~0.1 s, once).
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Below this many papers the scratch is small, and the collection not worth its pause. */
export const COLLECT_AFTER_PAPERS = 20_000;

/** What a collection can give back: V8's heap and the ArrayBuffers it owns. */
const collectable = (): number => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
/** collectable() after the last collection (or at the first call that asked whether to collect). */
let afterLast: number | undefined;

/** Collects; with `ifGrownBy`, only if collectable memory has grown by that many bytes since the last collection. */
export async function collectGarbage(ifGrownBy?: number): Promise<void> {
  if (ifGrownBy !== undefined && collectable() - (afterLast ??= collectable()) < ifGrownBy) return;
  // The collector's entry point is a flag away; a fresh context created after the flag sees it.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  // Twice, a moment apart: an ArrayBuffer's memory goes back after the collection that finds it dead has
  // finished, and what the first frees can leave more (wrappers, weak references) for the second.
  gc();
  await new Promise((resolve) => setTimeout(resolve, 10));
  gc();
  afterLast = collectable();
}
