// Whole-bot memory at 100k papers. A fresh database (SQLite, or PostgreSQL under TEST_DATABASE_URL) is
// filled with the realistic corpus (realistic-corpus.ts), then the real `papers start` process runs on
// it — terminal mode, since no chat token is set: the same services, catalog, index, commands and jobs
// as a Slack or Discord bot, without a network peer to emulate — and is asked what people ask (a search,
// the next page, a paper, similar papers, trending). Its resident set comes from /proc: what the machine
// must give one replica, catalog and search index included. After the idle wait, a probe loaded into the
// bot (memory-probe.mjs) collects garbage and reports heap and ArrayBuffers: the steady state after a GC.
//   node --expose-gc --import tsx bench/memory.ts [size]
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { createServices } from "../src/app/services.ts";
import { freshDatabase } from "../tests/support/database.ts";
import { bulkLoadPapers } from "./load-papers.ts";
import { realisticPapers } from "./realistic-corpus.ts";

const IDLE_MS = 20_000;
const BIN = fileURLToPath(new URL("../bin/papers.js", import.meta.url));
const PROBE = new URL("./memory-probe.mjs", import.meta.url).href;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** VmRSS (now) and VmHWM (peak) of a process, in MB. */
function residentMb(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(/(\d+)\s*kB/.exec(status.split("\n").find((l) => l.startsWith(field)) ?? "")?.[1] ?? NaN);
  return { rssMb: Math.round(kb("VmRSS:") / 1024), peakRssMb: Math.round(kb("VmHWM:") / 1024) };
}

/** MB in the unnamed temporary files the process holds open (the search index's spilled forward terms,
 * search/spill-file.ts): on disk or in the page cache, not in its resident set. */
function spilledMb(pid: number): number {
  let bytes = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) { // Linux, as residentMb
    try {
      if (/papers-bot-\d+-\w+\.tmp \(deleted\)$/.test(readlinkSync(`/proc/${pid}/fd/${fd}`))) bytes += statSync(`/proc/${pid}/fd/${fd}`).size;
    } catch { /* closed meanwhile */ }
  }
  return mb(bytes);
}

export async function runMemoryBench(opts: { size?: number } = {}): Promise<object> {
  const size = opts.size ?? 100_000;
  const result = await botMemory(size);
  // Then a tenth more papers: a structure that doubles past a threshold (a hash table's slots) can put a
  // corpus a little larger than the bench's far above its figures, as the tokens' table once did (peak
  // 359 MB at 100k papers, 416 MB at 102k).
  const more = await botMemory(Math.round(size * 1.1));
  const { papers, readyMs, afterStart, underLimit, peakUnderLimit } = more;
  return { ...result, tenthMore: { papers, readyMs, rssMb: more[IDLE_KEY].rssMb, peakRssMb: more[IDLE_KEY].peakRssMb, afterStart, underLimit, peakUnderLimit } };
}

const IDLE_KEY = `idle${IDLE_MS / 1000}s` as const;

/** The real bot started on a fresh database of `size` realistic papers: its memory from start to idle. */
async function botMemory(size: number) {
  const database = await freshDatabase();
  try {
    const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: "silent", HF_REFRESH: "off" });
    await (await createServices(config, createLogger({ level: "silent" }))).close(); // migrates
    const papers = realisticPapers({ size });
    const asked = [`/papers ${papers[17]!.title.split(" ").slice(0, 3).join(" ")}`, "more", "/papers mixture of experts",
      `/papers paper ${papers[5]!.id}`, `/papers similar ${papers[5]!.id}`, "/papers trending"];
    await bulkLoadPapers(database.url, papers);
    papers.length = 0;

    const started = performance.now();
    const bot = spawn(process.execPath, ["--expose-gc", "--import", PROBE, BIN, "start"], {
      env: { ...process.env, DATABASE_URL: database.url, HF_REFRESH: "off", LOG_LEVEL: "warn", PORT: "0",
        SLACK_BOT_TOKEN: "", SLACK_SIGNING_SECRET: "", SLACK_APP_TOKEN: "", DISCORD_TOKEN: "", DISCORD_APPLICATION_ID: "" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "", err = "";
    bot.stderr.on("data", (d: Buffer) => { err += d; });
    const exited = new Promise<number | null>((resolve) => bot.on("exit", resolve));
    // Every answer (and the greeting) ends with the prompt "> ": wait for the n-th one.
    const prompts = (n: number) => new Promise<void>((resolve, reject) => {
      const check = () => { if ((out.match(/^> /gm) ?? []).length >= n) { bot.stdout.off("data", onData); resolve(); } };
      const onData = (d: Buffer) => { out += d; check(); };
      bot.stdout.on("data", onData);
      void exited.then((code) => reject(new Error(`the bot exited (${code}) before answering: ${err.slice(-500)}`)));
      check();
    });
    // The resident set each second until the bot is ready: how start-up's peak (VmHWM) builds up.
    const startRssMb: number[] = [];
    const sampler = setInterval(() => {
      try { startRssMb.push(residentMb(bot.pid!).rssMb); } catch { /* exited */ }
    }, 1000);
    await prompts(1).finally(() => clearInterval(sampler));
    const readyMs = Math.round(performance.now() - started);
    const afterStart = residentMb(bot.pid!);
    for (let i = 0; i < asked.length; i++) { bot.stdin.write(asked[i] + "\n"); await prompts(i + 2); }
    const afterCommands = residentMb(bot.pid!);
    // Then idle, as a bot mostly is: V8's memory reducer collects after a few quiet seconds, freeing
    // what start-up left dead (the build's postings segments, the rows read), which is the steady state.
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idle = residentMb(bot.pid!);
    bot.kill("SIGUSR2");
    const probed = await new Promise<NodeJS.MemoryUsage>((resolve) => {
      const poll = setInterval(() => {
        const line = /memory-probe (\{.*\})/.exec(err)?.[1];
        if (line) { clearInterval(poll); resolve(JSON.parse(line)); }
      }, 20);
    });
    const afterGc = { ...residentMb(bot.pid!), heapUsedMb: mb(probed.heapUsed), heapTotalMb: mb(probed.heapTotal), arrayBuffersMb: mb(probed.arrayBuffers),
      forwardTermsOnDiskMb: spilledMb(bot.pid!) };
    bot.stdin.write("quit\n");
    const code = await exited;
    const result = { papers: size, readyMs, startRssMbEachSecond: startRssMb,
      afterStart, afterCommands, [IDLE_KEY]: idle, afterGc, exitCode: code,
      // Issue #16's limit, 400 MB, on the steady state and on start-up's peak (VmHWM) both.
      answered: asked.length, underLimit: idle.rssMb < 400, peakUnderLimit: idle.peakRssMb < 400 };
    console.table({ "papers start (terminal mode)": { papers: size, readyMs, rssAfterCommandsMb: afterCommands.rssMb,
      rssIdleMb: idle.rssMb, rssAfterGcMb: afterGc.rssMb, heapUsedMb: afterGc.heapUsedMb, arrayBuffersMb: afterGc.arrayBuffersMb, peakRssMb: idle.peakRssMb,
      forwardTermsOnDiskMb: afterGc.forwardTermsOnDiskMb } });
    return result;
  } finally { await database.drop(); }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const size = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100_000);
  console.log(JSON.stringify(await runMemoryBench({ size }), null, 2));
  process.exit(0);
}
