// Runs the `papers` CLI against a test database: in-process through main() (fast), or as the real
// bin in a child process (what a user types), to check exit codes and that no stack trace escapes.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.ts";
import { LogCapture } from "./services.ts";

export interface CliRun { code: number; out: string; err: string }

export const PAPERS_BIN = fileURLToPath(new URL("../../bin/papers.js", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The environment a child gets: no Slack/Discord tokens or database of the developer's shell leak in. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, HF_REFRESH: "off" };
  return { ...clean, ...env };
}

export async function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const stdout = new LogCapture(), stderr = new LogCapture();
  const code = await main(args, { stdout, stderr }, { HF_REFRESH: "off", ...env });
  return { code, out: stdout.text, err: stderr.text };
}

export function spawnCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PAPERS_BIN, ...args], { cwd: REPO_ROOT, env: childEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    let out = "", err = "";
    child.stdout.on("data", (d: Buffer) => { out += d.toString(); });
    child.stderr.on("data", (d: Buffer) => { err += d.toString(); });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, out, err }));
  });
}

/** A stack trace looks like "    at fn (file:line:col)"; none may reach a user. */
export const STACK_LINE = /^\s+at .+[:(]\d+/m;
