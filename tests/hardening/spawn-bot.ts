// `node bin/papers.js start` as a real child process, the way a supervisor runs it: its own database,
// env pointing at the emulators, stderr (the JSON log) captured line by line so a test can wait for a
// log message and read the port it announced.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { freshDatabase, type TestDatabase } from "../support/database.ts";

export interface SpawnedBot {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** The first JSON log line whose msg is `msg` (waits for it). */
  logLine(msg: string, timeoutMs?: number): Promise<Record<string, any>>;
  /** Resolves with the exit code (or the signal name) and how long after `since` it came. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Kills it if still running and drops its database. */
  cleanup(): Promise<void>;
}

export async function spawnBot(env: Record<string, string>): Promise<SpawnedBot & { database: TestDatabase }> {
  const database = await freshDatabase();
  const child = spawn(process.execPath, ["bin/papers.js", "start"], {
    env: { PATH: process.env.PATH ?? "", DATABASE_URL: database.url, HF_REFRESH: "off", PORT: "0", LOG_LEVEL: "info", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const listeners = new Set<() => void>();
  child.stdout.on("data", (d: Buffer) => { out += d.toString(); listeners.forEach((l) => l()); });
  child.stderr.on("data", (d: Buffer) => { err += d.toString(); listeners.forEach((l) => l()); });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.on("exit", (code, signal) => { resolve({ code, signal, at: performance.now() }); listeners.forEach((l) => l()); });
  });
  const parsed = () => err.split("\n").flatMap((line) => { try { return [JSON.parse(line) as Record<string, any>]; } catch { return []; } });

  return {
    child, database,
    stdout: () => out,
    stderr: () => err,
    exited: () => exit,
    logLine: (msg, timeoutMs = 20_000) => new Promise((resolve, reject) => {
      const check = () => {
        const found = parsed().find((l) => l.msg === msg);
        if (found) { done(); resolve(found); }
        else if (child.exitCode !== null) { done(); reject(new Error(`the bot exited (${child.exitCode}) before logging "${msg}":\n${err.slice(-2000)}`)); }
      };
      const timer = setTimeout(() => { done(); reject(new Error(`no "${msg}" log line within ${timeoutMs} ms:\n${err.slice(-2000)}`)); }, timeoutMs);
      const done = () => { clearTimeout(timer); listeners.delete(check); };
      listeners.add(check);
      check();
    }),
    async cleanup() {
      if (child.exitCode === null && child.signalCode === null) { child.kill("SIGKILL"); await exit; }
      await database.drop();
    },
  };
}
