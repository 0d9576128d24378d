// Every `papers …` child process a test starts goes through here: a clean environment (nothing of the
// developer's shell leaks in), its secrets registered and its whole output captured for the suite's
// leak check (tests/support/secrets.ts), and its exit as a promise.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { capturedLogs, registerSecretsIn } from "./secrets.ts";

export const PAPERS_BIN = fileURLToPath(new URL("../../bin/papers.js", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface PapersProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Called on every chunk of output and at exit (for tests that wait for a log line). */
  onOutput(listener: () => void): () => void;
  /** The exit code (or the signal) and performance.now() when it came. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

export function spawnPapers(args: string[], env: Record<string, string>, options: { stdin?: "pipe" | "ignore"; cwd?: string } = {}): PapersProcess {
  registerSecretsIn(env);
  const child = spawn(process.execPath, [PAPERS_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    // No .env: a developer's own settings in the checkout must not reach the processes tests start.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", HF_REFRESH: "off", PAPERS_ENV_FILE: "", ...env },
    stdio: [options.stdin ?? "ignore", "pipe", "pipe"],
  });
  let out = "", err = "";
  capturedLogs().push({ get text() { return out + err; } });
  const listeners = new Set<() => void>();
  child.stdout!.on("data", (d: Buffer) => { out += d.toString(); listeners.forEach((l) => l()); });
  child.stderr!.on("data", (d: Buffer) => { err += d.toString(); listeners.forEach((l) => l()); });
  // Timed at "exit" (when the process ended), resolved at "close" (when its output is complete).
  let exitedAt = 0;
  child.on("exit", () => { exitedAt = performance.now(); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.on("close", (code, signal) => { resolve({ code, signal, at: exitedAt || performance.now() }); listeners.forEach((l) => l()); });
  });
  return {
    child, exited,
    stdout: () => out,
    stderr: () => err,
    onOutput(listener) { listeners.add(listener); return () => listeners.delete(listener); },
  };
}
