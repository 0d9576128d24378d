// Runs the `papers` CLI against a test database: in-process through main() (fast), or as the real
// bin in a child process (what a user types), to check exit codes and that no stack trace escapes.
import { main } from "../../src/cli/main.ts";
import { LogCapture } from "./services.ts";
import { spawnPapers } from "./processes.ts";
import { registerSecretsIn } from "./secrets.ts";
import type { Services } from "../../src/core/services.ts";

export interface CliRun { code: number; out: string; err: string }

/** `services`: open services the command uses instead of opening the database itself (many runs, fast). */
export async function runCli(args: string[], env: Record<string, string>, services?: Services): Promise<CliRun> {
  registerSecretsIn(env);
  const stdout = new LogCapture(), stderr = new LogCapture();
  const code = await main(args, { stdout, stderr, ...(services ? { services } : {}) }, { HF_REFRESH: "off", ...env });
  return { code, out: stdout.text, err: stderr.text };
}

export async function spawnCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const run = spawnPapers(args, env);
  const { code } = await run.exited;
  return { code: code ?? -1, out: run.stdout(), err: run.stderr() };
}

/** A stack trace looks like "    at fn (file:line:col)"; none may reach a user. */
export const STACK_LINE = /^\s+at .+[:(]\d+/m;
