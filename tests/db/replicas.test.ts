// Two `papers start` processes (two replicas) on ONE database, both connected to Slack (the emulator on
// loopback), both running the digest job, through a digest minute: every channel gets exactly one digest.
// On the PostgreSQL pass this is the production shape: replicas on one server.
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackEmulator } from "../emulators/slack/index.ts";
import { createTestServices, type TestServices } from "../support/services.ts";
import { testDatabaseProvider as provider } from "../support/database.ts";
import { spawnPapers } from "../support/processes.ts";
import { TEST_SLACK_SIGNING_SECRET } from "../support/secrets.ts";

let services: TestServices;
let slack: SlackEmulator;
const children: ChildProcess[] = [];

beforeAll(async () => {
  services = await createTestServices();
  slack = new SlackEmulator();
  await slack.start();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await slack.stop();
  await services.close();
});

function replica(): { child: ChildProcess; log: () => string; exited: Promise<number | null> } {
  const run = spawnPapers(["start"], { DATABASE_URL: services.testDatabase.url, LOG_LEVEL: "info", PORT: "0",
    SLACK_BOT_TOKEN: slack.token, SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET, SLACK_API_URL: slack.apiUrl,
    // A tick every 2 seconds instead of every minute, so both replicas tick many times within the minute.
    DIGEST_CRON: "*/2 * * * * *", INDEX_SYNC_SECONDS: "2" });
  children.push(run.child);
  return { child: run.child, log: run.stderr, exited: run.exited.then((e) => e.code) };
}

const digestKeys = (channel: string) => slack.messages.filter((m) => m.channel === channel).map((m) => String(m.metadata?.event_payload?.key));

describe(`two replicas on one ${provider} database`, () => {
  it("post exactly one digest per channel through a digest minute", async () => {
    // A minute ago, UTC: due as soon as they start (00:00 just after midnight, so it is still today's).
    const aMinuteAgo = new Date(Date.now() - 60_000);
    const localTime = aMinuteAgo.getUTCDate() === new Date().getUTCDate() ? aMinuteAgo.toISOString().slice(11, 16) : "00:00";
    const channels = Array.from({ length: 8 }, (_, i) => `CREPLICA${i}`);
    for (const channelId of channels) {
      await services.subscriptions.upsert({ platform: "slack", workspaceId: slack.teamId, channelId },
        { localTime, timeZone: "UTC", topic: null, size: 2, ranking: "trending", createdBy: "U1" });
    }
    const replicas = [replica(), replica()];
    const started = () => {
      if (replicas.some((r) => r.child.exitCode !== null)) throw new Error(`a replica exited:\n${replicas.map((r) => r.log()).join("\n---\n")}`);
      return replicas.every((r) => r.log().includes("papers-bot started"));
    };
    await slack.waitFor(started, 60_000);
    // Every channel's digest (a header and two papers) arrives...
    await slack.waitFor(() => channels.every((id) => digestKeys(id).length >= 3), 30_000);
    // ...and then both replicas keep ticking for a while: nothing more may arrive.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    for (const r of replicas) r.child.kill("SIGTERM");
    const codes = await Promise.all(replicas.map((r) => r.exited));
    expect(codes, replicas.map((r) => r.log()).join("\n---\n")).toEqual([0, 0]);

    for (const id of channels) {
      const keys = digestKeys(id);
      expect(keys, id).toHaveLength(3);
      expect(new Set(keys).size).toBe(3);
    }
    // The ledger agrees: one delivery per channel for today, whichever replica claimed it.
    const deliveries = await services.db.delivery.findMany({ where: { channelId: { in: channels } } });
    expect(deliveries).toHaveLength(channels.length);
    expect(new Set(deliveries.map((d) => d.channelId)).size).toBe(channels.length);
    for (const r of replicas) expect(r.log()).not.toMatch(/"level":"(error|fatal)"/); // no error or fatal lines
  }, 120_000);
});
