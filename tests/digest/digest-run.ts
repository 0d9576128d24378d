// `papers digest run --now <instant> --json` as a real child process on a test database, as an operator
// (or cron) runs it: what it printed, its exit code, and the child itself, for a kill -9.
import type { ChildProcess } from "node:child_process";
import { spawnPapers } from "../support/processes.ts";

export interface DigestRunResult { code: number | null; report: any; stderr: string }

export function digestRun(env: Record<string, string>, now: string): { child: ChildProcess; done: Promise<DigestRunResult> } {
  const run = spawnPapers(["digest", "run", "--now", now, "--json"], { LOG_LEVEL: "warn", ...env });
  const done = run.exited.then(({ code }) => {
    let report: any = null;
    try { report = JSON.parse(run.stdout()); } catch { /* killed: no report */ }
    return { code, report, stderr: run.stderr() };
  });
  return { child: run.child, done };
}

/** Messages a run reports having posted to the channel whose id ends the key. */
export const postedTo = (report: any, channelId: string): number =>
  report.channels.filter((c: any) => c.channel.endsWith(`:${channelId}`)).reduce((n: number, c: any) => n + c.posted, 0);
