// Start-up benchmark (issue 13): what a person waits for and what the bot costs idle, measured on real
// processes beside `node -e 0` (the floor: Node itself). Figures: `papers search moe --limit 3` wall time
// (median of 7), `papers start` in Slack HTTP mode with the bundled papers until /healthz answers, and its
// resident memory (VmRSS) once it has answered its first slash command. Each start gets a fresh SQLite file.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SlackEmulator, SlackRequester } from "../tests/emulators/slack/index.ts";

const BIN = fileURLToPath(new URL("../bin/papers.js", import.meta.url));
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SECRET = "bench-signing-secret-not-real";

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
const round = (ms: number) => Math.round(ms);

// CPU time (user + system) beside wall time: on a shared machine the wall time also measures the neighbours.
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
const cpuTimes: number[] = [];

function wall(args: string[], env: Record<string, string>): number {
  const started = performance.now();
  const [cmd, argv] = TIME ? [TIME, ["-f", "cpu %U %S", process.execPath, ...args]] : [process.execPath, args];
  const r = spawnSync(cmd, argv, { cwd: ROOT, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr.toString().slice(-500)}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr.toString());
  if (cpu) cpuTimes.push((Number(cpu[1]) + Number(cpu[2])) * 1000);
  return ms;
}

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"))!;
  return Math.round(Number(line.split(/\s+/)[1]) / 1024);
}

async function untilHealthy(port: number, deadline: number): Promise<void> {
  for (;;) {
    try { const res = await fetch(`http://127.0.0.1:${port}/healthz`); if (res.status === 200 || res.status === 503) return; } catch { /* not yet */ }
    if (performance.now() > deadline) throw new Error("the bot did not answer /healthz within 30 s");
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => { const s = createServer().listen(0, () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); }); });
}

/** One `papers start` in Slack HTTP mode: ms to a /healthz answer, and VmRSS after the first /papers command. */
async function startOnce(emulator: SlackEmulator, dir: string, n: number): Promise<{ listeningMs: number; rssMiB: number }> {
  const port = await freePort();
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: `file:${join(dir, `start-${n}.db`)}`, PORT: String(port),
    HF_REFRESH: "off", LOG_LEVEL: "warn", SLACK_BOT_TOKEN: emulator.token, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: emulator.apiUrl };
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, "start"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => { stderr += d.toString(); });
  try {
    await untilHealthy(port, started + 30_000).catch((e) => { throw new Error(`${e.message}\n${stderr.slice(-1000)}`); });
    const listeningMs = performance.now() - started;
    const requester = new SlackRequester(`http://127.0.0.1:${port}`, SECRET, { teamId: emulator.teamId, userId: "U0BENCH", channelId: "C0BENCH" });
    const id = `startup-${n}`;
    const ack = await requester.command("moe", emulator.responseUrl(id));
    if (ack.status !== 200) throw new Error(`the bot answered ${ack.status}`);
    await emulator.response(id, 1, 30_000);
    await new Promise((r) => setTimeout(r, 500)); // idle: let the answer's garbage settle as it would between commands
    return { listeningMs, rssMiB: rssMiB(child.pid!) };
  } finally {
    child.kill("SIGKILL");
    await new Promise((r) => child.once("close", r));
  }
}

export async function runStartupBench(opts: { runs?: number } = {}): Promise<object> {
  const runs = opts.runs ?? 7;
  const dir = mkdtempSync(join(tmpdir(), "papers-startup-"));
  const emulator = new SlackEmulator();
  await emulator.start();
  try {
    const node = Array.from({ length: runs }, () => wall(["-e", "0"], {}));
    const nodeCpu = cpuTimes.splice(0);
    const searchEnv = { DATABASE_URL: `file:${join(dir, "search.db")}`, HF_REFRESH: "off" };
    wall([BIN, "search", "moe", "--limit", "3"], searchEnv); // creates and seeds the database once, not timed
    cpuTimes.length = 0;
    const search = Array.from({ length: runs }, () => wall([BIN, "search", "moe", "--limit", "3"], searchEnv));
    const searchCpu = cpuTimes.splice(0);
    const starts = [];
    for (let i = 0; i < 3; i++) starts.push(await startOnce(emulator, dir, i));
    const result = {
      loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
      nodeMs: round(median(node)),
      nodeCpuMs: nodeCpu.length ? round(median(nodeCpu)) : null,
      searchMs: { median: round(median(search)), min: round(Math.min(...search)), max: round(Math.max(...search)) },
      searchCpuMs: searchCpu.length ? round(median(searchCpu)) : null,
      startToListeningMs: round(median(starts.map((s) => s.listeningMs))),
      idleRssAfterFirstCommandMiB: median(starts.map((s) => s.rssMiB)),
      targets: { searchMs: 600, startToListeningMs: 1500, idleRssMiB: 150 },
    };
    console.log(`load average (1, 5, 15 min):      ${result.loadAverage.join(", ")} on ${(await import("node:os")).cpus().length} cores`);
    console.log(`node -e 0:                        ${result.nodeMs} ms (CPU ${result.nodeCpuMs} ms)`);
    console.log(`papers search moe --limit 3:      ${result.searchMs.median} ms median (${result.searchMs.min}–${result.searchMs.max}) — target ≤ 600; CPU ${result.searchCpuMs} ms median`);
    console.log(`papers start (Slack HTTP) → /healthz: ${result.startToListeningMs} ms median of ${starts.length} — target ≤ 1500`);
    console.log(`idle RSS after the first command: ${result.idleRssAfterFirstCommandMiB} MiB — target ≤ 150`);
    return result;
  } finally {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
