// A channel (or a thread) deleted while it has a digest: no one can subscribe again, or unsubscribe, in a
// channel that is gone, so its digests stop for good (not pause, which would list them for ever) and
// whoever set them up is told once by DM. Real discord.js against the emulator's CHANNEL_DELETE / THREAD_DELETE.
import { afterAll, beforeAll, expect, it } from "vitest";
import { PERMISSIONS, person, slashCommand } from "../emulators/discord/index.ts";
import { deferredThenEdited, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const admin = person("admin");
const ref = (channelId: string) => ({ platform: "discord" as const, workspaceId: h.emulator.guilds[0]!.id, channelId });

async function subscribe(channelId: string, values: Record<string, string>): Promise<void> {
  const { edit } = await deferredThenEdited(h.emulator, slashCommand(h.emulator, "subscribe", values, { user: admin, permissions: PERMISSIONS.manageChannels, channelId }));
  expect(edit.body.content).toMatch(/^Subscribed/);
}

const dmsTo = (userId: string) => h.emulator.records.filter((r) => r.method === "POST" && r.path === `/channels/${h.emulator.dmChannelOf(userId)}/messages`);

it("a deleted channel's daily and weekly digests stop, its subscriber is told once, and the listing no longer shows it", async () => {
  const channelId = h.emulator.addChannel("reading-group");
  await subscribe(channelId, { time: "09:00", zone: "UTC" });
  await subscribe(channelId, { time: "10:00", zone: "UTC", every: "weekly", day: "mon" });
  h.emulator.deleteChannel(channelId);
  const dm = await h.emulator.waitFor((r) => r.method === "POST" && r.path === `/channels/${h.emulator.dmChannelOf(admin.id)}/messages`, "DM to the subscriber");
  expect(dm.body.content).toBe("The daily and weekly papers digests you set up for #reading-group stopped: it was deleted. To get papers in another channel, run /papers subscribe there.");
  expect(await h.services.subscriptions.get(ref(channelId), "daily")).toBeNull();
  expect(await h.services.subscriptions.get(ref(channelId), "weekly")).toBeNull();
  const { edit } = await deferredThenEdited(h.emulator, slashCommand(h.emulator, "subscriptions", {}, { user: admin }));
  expect(edit.body.content).not.toContain(channelId);
  expect(dmsTo(admin.id)).toHaveLength(1);
});

it("a deleted thread's digest stops too, and a deleted channel without a digest tells no one", async () => {
  const quiet = h.emulator.addChannel("quiet");
  const { messageId } = await h.bot.transport.post(ref(h.channelId), { visibility: "channel", text: "Reading group" });
  await fetch(`${h.emulator.apiUrl}/v10/channels/${h.channelId}/messages/${messageId}/threads`, { method: "POST",
    headers: { "content-type": "application/json", authorization: `Bot ${h.emulator.token}` }, body: JSON.stringify({ name: "weekly reading" }) });
  const bo = person("bo");
  const { edit } = await deferredThenEdited(h.emulator, slashCommand(h.emulator, "subscribe", { time: "08:00", zone: "UTC" }, { user: bo, permissions: PERMISSIONS.manageChannels, channelId: messageId }));
  expect(edit.body.content).toMatch(/^Subscribed/);
  h.emulator.deleteChannel(quiet);
  h.emulator.deleteThread(messageId);
  const dm = await h.emulator.waitFor((r) => r.method === "POST" && r.path === `/channels/${h.emulator.dmChannelOf(bo.id)}/messages`, "DM to the subscriber");
  expect(dm.body.content).toBe("The daily papers digest you set up for the thread “weekly reading” stopped: it was deleted. To get papers in another channel, run /papers subscribe there.");
  expect(await h.services.subscriptions.get(ref(messageId))).toBeNull();
  const told = h.emulator.records.filter((r) => r.method === "POST" && String(r.body?.content ?? "").includes("stopped: it was deleted"));
  expect(told).toHaveLength(2); // the first test's subscriber and bo: nobody for #quiet
});
