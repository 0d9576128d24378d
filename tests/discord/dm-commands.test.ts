// /papers in a person's DM with the bot. Discord gives a DM no server, so the person's things (reading list,
// personal digest) are those of the server they use the bot in, even before they have a personal digest.
import { afterAll, beforeAll, expect, it } from "vitest";
import { person, reaction, slashCommand } from "../emulators/discord/index.ts";
import { deferredThenEdited, startHarness, TOKEN, type Harness } from "./harness.ts";
import { registerCommands } from "../../src/adapters/discord/register.ts";
import { personalTarget } from "../../src/core/person-target.ts";
import { paperReply } from "../../src/core/digest/messages.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await registerCommands(h.registry, { token: TOKEN, applicationId: h.emulator.applicationId, api: h.emulator.apiUrl });
});
afterAll(async () => { await h?.close(); });

const server = () => h.emulator.guilds[0]!.id;

async function dmOf(userId: string): Promise<string> {
  const res = await fetch(`${h.emulator.apiUrl}/v10/users/@me/channels`, { method: "POST",
    headers: { "content-type": "application/json", authorization: `Bot ${TOKEN}` }, body: JSON.stringify({ recipient_id: userId }) });
  return ((await res.json()) as { id: string }).id;
}

async function say(sub: string, values: Record<string, string | number>, actor: Parameters<typeof slashCommand>[3]): Promise<string> {
  const { edit } = await deferredThenEdited(h.emulator, slashCommand(h.emulator, sub, values, actor));
  return edit.body.content as string;
}

it("a reading list kept in the server shows in the DM, and a personal digest started there is the server's, not a second one", async () => {
  const ada = person("ada");
  await say("trending", { count: 3 }, { user: ada });
  expect(await say("bookmark", { id: "2" }, { user: ada })).toMatch(/^🔖 Bookmarked/);
  const inDm = { user: ada, channelId: await dmOf(ada.id), dm: true };
  expect(await say("bookmarks", {}, inDm)).toMatch(/^Your reading list \(1 of 1/);
  expect(await say("subscribe", { who: "me", time: "08:00", zone: "UTC" }, inDm)).toMatch(/^You'll get your own papers by direct message/);
  expect(await h.services.subscriptions.get(personalTarget({ platform: "discord", workspaceId: server(), userId: ada.id }))).not.toBeNull();
  expect(await h.services.subscriptions.get(personalTarget({ platform: "discord", workspaceId: "dm", userId: ada.id }))).toBeNull();
});

it("so does one saved only by 🔖 on a channel message", async () => {
  const bo = person("bo");
  const channel = { platform: "discord" as const, workspaceId: server(), channelId: h.emulator.guilds[0]!.channels[0]!.id };
  const paper = h.services.catalog.get((await h.services.papers.trending(new Date().toISOString().slice(0, 10)))!.ids[0]!)!;
  const { messageId } = await h.bot.transport.post(channel, paperReply(paper, 1), { idempotencyKey: "dm-cmd.1" });
  await h.services.posted.record(channel, messageId, paper.id, "digest");
  const dm = await dmOf(bo.id);
  reaction(h.emulator, true, { id: messageId, channel_id: channel.channelId }, bo);
  await h.emulator.waitFor((r) => r.method === "POST" && r.path === `/channels/${dm}/messages`, "DM confirmation");
  expect(await say("bookmarks", {}, { user: bo, channelId: dm, dm: true })).toMatch(/^Your reading list \(1 of 1/);
});

it("a channel digest set up in a DM with the bot is that DM's: its answer says so, and nobody else's list shows it", async () => {
  const cy = person("cy"), dee = person("dee");
  const cyDm = await dmOf(cy.id), deeDm = await dmOf(dee.id);
  const subscribed = await say("subscribe", { time: "07:15", zone: "Asia/Tokyo", topic: "my thesis topic" }, { user: cy, channelId: cyDm, dm: true });
  expect(subscribed).toMatch(/^Subscribed this DM: next digest /);
  expect(await say("subscriptions", {}, { user: cy, channelId: cyDm, dm: true })).toMatch(/^Digests you set up \(1\):\n• this DM: 07:15 Asia\/Tokyo, .*topic "my thesis topic"/);
  const deeSees = await say("subscriptions", {}, { user: dee, channelId: deeDm, dm: true });
  expect(deeSees).not.toContain(cyDm);
  expect(deeSees).not.toContain("thesis");
});
