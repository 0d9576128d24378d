// A statement that finds the database locked is retried after an asynchronous pause, with backoff, until
// its deadline: SQLite itself is told not to wait (its wait blocks the event loop; see wait.ts).
import { sleep } from "../../core/retry.ts";
import { WRITE_WAIT_MS } from "../busy.ts";

const FIRST_PAUSE_MS = 5;
const MAX_PAUSE_MS = 100;

/** better-sqlite3's own error for a locked database (SQLITE_BUSY and its extended codes). */
export function isBusyCode(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/** Runs `attempt` until it does not meet a lock (`isBusy`), pausing asynchronously between tries, until `deadline`. */
export async function whileBusy<T>(attempt: () => Promise<T>, deadline = Date.now() + WRITE_WAIT_MS, isBusy: (error: unknown) => boolean = isBusyCode): Promise<T> {
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(MAX_PAUSE_MS, pause * 2)) {
    try { return await attempt(); }
    catch (error) {
      const left = deadline - Date.now();
      if (!isBusy(error) || left <= 0) throw error;
      await sleep(Math.min(pause, left));
    }
  }
}
