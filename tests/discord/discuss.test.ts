// Discuss on Discord (issue 15, item 3): a thread started from the message with the abstract, links and
// who asked; once per message however often pressed, concurrently or from two replicas (the emulator,
// like Discord, refuses a second thread on a message with 160004). Real discord.js against the emulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clickComponent, PERMISSIONS, person, reaction, type MessageRecord } from "../emulators/discord/index.ts";
import { deferredThenEdited, startHarness, type Harness } from "./harness.ts";
import { paperReply } from "../../src/core/digest/messages.ts";
import { personalTarget } from "../../src/core/person-target.ts";
import { openDiscussion } from "../../src/command-kit/discuss.ts";
import { DiscordTransport, createPostingRest } from "../../src/adapters/discord/transport.ts";
import { ComponentIds } from "../../src/adapters/discord/component-ids.ts";
import { checkMessageBody } from "../emulators/discord/limits.ts";
import type { Paper } from "../../src/core/paper.ts";
import { TOKEN } from "./harness.ts";

let h: Harness;
let paper: Paper;
beforeAll(async () => {
  h = await startHarness();
  paper = h.services.catalog.get((await h.services.papers.trending(new Date().toISOString().slice(0, 10)))!.ids[0]!)!;
});
afterAll(async () => { await h?.close(); });
beforeEach(() => { h.emulator.reset(); });

const channel = () => ({ platform: "discord" as const, workspaceId: h.emulator.guilds[0]!.id, channelId: h.channelId });
const buttons = (message: any): { custom_id: string; label?: string }[] => message.components.flatMap((row: any) => row.components);

/** A digest card posted as the digest posts it (keyed), as Discord holds it. */
async function digestCard(key: string): Promise<MessageRecord> {
  const { messageId } = await h.bot.transport.post(channel(), paperReply(paper, 1), { idempotencyKey: key });
  return h.emulator.messages.get(messageId)!;
}

async function press(message: MessageRecord, name: string, permissions?: string): Promise<string> {
  const discuss = buttons(message).find((b) => b.custom_id.startsWith("pd:") || b.custom_id.includes("pd:"))!;
  const { edit } = await deferredThenEdited(h.emulator, clickComponent(h.emulator, message, discuss.custom_id, { user: person(name), ...(permissions ? { permissions } : {}) }));
  return edit.body.content as string;
}

const postsIn = (threadId: string) => h.emulator.channelMessages(threadId);

