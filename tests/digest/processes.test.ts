// Real processes on one database: `papers digest run` twice at once posts each channel's digest once in
// total; a kill -9 in the middle of a fan-out, then a rerun after the lease, posts the rest and no copies.
// The children post through the real Slack transport (WebClient) to the Slack emulator on loopback.
// Personal digests ride along: a person's DM (conversations.open, then their D… channel) gets exactly one
// digest per local day through the same ledger, across two processes and a kill -9.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackEmulator } from "../emulators/slack/index.ts";
import { createTestServices, type TestServices } from "../support/services.ts";
import { LEASE_MS } from "../../src/core/delivery/ledger.ts";
import { passLeaseTime, subscribe } from "./support.ts";
import { personalTarget } from "../../src/core/person-target.ts";
import { digestRun as run } from "./digest-run.ts";
import { TEST_SLACK_SIGNING_SECRET } from "../support/secrets.ts";

let services: TestServices;
let slack: SlackEmulator;

beforeAll(async () => {
  services = await createTestServices();
  slack = new SlackEmulator();
  await slack.start();
});
afterAll(async () => { await slack.stop(); await services.close(); });

const digestRun = (now: string) => run({ DATABASE_URL: services.testDatabase.url,
  SLACK_BOT_TOKEN: slack.token, SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET, SLACK_API_URL: slack.apiUrl }, now);

const person = (userId: string) => personalTarget({ platform: "slack", workspaceId: slack.teamId, userId });
const keysOf = (channel: string) => slack.messages.filter((m) => m.channel === channel).map((m) => String(m.metadata?.event_payload?.key));

describe("digest across processes", () => {
  it("two processes at once post exactly one digest per channel in total", async () => {
    const channels = Array.from({ length: 12 }, (_, i) => `CTWO${i}`);
    for (const id of channels) await subscribe(services, { platform: "slack", workspaceId: slack.teamId, channelId: id }, { size: 2 });
    const people = ["UPTWO1", "UPTWO2", "UPTWO3"];
    for (const id of people) await subscribe(services, person(id), { size: 2 });
    const [a, b] = [digestRun("2025-03-12T09:00:00Z"), digestRun("2025-03-12T09:00:00Z")];
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    const postedBy = (r: any, id: string) => r.report.channels.filter((c: any) => c.channel.endsWith(`:${id}`) && c.outcome === "posted").length;
    for (const id of channels) {
      expect(keysOf(id)).toHaveLength(3);
      expect(new Set(keysOf(id)).size).toBe(3);
      expect(postedBy(ra, id) + postedBy(rb, id)).toBe(1);
    }
    for (const id of people) {
      expect(keysOf(`D${id}`), id).toHaveLength(3);
      expect(new Set(keysOf(`D${id}`)).size).toBe(3);
      expect(postedBy(ra, `@${id}`) + postedBy(rb, `@${id}`)).toBe(1);
    }
    const sum = (r: any) => r.report.channels.reduce((n: number, c: any) => n + c.posted, 0);
    expect(sum(ra) + sum(rb)).toBe((channels.length + people.length) * 3);
  }, 120_000);

  it("after a kill -9 mid fan-out, a rerun past the lease sends the rest and nothing twice", async () => {
    // Slack's per-channel limit with no burst makes each message wait about a second: a slow fan-out to kill.
    slack.setRateLimit({ perSecond: 1, burst: 1 });
    const channels = ["CKILL1", "CKILL2", "CKILL3"];
    for (const id of channels) await subscribe(services, { platform: "slack", workspaceId: slack.teamId, channelId: id }, { size: 5 });
    await subscribe(services, person("UPKILL"), { size: 5 });
    const first = digestRun("2025-03-13T09:00:00Z");
    await slack.waitFor(() => keysOf("CKILL1").length >= 2 && keysOf("DUPKILL").length >= 1, 30_000);
    first.child.kill("SIGKILL");
    const killed = await first.done;
    expect(killed.report).toBeNull();
    // A post the killed process had on the wire may still be arriving: let the emulator take it before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = channels.map((id) => keysOf(id).length);
    expect(before.some((n) => n < 6)).toBe(true);
    const personBefore = keysOf("DUPKILL").length;
    // Within the lease, a rerun leaves the claimed channels alone.
    const early = await digestRun("2025-03-13T09:01:00Z").done;
    expect(early.report.channels.every((c: any) => c.posted === 0)).toBe(true);
    // Past the lease, on the database's clock (which judges it, whatever instant a run acts as).
    await passLeaseTime(services.db, LEASE_MS + 60_000);
    const rerun = await digestRun(new Date(Date.parse("2025-03-13T09:00:00Z") + LEASE_MS + 60_000).toISOString()).done;
    expect(rerun.code, rerun.stderr).toBe(0);
    for (const [i, id] of channels.entries()) {
      expect(keysOf(id), id).toHaveLength(6);
      expect(new Set(keysOf(id)).size).toBe(6);
      const reported = rerun.report.channels.find((c: any) => c.channel.endsWith(`:${id}`))?.posted ?? 0;
      expect(reported).toBe(6 - before[i]!);
    }
    const posted = await services.db.postedMessage.count({ where: { channelId: { in: channels } } });
    expect(posted).toBe(15);
    // The person's DM: the whole digest, once, whatever the kill left.
    expect(keysOf("DUPKILL"), `after ${personBefore} before the kill`).toHaveLength(6);
    expect(new Set(keysOf("DUPKILL")).size).toBe(6);
    expect(await services.db.postedMessage.count({ where: { channelId: "@UPKILL" } })).toBe(5);
    slack.setRateLimit(false);
  }, 90_000);

  it("a run that could not reach Slack, rerun as it was once Slack answers, posts the digest", async () => {
    // What an operator does: the run failed (a mistyped SLACK_API_URL, the network), they fix it and run
    // the same command again. Before, the failed run's release left a lease up to its own --now instant
    // plus the time it took, so the rerun said "skipped (already delivered or in progress elsewhere)",
    // exit 0, and nothing was posted.
    await subscribe(services, { platform: "slack", workspaceId: slack.teamId, channelId: "CRETRY" }, { size: 2 });
    const now = "2025-03-14T09:00:00Z";
    const failed = await run({ DATABASE_URL: services.testDatabase.url, SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET, SLACK_API_URL: "http://127.0.0.1:9/api/" }, now).done;
    expect(failed.code, failed.stderr).toBe(1);
    expect(failed.report.channels.find((c: any) => c.channel.endsWith(":CRETRY"))).toMatchObject({ outcome: "failed", posted: 0 });
    // Logged as what happened, in one sentence: a platform not answering is no bug, and has no stack to read.
    const gaveUp = failed.stderr.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l))
      .find((l) => l.msg === "digest gave up for this tick; the next tick resumes it" && l.channel.channelId === "CRETRY");
    expect(gaveUp).toMatchObject({ level: "warn", err: { type: "TransientPostError", message: expect.stringMatching(/^Slack could not be reached: .*ECONNREFUSED/) } });
    expect(gaveUp.err.stack).toBeUndefined();
    const rerun = await digestRun(now).done;
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.report.channels.find((c: any) => c.channel.endsWith(":CRETRY"))).toMatchObject({ outcome: "posted", posted: 3 });
    expect(keysOf("CRETRY")).toHaveLength(3);
  }, 60_000);
});
