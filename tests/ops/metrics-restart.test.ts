// A bot restarted while Hugging Face is down (rate limiting, an outage): its papers are as fresh as the
// deployment's last good refresh, which /healthz reports, and so must the last-refresh gauge. Before, the
// gauge read 0 (1970) until this process's own first good refresh, so "alert if older than a few hours"
// fired on every restart during an outage, however fresh the papers were.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHfEmulator, type HfEmulator } from "../emulators/hf/server.ts";
import { freshDatabase, openTestDb, type TestDatabase } from "../support/database.ts";
import { spawnSlackBot, type SpawnedSlackBot } from "../hardening/spawn-bot.ts";

let hf: HfEmulator, database: TestDatabase, running: SpawnedSlackBot;
const lastGood = new Date(Date.now() - 40 * 60_000);

beforeAll(async () => {
  hf = await startHfEmulator();
  database = await freshDatabase();
  const { db } = await openTestDb(database.url);
  // What the previous process (or another replica) recorded: a good refresh 40 minutes ago.
  await db.jobRun.create({ data: { name: "refresh", lastSuccessAt: lastGood } });
  await db.$disconnect();
  running = await spawnSlackBot({ env: { DATABASE_URL: database.url, HF_REFRESH: "on", HF_API_URL: hf.url("ratelimit-long") } });
}, 60_000);
afterAll(async () => { await running?.stop(); await database?.drop(); await hf?.close(); });

describe("the last-refresh gauge after a restart while Hugging Face refuses", () => {
  it("says when the deployment's last good refresh was, as /healthz does, not 1970", async () => {
    await running.bot.logLine("papers refresh failed; keeping the last good data");
    const health = await (await fetch(`${running.base}/healthz`)).json() as { lastPaperRefresh: string };
    expect(health.lastPaperRefresh).toBe(lastGood.toISOString());
    const text = await (await fetch(`${running.base}/metrics`)).text();
    const gauge = /^papers_hf_last_refresh_success_timestamp_seconds (\S+)$/m.exec(text)?.[1];
    expect(Number(gauge)).toBe(lastGood.getTime() / 1000);
  }, 30_000);
});