describe("Discuss on Discord", () => {
  it("a digest card's Discuss starts a thread from the message with the abstract, links and who asked", async () => {
    const card = await digestCard("dd1.1");
    expect(buttons(card).map((b) => b.label)).toContain("Discuss");
    const ada = person("ada");
    const discuss = buttons(card).find((b) => b.label === "Discuss")!;
    const { edit } = await deferredThenEdited(h.emulator, clickComponent(h.emulator, card, discuss.custom_id, { user: ada }));
    expect(edit.body.content).toBe(`💬 Opened a discussion of “${paper.title}” in this message's thread.`);
    const thread = h.emulator.threads.get(card.id)!;
    expect(thread).toMatchObject({ parent_id: h.channelId, type: 11 });
    expect(thread.name.startsWith("💬 ")).toBe(true);
    expect(thread.name.length).toBeLessThanOrEqual(100);
    const [starter, ...rest] = postsIn(thread.id);
    expect(rest).toHaveLength(0);
    expect(starter!.content).toContain(`<@${ada.id}> started a discussion of`);
    const embed = starter!.embeds[0] as any;
    expect(embed.description).toContain(paper.summary.slice(0, 60));
    const links = embed.fields.find((f: any) => f.name === "Links").value as string;
    expect(links).toContain(`[Hugging Face](${embed.url})`);
    if (paper.arxivId) expect(links).toContain(`[PDF](https://arxiv.org/pdf/${paper.arxivId})`);
    expect(checkMessageBody(starter)).toBeNull();
  });

  it("Discuss in a DM (a channel digest subscribed there) says threads are a server's, and asks Discord for none", async () => {
    const ada = person("ada");
    await h.bot.transport.post(personalTarget({ ...channel(), userId: ada.id }), { visibility: "channel", text: "Your papers for today:" }); // opens the DM
    const dm = { platform: "discord" as const, workspaceId: "dm", channelId: h.emulator.dmChannelOf(ada.id)! };
    const { messageId } = await h.bot.transport.post(dm, paperReply(paper, 1), { idempotencyKey: "dd-dm.1" });
    const card = h.emulator.messages.get(messageId)!;
    const discuss = buttons(card).find((b) => b.label === "Discuss")!;
    const { edit } = await deferredThenEdited(h.emulator, clickComponent(h.emulator, card, discuss.custom_id, { user: ada, channelId: dm.channelId, dm: true }));
    expect(edit.body.content).toBe("⚠️ Discussion threads open on a server channel's messages; a direct message has none. Press Discuss on the paper in a server channel.");
    expect(h.emulator.records.some((r) => r.path.endsWith("/threads"))).toBe(false);
  });

  it("Discuss on a paper posted inside a thread (a digest subscribed there) says to discuss it right there", async () => {
    const card = await digestCard("dd-thread.1");
    await press(card, "ada");
    const inThread = { ...channel(), channelId: card.id };
    const { messageId } = await h.bot.transport.post(inThread, paperReply(paper, 1), { idempotencyKey: "dd-thread.2" });
    const nested = h.emulator.messages.get(messageId)!;
    expect(await press(nested, "bo")).toBe("⚠️ This message is in a thread already, and Discord opens no thread inside another; discuss the paper right here.");
    expect(h.emulator.records.some((r) => r.path.endsWith(`/messages/${messageId}/threads`))).toBe(false);
  });

  it("Discuss on a paper posted in a voice channel's text chat says Discord has no threads there", async () => {
    const voice = h.emulator.addChannel("lounge", 2);
    const { messageId } = await h.bot.transport.post({ ...channel(), channelId: voice }, paperReply(paper, 1), { idempotencyKey: "dd-voice.1" });
    expect(await press(h.emulator.messages.get(messageId)!, "ada")).toBe("⚠️ Discord opens no threads in a voice channel's text chat; discuss the paper right here.");
    expect(h.emulator.records.some((r) => r.path.endsWith(`/messages/${messageId}/threads`))).toBe(false);
  });

  it("a member who can't create threads in the channel is refused, and no thread is opened", async () => {
    const card = await digestCard("dd1.denied");
    for (const permissions of [PERMISSIONS.noThreads, PERMISSIONS.readOnly]) {
      expect(await press(card, "ada", permissions)).toBe("⚠️ You can't create threads in this channel, so I won't open a discussion there for you.");
    }
    expect(h.emulator.threads.get(card.id)).toBeUndefined();
    expect(h.emulator.records.some((r) => r.path.endsWith(`/messages/${card.id}/threads`))).toBe(false);
    // Nothing was claimed: someone who may opens it as usual.
    expect(await press(card, "bo")).toMatch(/^💬 Opened/);
  });

  it("a message deleted before Discuss is pressed is said to be gone", async () => {
    const card = await digestCard("dd1.deleted");
    h.emulator.messages.delete(card.id);
    expect(await press(card, "ada")).toBe("⚠️ That message was deleted, so there is no thread to open on it; share the paper again and press Discuss on the new one.");
    expect(h.emulator.threads.get(card.id)).toBeUndefined();
  });

  it("a 🔖 on the thread's first message, which shows the paper in full, bookmarks the paper", async () => {
    const card = await digestCard("dd1.react");
    await press(card, "ada");
    const [starter] = postsIn(h.emulator.threads.get(card.id)!.id);
    const cy = person("cy");
    reaction(h.emulator, true, starter!, cy);
    const dm = await h.emulator.waitFor((r) => r.method === "POST" && r.path === `/channels/${h.emulator.dmChannelOf(cy.id)}/messages`, "DM confirmation");
    expect(dm.body.content).toMatch(/^🔖 Bookmarked “/);
    expect(await h.services.bookmarks.has({ platform: "discord", workspaceId: h.emulator.guilds[0]!.id, userId: cy.id }, paper.id)).toBe(true);
  });

  it("a 🔖 in the thread after a restart still bookmarks: the thread comes with the guild, or when it is unarchived", async () => {
    const card = await digestCard("dd1.restart");
    await press(card, "ada");
    const [starter] = postsIn(h.emulator.threads.get(card.id)!.id);
    const bookmarkedBy = async (name: string) => {
      const who = person(name);
      reaction(h.emulator, true, starter!, who);
      await h.emulator.waitFor((r) => r.method === "POST" && r.path === `/channels/${h.emulator.dmChannelOf(who.id)}/messages`, "DM confirmation");
      return h.services.bookmarks.has({ platform: "discord", workspaceId: h.emulator.guilds[0]!.id, userId: who.id }, paper.id);
    };
    // Active: Discord lists it in GUILD_CREATE, so the new client knows the channel the reaction names.
    await h.restart();
    expect(await bookmarkedBy("dee")).toBe(true);
    // Archived while the bot was down: not in GUILD_CREATE; someone posting there unarchives it (THREAD_UPDATE).
    h.emulator.setThreadState(card.id, { archived: true });
    await h.restart();
    expect(() => reaction(h.emulator, true, starter!, person("fay"))).toThrow(/archived/);
    h.emulator.setThreadState(card.id, { archived: false });
    expect(await bookmarkedBy("gus")).toBe(true);
  });

  it("pressing twice, or four people at once, gives one thread and one starter", async () => {
    const card = await digestCard("dd2.1");
    expect(await press(card, "ada")).toMatch(/^💬 Opened/);
    // A link to the thread (a channel mention, which Discord shows as the thread's name): its id is the message's.
    expect(await press(card, "bo")).toMatch(new RegExp(`is already open in <#${card.id}>; join it there`));
    const many = await digestCard("dd2.2");
    const answers = await Promise.all(["a", "b", "c", "d"].map((n) => press(many, n)));
    expect(answers.filter((a) => a.startsWith("💬 Opened"))).toHaveLength(1);
    for (const message of [card, many]) {
      expect(postsIn(message.id)).toHaveLength(1);
      expect(h.emulator.records.filter((r) => r.method === "POST" && r.path === `/channels/${h.channelId}/messages/${message.id}/threads`)).toHaveLength(1);
    }
  });

  it("two replicas pressing at once (separate transports and stores, one database) still give one thread", async () => {
    const card = await digestCard("dd3.1");
    const { createServices } = await import("../../src/app/services.ts");
    const { loadConfig } = await import("../../src/config.ts");
    const { createLogger } = await import("../../src/log.ts");
    const { Writable } = await import("node:stream");
    const sink = new Writable({ write(_c, _e, done) { done(); } });
    const replica = await createServices(loadConfig({ DATABASE_URL: h.services.testDatabase.url, HF_REFRESH: "off", HF_API_URL: "http://127.0.0.1:9/api" }),
      createLogger({ level: "error", destination: sink }));
    try {
      const transports = [h.bot.transport, new DiscordTransport(createPostingRest({ token: TOKEN, api: h.emulator.apiUrl }), new ComponentIds())];
      const replies = await Promise.all([h.services, replica].map((services, i) => openDiscussion(
        { services, user: { ...channel(), userId: `9000000000000${i}` }, channel: channel(), canManageChannel: false, now: new Date() },
        transports[i]!, card.id, paper.id)));
      expect(replies.filter((r) => r.text.startsWith("💬 Opened"))).toHaveLength(1);
      expect(postsIn(card.id)).toHaveLength(1);
    } finally {
      await replica.close();
    }
  });

  it("a thread a moderator deleted since is opened again, not pointed to; once, however many press", async () => {
    const card = await digestCard("dd5.1");
    expect(await press(card, "ada")).toMatch(/^💬 Opened/);
    h.emulator.deleteThread(card.id);
    const answers = await Promise.all(["bo", "cy", "di"].map((n) => press(card, n)));
    expect(answers.filter((a) => a.startsWith("💬 Opened"))).toHaveLength(1);
    expect(h.emulator.threads.get(card.id)).toBeDefined();
    expect(postsIn(card.id)).toHaveLength(1);
    expect(await press(card, "ed")).toMatch(new RegExp(`is already open in <#${card.id}>; join it there`));
  });

  it("a thread a moderator locked (or closed) is said to be locked, not pointed to as open; an archived one is reopened", async () => {
    const card = await digestCard("dd6.1");
    expect(await press(card, "ada")).toMatch(/^💬 Opened/);
    const locked = `⚠️ A moderator locked the discussion of “${paper.title}” in <#${card.id}>, so no one can post there; ask a moderator to unlock it.`;
    h.emulator.setThreadState(card.id, { locked: true });
    expect(await press(card, "bo")).toBe(locked);
    h.emulator.closeThread(card.id);
    expect(await press(card, "cy")).toBe(locked);
    expect(h.emulator.threads.get(card.id)!.thread_metadata).toMatchObject({ archived: true, locked: true });
    // Three quiet days archive it, unlocked: it is reopened (as a post would), so the link leads to a live thread.
    h.emulator.setThreadState(card.id, { archived: true, locked: false });
    expect(await press(card, "di")).toMatch(new RegExp(`is already open in <#${card.id}>; join it there`));
    expect(h.emulator.threads.get(card.id)!.thread_metadata.archived).toBe(false);
    expect(postsIn(card.id)).toHaveLength(1);
  });

  it("a thread Discord already has on the message (an opener that died) is reused, not refused", async () => {
    const card = await digestCard("dd4.1");
    // As if a process created the thread, then died before posting or recording it.
    await fetch(`${h.emulator.apiUrl}/v10/channels/${h.channelId}/messages/${card.id}/threads`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bot ${TOKEN}` },
      body: JSON.stringify({ name: "orphan" }) });
    expect(await press(card, "ada")).toMatch(/^💬 Opened/);
    expect(h.emulator.records.some((r) => r.path.endsWith(`/messages/${card.id}/threads`) && r.status === 400)).toBe(true);
    expect(postsIn(card.id)).toHaveLength(1);
  });
});
