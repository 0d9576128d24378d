// Duplicate delivery: Slack re-sends a slash command or an event it thinks we missed, Discord replays
// events after a resume, and two replicas may both get one. Whatever arrives twice — or ten times at
// once — leaves a single subscription, a single bookmark, and no crash.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegistry } from "../../src/commands/index.ts";
import { runText } from "../../src/command-kit/dispatch.ts";
import { handleReaction, sharePaper } from "../../src/command-kit/interactions.ts";
import { RecordingTransport } from "../digest/support.ts";
import { createServices } from "../../src/app/services.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import type { CommandContext } from "../../src/command-kit/command.ts";
import { localDate } from "../../src/core/time.ts";
import { createTestServices, type TestServices } from "../support/services.ts";
import { person, reaction } from "../emulators/discord/index.ts";
import { startHarness as startDiscord, type Harness as DiscordHarness } from "../discord/harness.ts";
import { startHarness as startSlack, type SlackHarness } from "../slack/harness.ts";

const registry = createRegistry();

describe("the same command or reaction ten times at once (real database)", () => {
  let services: TestServices;
  const channel = { platform: "slack" as const, workspaceId: "T1", channelId: "C1" };
  const ctx = (): CommandContext => ({ services, user: { platform: "slack", workspaceId: "T1", userId: "U1" }, channel, canManageChannel: true, now: new Date("2025-03-11T06:00:00Z") });
  beforeAll(async () => { services = await createTestServices(); });
  afterAll(async () => { await services.close(); });

  it("subscribe: one subscription, every answer a confirmation", async () => {
    const replies = await Promise.all(Array.from({ length: 10 }, () => runText(registry, "subscribe 09:00 Europe/Berlin mixture of experts", ctx())));
    expect(replies.map((r) => r.tone)).toEqual(Array(10).fill("info"));
    expect(await services.db.subscription.count()).toBe(1);
    expect(await services.db.subscription.findFirst()).toMatchObject({ localTime: "09:00", timeZone: "Europe/Berlin", topic: "mixture of experts" });
  });

  it("unsubscribe: gone, and no answer is an apology", async () => {
    const replies = await Promise.all(Array.from({ length: 10 }, () => runText(registry, "unsubscribe", ctx())));
    expect(replies.every((r) => !/^Sorry, something went wrong/.test(r.text))).toBe(true);
    expect(await services.db.subscription.count()).toBe(0);
  });

  it("Share clicked three times at once, then again later: one post, and the other clicks point to it", async () => {
    const paperId = (await services.papers.trending(localDate(new Date(), "UTC")))!.ids[3]!;
    const transport = new RecordingTransport("slack");
    const replies = await Promise.all([1, 2, 3].map(() => sharePaper(ctx(), transport, paperId)));
    expect(transport.posts).toHaveLength(1);
    expect(replies.filter((r) => r.text.startsWith("Shared “"))).toHaveLength(1);
    expect(replies.filter((r) => /was posted in this channel in the last few minutes/.test(r.text))).toHaveLength(2);
    expect((await sharePaper(ctx(), transport, paperId)).text).toMatch(/in the last few minutes/);
    expect(transport.posts).toHaveLength(1);
    // Elsewhere it is a share of its own.
    await sharePaper({ ...ctx(), channel: { ...channel, channelId: "C2" } }, transport, paperId);
    expect(transport.posts).toHaveLength(2);
  });

  it("Share clicked on two replicas at the same moment posts once", async () => {
    const other = await createServices(loadConfig({ DATABASE_URL: services.testDatabase.url, HF_REFRESH: "off" }), createLogger({ level: "silent" }));
    try {
      const paperId = (await services.papers.trending(localDate(new Date(), "UTC")))!.ids[5]!;
      const transport = new RecordingTransport("slack");
      const replies = await Promise.all([sharePaper(ctx(), transport, paperId), sharePaper({ ...ctx(), services: other }, transport, paperId)]);
      expect(transport.posts).toHaveLength(1);
      expect(replies.map((r) => r.text.startsWith("Shared “")).sort()).toEqual([false, true]);
    } finally { await other.close(); }
  });

  it("a 🔖 reaction: one bookmark, exactly one 'Bookmarked' and the rest 'already'", async () => {
    const paperId = (await services.papers.trending(localDate(new Date(), "UTC")))!.ids[0]!;
    await services.posted.record(channel, "1700000000.000100", paperId, "digest");
    const user = { platform: "slack" as const, workspaceId: "T1", userId: "U2" };
    const replies = await Promise.all(Array.from({ length: 10 }, () => handleReaction(services, user, channel, "1700000000.000100", true)));
    expect(replies.filter((r) => r?.text.startsWith("🔖 Bookmarked"))).toHaveLength(1);
    expect(replies.filter((r) => /is already in your bookmarks/.test(r?.text ?? ""))).toHaveLength(9);
    expect(await services.db.bookmark.count({ where: { userId: "U2" } })).toBe(1);
    const removals = await Promise.all(Array.from({ length: 10 }, () => handleReaction(services, user, channel, "1700000000.000100", false)));
    expect(removals.filter((r) => r !== null)).toHaveLength(1);
    expect(await services.db.bookmark.count({ where: { userId: "U2" } })).toBe(0);
    expect(services.logs.text).not.toMatch(/"level":"error"/);
  });
});

