// Quitting the terminal while another process holds the database's write lock: the refresh's write waits on
// the lock (up to a minute), but the person who typed quit does not. The real process, a real lock.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { startHfEmulator } from "../emulators/hf/server.ts";
import { holdLock } from "../support/lock-holder.ts";
import { spawnPapers } from "../support/processes.ts";

const dir = mkdtempSync(join(tmpdir(), "papers-quit-locked-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Hugging Face held back: each request waits for `release`, then gets the emulator's answer. */
async function heldBackHf(upstream: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  let asked!: () => void;
  const firstAsked = new Promise<void>((resolve) => { asked = resolve; });
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    asked();
    await released;
    const answer = await fetch(`${upstream}${req.url!.replace(/^\/api/, "")}`);
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, firstAsked, release,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

it("quit ends the session within seconds while a refresh's write waits on another process's lock", async () => {
  const hf = await startHfEmulator();
  const held = await heldBackHf(hf.url("ok"));
  const database = `file:${join(dir, "papers.db")}`;
  try {
    const bot = spawnPapers(["start"], { DATABASE_URL: database, HF_REFRESH: "on", HF_API_URL: held.url }, { stdin: "pipe", cwd: dir });
    await held.firstAsked; // started, and its first refresh is fetching
    const lock = await holdLock(database, 10_000);
    held.release(); // the refresh now has papers to write, and the lock to wait for
    await new Promise((r) => setTimeout(r, 500));
    const quitAt = performance.now();
    bot.child.stdin!.end("quit\n");
    const { code, at } = await bot.exited;
    expect(code, bot.stderr()).toBe(0);
    expect(at - quitAt).toBeLessThan(6_000);
    expect(readFileSync(join(dir, "papers-bot.log"), "utf8")).toMatch(/left at quit with a job's database write unfinished/);
    await lock.released;
  } finally {
    await held.close();
    await hf.close();
  }
}, 40_000);

it("a first start on a file another process holds locked waits without blocking: a stop signal ends it at once, and a lock let go in time is waited out", async () => {
  // A file not yet in WAL mode, locked whole (readers too), as another process's first start or upgrade holds it.
  const path = join(dir, "fresh.db");
  const fresh = new Database(path);
  fresh.exec("CREATE TABLE other (a)");
  fresh.close();
  const lock = await holdLock(`file:${path}`, 2_500);
  // Terminal mode: it answers a stop signal by shutting down, which needs the event loop SQLite's wait blocked.
  const stopped = spawnPapers(["start"], { DATABASE_URL: `file:${path}` }, { cwd: dir, stdin: "pipe" });
  const waiting = spawnPapers(["search", "moe"], { DATABASE_URL: `file:${path}` }, { cwd: dir });
  await new Promise((r) => setTimeout(r, 1_000));
  const signalledAt = performance.now();
  stopped.child.kill("SIGTERM");
  const end = await stopped.exited;
  expect(end.at - signalledAt).toBeLessThan(1_000); // SQLite's own wait blocked signals for 10 s
  expect(end.code, stopped.stderr()).toBe(0);
  expect(readFileSync(join(dir, "papers-bot.log"), "utf8")).toMatch(/waiting for another process to let go of the database/);
  await lock.released;
  const { code } = await waiting.exited;
  expect(code, waiting.stderr()).toBe(0);
  expect(waiting.stdout()).toMatch(/^Papers for "moe"/);
}, 30_000);
