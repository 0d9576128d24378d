// Locked-database benchmark: the real `papers start` process (Slack HTTP mode, against the Slack emulator)
// while a second process holds the database's write lock for 12 s, as an operator's long `papers ingest`
// would. Measured from outside, every 100 ms: the ack of a signed /papers command and of a reaction event,
// and GET /healthz; plus how long writes (/papers subscribe) take to be answered, and with what. The same
// probes without the lock, in the same run, are the baseline. SQLite by default, PostgreSQL with
// TEST_DATABASE_URL. Run directly: node --import tsx bench/locked.ts [holdSeconds]
import { pathToFileURL } from "node:url";
import { latency } from "./stats.ts";
import { spawnSlackBot, type SpawnedSlackBot } from "../tests/hardening/spawn-bot.ts";
import { holdLock } from "../tests/support/lock-holder.ts";

const PROBE_EVERY_MS = 100;

interface Probes { commandAck: number[]; eventAck: number[]; health: number[] }

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Probes for `ms`: acks and /healthz, one round every PROBE_EVERY_MS. */
async function probe(run: SpawnedSlackBot, ms: number, tag: string): Promise<Probes> {
  const out: Probes = { commandAck: [], eventAck: [], health: [] };
  const until = performance.now() + ms;
  for (let i = 0; performance.now() < until; i++) {
    out.commandAck.push(await timed(() => run.requester.command("trending 1", run.slack.responseUrl(`${tag}-${i}`))));
    out.eventAck.push(await timed(() => run.requester.reaction(true, { channel: "C0GENERAL", ts: "1.000100" }, `Ev${tag}${i}`)));
    out.health.push(await timed(() => fetch(`${run.base}/healthz`).then((r) => r.arrayBuffer())));
    await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
  }
  return out;
}

/** A write (/papers subscribe) sent now: how long until its answer, and whether it was done or "busy". */
async function write(run: SpawnedSlackBot, id: string, time: string): Promise<{ answeredMs: number; outcome: string }> {
  const sent = Date.now();
  await run.requester.command(`subscribe ${time} UTC`, run.slack.responseUrl(id));
  const answer = await run.slack.response(id, 1, 30_000);
  const text = String(answer.body.text ?? "");
  return { answeredMs: answer.at - sent, outcome: text.startsWith("Subscribed") ? "done" : /busy/.test(text) ? "busy" : text.slice(0, 60) };
}

const summary = (p: Probes) => ({ commandAck: latency(p.commandAck), eventAck: latency(p.eventAck), health: latency(p.health) });

export async function runLockedBench(opts: { holdMs?: number } = {}): Promise<object> {
  const holdMs = opts.holdMs ?? 12_000;
  // One bench user sends far more than the per-person limit of 20 commands a minute.
  const run = await spawnSlackBot({ env: { COMMANDS_PER_MINUTE: "1000000" } });
  try {
    await probe(run, 1_000, "warm");
    const baseline = { ...summary(await probe(run, 3_000, "base")), write: await write(run, "w-base", "08:00") };
    const { released } = await holdLock(run.bot.database.url, holdMs);
    const writes = [write(run, "w-locked-1", "09:00")];
    const during = probe(run, holdMs - 1_000, "locked");
    await new Promise((r) => setTimeout(r, holdMs / 2));
    writes.push(write(run, "w-locked-2", "10:00"));
    const locked = { ...summary(await during), writes: await Promise.all(writes) };
    await released;
    const after = await write(run, "w-after", "11:00");
    const result = { database: run.bot.database.url.startsWith("file:") ? "sqlite" : "postgresql", holdMs, baseline, locked, writeAfterRelease: after };
    console.table({ "baseline command ack": baseline.commandAck, "locked command ack": locked.commandAck, "locked event ack": locked.eventAck,
      "baseline /healthz": baseline.health, "locked /healthz": locked.health });
    console.table([{ when: "baseline", ...baseline.write }, ...locked.writes.map((w) => ({ when: "locked", ...w })), { when: "after release", ...after }]);
    return result;
  } finally {
    await run.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [seconds] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await runLockedBench(seconds ? { holdMs: seconds * 1000 } : {}), null, 2));
  process.exit(0);
}