describe("Slack redelivery (X-Slack-Retry-Num) through Bolt", () => {
  let h: SlackHarness;
  beforeAll(async () => { h = await startSlack(); });
  afterAll(async () => { await h?.close(); });

  it("a slash command Slack retries leaves one subscription", async () => {
    const ids = [h.nextResponseId(), h.nextResponseId(), h.nextResponseId()];
    const statuses = await Promise.all(ids.map((id, n) => h.requester.command("subscribe 08:30 Asia/Tokyo", h.emulator.responseUrl(id), {}, n ? { retryNum: n } : {})));
    expect(statuses.map((s) => s.status)).toEqual([200, 200, 200]);
    for (const id of ids) expect((await h.emulator.response(id)).body.text ?? "").not.toMatch(/^Sorry/);
    expect(await h.services.db.subscription.findMany({ select: { localTime: true, timeZone: true } })).toEqual([{ localTime: "08:30", timeZone: "Asia/Tokyo" }]);
  });

  it("a reaction event delivered five times at once and retried twice bookmarks once and confirms once", async () => {
    const paperId = (await h.services.papers.trending(localDate(new Date(), "UTC")))!.ids[1]!;
    await h.services.posted.record({ platform: "slack", workspaceId: h.emulator.teamId, channelId: "C0GENERAL" }, "1700000000.000200", paperId, "share");
    h.emulator.reset();
    const item = { channel: "C0GENERAL", ts: "1700000000.000200" };
    await Promise.all(Array.from({ length: 5 }, () => h.requester.reaction(true, item, "EvHardDup1", { userId: "U0DUP" })));
    for (const retryNum of [1, 2]) await h.requester.reaction(true, item, "EvHardDup1", { userId: "U0DUP" }, { retryNum });
    await h.emulator.waitFor(() => h.emulator.okCalls("chat.postEphemeral")[0]);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.emulator.callsTo("chat.postEphemeral")).toHaveLength(1);
    expect(await h.services.db.bookmark.count({ where: { userId: "U0DUP", paperId } })).toBe(1);
    expect(await h.services.db.processedEvent.count({ where: { eventId: "EvHardDup1" } })).toBe(1);
  });
});

describe("Discord replay after a resume", () => {
  let h: DiscordHarness;
  beforeAll(async () => { h = await startDiscord(); });
  afterAll(async () => { await h?.close(); });

  it("the same reaction replayed three times leaves one bookmark and no error", async () => {
    const guildId = h.emulator.guilds[0]!.id;
    const channel = { platform: "discord" as const, workspaceId: guildId, channelId: h.channelId };
    const paperId = (await h.services.papers.trending(localDate(new Date(), "UTC")))!.ids[0]!;
    const { messageId } = await h.bot.transport.post(channel, { visibility: "channel", text: "paper", papers: [], actions: [] });
    await h.services.posted.record(channel, messageId, paperId, "digest");
    const ada = person("ada");
    for (let i = 0; i < 3; i++) reaction(h.emulator, true, { id: messageId, channel_id: h.channelId }, ada);
    const dmsAfter = () => h.emulator.records.filter((r) => r.method === "POST" && r.path === `/channels/${h.emulator.dmChannelOf(ada.id)}/messages`);
    await h.emulator.waitFor(() => dmsAfter().length === 3, "three confirmations");
    const texts = dmsAfter().map((r) => String(r.body.content));
    expect(texts.filter((t) => t.startsWith("🔖 Bookmarked"))).toHaveLength(1);
    expect(await h.services.db.bookmark.count({ where: { userId: ada.id, paperId } })).toBe(1);
    expect(h.services.logs.text).not.toContain("discord reaction failed");
  });
});
