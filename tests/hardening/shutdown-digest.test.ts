// SIGTERM while a digest waits out a platform's "slow down" (Slack's 429 with Retry-After: 30): the wait
// ends with the shutdown, the row is handed to the next tick, and the bot exits 0 within a couple of
// seconds, as the README promises. Before, the wait ran on, the 9.5 s shutdown deadline fired ("shutdown
// did not finish in time"), the process exited 1, and the digest waited out its lease before resuming.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackEmulator } from "../emulators/slack/index.ts";
import { freshDatabase, openTestDb, type TestDatabase } from "../support/database.ts";
import { TEST_SLACK_SIGNING_SECRET } from "../support/secrets.ts";
import { spawnBot, type SpawnedBot } from "./spawn-bot.ts";

let slack: SlackEmulator, database: TestDatabase, bot: SpawnedBot | undefined;
beforeAll(async () => {
  slack = new SlackEmulator();
  await slack.start();
  database = await freshDatabase();
  const { db } = await openTestDb(database.url);
  // Due since midnight UTC, with nothing in the ledger: the first tick claims it.
  await db.subscription.create({ data: { platform: "slack", workspaceId: slack.teamId, channelId: "CSLOW", localTime: "00:00", timeZone: "UTC", createdBy: "U1" } });
  await db.$disconnect();
}, 60_000);
afterAll(async () => { await bot?.cleanup(); await slack?.stop(); await database?.drop(); });

describe("a SIGTERM while a digest waits out a 429", () => {
  it("ends the wait, hands the digest to the next tick and exits 0 at once", async () => {
    slack.failures.add("CSLOW", { kind: "ratelimited", retryAfter: 30 });
    bot = await spawnBot({ DATABASE_URL: database.url, DIGEST_CRON: "* * * * * *", SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET, SLACK_API_URL: slack.apiUrl });
    await bot.logLine("papers-bot started");
    await slack.waitFor(() => slack.calls.some((c) => c.method === "chat.postMessage" && c.status === 429), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 300)); // into the 30 s wait
    const signalledAt = performance.now();
    bot.child.kill("SIGTERM");
    const exit = await bot.exited();
    expect(exit.code, bot.stderr().slice(-1500)).toBe(0);
    expect(exit.at - signalledAt).toBeLessThan(3_000);
    expect(bot.stderr()).not.toContain("shutdown did not finish in time");
    expect(bot.stderr()).not.toContain("digest gave up"); // a shutdown, not a failure
    // Released, not left leased: the next tick (of this process after a restart, or another replica) takes it at once.
    const { db } = await openTestDb(database.url);
    try {
      const row = await db.delivery.findFirst({ where: { channelId: "CSLOW" } });
      expect(row).toMatchObject({ status: "claimed" });
      expect(row!.leaseUntil.getTime()).toBeLessThanOrEqual(Date.now());
    } finally { await db.$disconnect(); }
  }, 60_000);
});
