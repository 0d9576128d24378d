// What `papers start` runs until shutdown: an adapter, a job, a server. Defined here, at the bottom, so
// the parts that start things (jobs, adapters) and the one that stops them (app/start.ts) share it
// without importing each other.

/** A started part: `stop()` stops taking new work and resolves once what it has in flight is done. */
export interface Running { name: string; stop(): Promise<void> }

/** Stops parts in reverse start order (jobs before the adapters they post through), each on its own:
 * one that fails to stop is reported and the rest still stop. */
export async function stopInReverse(parts: readonly Running[], onError: (part: Running, error: unknown) => void): Promise<void> {
  for (const part of [...parts].reverse()) {
    await part.stop().catch((error: unknown) => onError(part, error));
  }
}
