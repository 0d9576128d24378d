// `papers digest run --now <instant> --json` as a real child process on a test database, as an operator
// (or cron) runs it: what it printed, its exit code, and the child itself, for a kill -9.
import { spawn, type ChildProcess } from "node:child_process";

export interface DigestRunResult { code: number | null; report: any; stderr: string }

export function digestRun(env: Record<string, string>, now: string): { child: ChildProcess; done: Promise<DigestRunResult> } {
  const child = spawn(process.execPath, ["bin/papers.js", "digest", "run", "--now", now, "--json"], {
    env: { PATH: process.env.PATH, HF_REFRESH: "off", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "", stderr = "";
  child.stdout!.on("data", (d) => { stdout += d; });
  child.stderr!.on("data", (d) => { stderr += d; });
  const done = new Promise<DigestRunResult>((resolve) => child.on("close", (code) => {
    let report: any = null;
    try { report = JSON.parse(stdout); } catch { /* killed: no report */ }
    resolve({ code, report, stderr });
  }));
  return { child, done };
}

/** Messages a run reports having posted to the channel whose id ends the key. */
export const postedTo = (report: any, channelId: string): number =>
  report.channels.filter((c: any) => c.channel.endsWith(`:${channelId}`)).reduce((n: number, c: any) => n + c.posted, 0);
