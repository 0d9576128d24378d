// Another process taking the database's write lock (hold-lock.mjs), for the locked-database test and bench.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const HOLDER = fileURLToPath(new URL("./hold-lock.mjs", import.meta.url));

/** Resolves once the other process holds the lock, with when it lets go (wrapped: an async function would wait for it). */
export async function holdLock(databaseUrl: string, ms: number): Promise<{ released: Promise<void> }> {
  const holder = spawn(process.execPath, [HOLDER, databaseUrl, String(ms)], { stdio: ["ignore", "pipe", "inherit"] });
  const released = new Promise<void>((resolve) => holder.on("close", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    holder.stdout.on("data", (d: Buffer) => { if (d.toString().includes("locked")) resolve(); });
    holder.on("close", () => reject(new Error("the lock holder ended before taking the lock")));
  });
  return { released };
}
