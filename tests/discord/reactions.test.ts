import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clickComponent, person, reaction, slashCommand, type EmulatedUser } from "../emulators/discord/index.ts";
import type { RestRecord } from "../emulators/discord/index.ts";
import { deferredThenEdited, startHarness, TOKEN, type Harness } from "./harness.ts";
import { registerCommands } from "../../src/adapters/discord/register.ts";
import { personalTarget } from "../../src/core/person-target.ts";
import { paperReply } from "../../src/core/digest/messages.ts";
import type { Paper } from "../../src/core/paper.ts";
import { holdLock } from "../support/lock-holder.ts";

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const guildId = () => h.emulator.guilds[0]!.id;
const channel = () => ({ platform: "discord" as const, workspaceId: guildId(), channelId: h.channelId });
const userRef = (u: EmulatedUser) => ({ platform: "discord" as const, workspaceId: guildId(), userId: u.id });

/** A paper message as the digest posts it: through the transport, recorded in PostedMessage. */
async function postPaper(index: number): Promise<{ id: string; channel_id: string; paperId: string }> {
  const paper = [...h.services.catalog.papers(h.services.catalog.index.search("language models", { limit: 10 }).hits)][index]!;
  const { messageId } = await h.bot.transport.post(channel(), { visibility: "channel", text: paper.title, papers: [{ id: paper.id, arxivId: paper.arxivId, title: paper.title, url: "https://example.org", summary: paper.summary, authors: paper.authors, upvotes: paper.upvotes, githubUrl: null }], actions: ["bookmark"] });
  await h.services.posted.record(channel(), messageId, paper.id, "digest");
  return { id: messageId, channel_id: h.channelId, paperId: paper.id };
}

function dmTo(user: EmulatedUser, after: number) {
  return (r: RestRecord) => r.at > after && r.method === "POST" && r.path === `/channels/${h.emulator.dmChannelOf(user.id)}/messages`;
}

describe("🔖 reactions", () => {
  it("bookmark and unbookmark by reaction on a message the restarted bot never saw, confirmed by DM", async () => {
    const message = await postPaper(0);
    await h.restart(); // new client: no cached messages, channels or users from before
    const ada = person("ada");
    const start = performance.now();
    reaction(h.emulator, true, message, ada);
    const dm = await h.emulator.waitFor(dmTo(ada, start), "DM confirmation");
    expect(dm.body.content).toMatch(/^🔖 Bookmarked “.+”/);
    expect(await h.services.bookmarks.has(userRef(ada), message.paperId)).toBe(true);
    expect(h.emulator.records.some((r) => r.at > start && r.method === "POST" && r.path === `/channels/${h.channelId}/messages`)).toBe(false);

    const removedAt = performance.now();
    reaction(h.emulator, false, message, ada);
    const second = await h.emulator.waitFor(dmTo(ada, removedAt), "removal DM");
    expect(second.body.content).toMatch(/^Removed “.+” from your bookmarks/);
    expect(await h.services.bookmarks.has(userRef(ada), message.paperId)).toBe(false);
  });

  it("answers 🔖 added, taken off and added again at once in that order, each saying what happened", async () => {
    const message = await postPaper(3);
    const cy = person("cy");
    const start = performance.now();
    for (const added of [true, false, true, false, true]) reaction(h.emulator, added, message, cy);
    const dms = () => h.emulator.records.filter(dmTo(cy, start));
    const deadline = Date.now() + 10_000;
    while (dms().length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const said = dms().map((r) => String(r.body.content));
    expect(said).toHaveLength(5);
    expect(said.map((text) => text.replace(/“.+”/, "“…”"))).toEqual(["🔖 Bookmarked “…”. See your list with /papers bookmarks.",
      "Removed “…” from your bookmarks.", "🔖 Bookmarked “…”. See your list with /papers bookmarks.", "Removed “…” from your bookmarks.",
      "🔖 Bookmarked “…”. See your list with /papers bookmarks."]);
    expect(await h.services.bookmarks.has(userRef(cy), message.paperId)).toBe(true);
  });

  it("when the person's DMs are closed, the bot adds ✅ to the message instead", async () => {
    const message = await postPaper(1);
    const bob = person("bob");
    h.emulator.closedDms.add(bob.id);
    const start = performance.now();
    reaction(h.emulator, true, message, bob);
    const check = await h.emulator.waitFor((r) => r.at > start && r.method === "PUT" && r.path.startsWith(`/channels/${h.channelId}/messages/${message.id}/reactions/`), "✅ reaction");
    expect(check.path).toContain("✅");
    expect(await h.services.bookmarks.has(userRef(bob), message.paperId)).toBe(true);
  });

  it("ignores 🔖 on a message that is not a paper, and other emoji on a paper", async () => {
    const chatter = h.emulator.seedMessage(h.channelId, "lunch?", person("carol"));
    const paper = await postPaper(2);
    const dave = person("dave");
    const start = performance.now();
    reaction(h.emulator, true, chatter, dave);
    reaction(h.emulator, true, paper, dave, "👍");
    // A 🔖 on a paper afterwards: once its DM is out, the events before it have been handled.
    reaction(h.emulator, true, paper, dave);
    await h.emulator.waitFor(dmTo(dave, start), "DM for the paper");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = h.emulator.records.filter((r) => r.at > start);
    expect(after.filter((r) => r.method === "POST" && r.path.endsWith("/messages"))).toHaveLength(1);
    expect(after.filter((r) => r.method === "PUT")).toHaveLength(0);
    const { total } = await h.services.bookmarks.list(userRef(dave));
    expect(total).toBe(1);
  });

  it("ignores a 🔖 from another bot (an auto-reactor), added or taken back: nothing saved, no DM", async () => {
    const paper = await postPaper(4);
    const reactor = { ...person("reactor"), bot: true };
    const eve = person("eve");
    const start = performance.now();
    reaction(h.emulator, true, paper, reactor);
    reaction(h.emulator, false, paper, reactor);
    // A person's 🔖 afterwards: once its DM is out, the bot's events before it have been handled.
    reaction(h.emulator, true, paper, eve);
    await h.emulator.waitFor(dmTo(eve, start), "DM for the person");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await h.services.bookmarks.has(userRef(reactor), paper.paperId)).toBe(false);
    expect(h.emulator.records.filter(dmTo(reactor, start))).toHaveLength(0);
    expect(h.emulator.records.some((r) => r.at > start && r.method === "POST" && r.path === "/users/@me/channels"
      && (r.body as { recipient_id?: string }).recipient_id === reactor.id)).toBe(false);
  });
});

describe("🔖 while another process holds the database's write lock", () => {
  it("tells the person their 🔖 was not saved, rather than drop it in silence (Discord sends a reaction once)", async () => {
    const message = await postPaper(3);
    const fay = person("fay");
    const { released } = await holdLock(h.services.testDatabase.url, 3_000);
    const start = performance.now();
    reaction(h.emulator, true, message, fay);
    const dm = await h.emulator.waitFor(dmTo(fay, start), "DM that the 🔖 was not saved");
    expect(dm.body.content).toBe("⚠️ Your 🔖 was not saved: the database is busy with another job right now. Take the 🔖 off and add it again in a moment.");
    expect(await h.services.bookmarks.has(userRef(fay), message.paperId)).toBe(false);
    await released;
  });
});

describe("🔖 on the bot's own message that shows no one paper", () => {
  it("says where a 🔖 bookmarks, by DM, and bookmarks nothing", async () => {
    const { messageId } = await h.bot.transport.post(channel(), { visibility: "channel", text: "Trending papers for today (3):" });
    const erin = person("erin");
    const start = performance.now();
    reaction(h.emulator, true, { id: messageId, channel_id: h.channelId }, erin);
    const dm = await h.emulator.waitFor(dmTo(erin, start), "DM hint");
    expect(dm.body.content).toBe("That message shows no one paper, so there is nothing on it to bookmark; react with 🔖 on a paper's own message, or press its Bookmark button.");
    expect((await h.services.bookmarks.list(userRef(erin))).total).toBe(0);
  });
});

describe("a personal digest, which arrives by DM", () => {
  it("counts its 🔖 and its buttons in the server the digest comes from, not in a DM-only reading list", async () => {
    const eve = person("eve");
    const target = personalTarget(userRef(eve));
    await h.services.subscriptions.upsert(target, { localTime: "09:00", timeZone: "UTC", topic: null, size: 5, ranking: "trending", createdBy: eve.id });
    const [first, second] = h.services.catalog.papers(h.services.catalog.index.search("language models", { limit: 2 }).hits);
    const posted = async (paper: Paper, key: string) => {
      const { messageId } = await h.bot.transport.post(target, paperReply(paper, 1), { idempotencyKey: key });
      await h.services.posted.record(target, messageId, paper.id, "digest");
      return h.emulator.messages.get(messageId)!;
    };
    const byReaction = await posted(first!, "pdm.1");
    const dm = h.emulator.dmChannelOf(eve.id)!;
    expect(byReaction.channel_id).toBe(dm);
    const start = performance.now();
    reaction(h.emulator, true, byReaction, eve, "🔖", { dm: true });
    await h.emulator.waitFor(dmTo(eve, start), "DM confirmation");
    expect(await h.services.bookmarks.has(userRef(eve), first!.id)).toBe(true);
    // The DM is cached by now, so discord.js reports its reactions too: still handled once.
    const removedAt = performance.now();
    reaction(h.emulator, false, byReaction, eve, "🔖", { dm: true });
    await h.emulator.waitFor(dmTo(eve, removedAt), "removal DM");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.emulator.records.filter(dmTo(eve, removedAt))).toHaveLength(1);
    expect(await h.services.bookmarks.has(userRef(eve), first!.id)).toBe(false);

    const byButton = await posted(second!, "pdm.2");
    const bookmark = (byButton.components as { components: { custom_id: string; label: string }[] }[]).flatMap((row) => row.components)
      .find((b) => b.label === "Bookmark")!;
    const { edit } = await deferredThenEdited(h.emulator, clickComponent(h.emulator, byButton, bookmark.custom_id, { user: eve, channelId: dm, dm: true }));
    expect(edit.body.content).toContain("Bookmarked");
    expect(await h.services.bookmarks.has(userRef(eve), second!.id)).toBe(true);
    // /papers in the DM itself: Discord offers it there once it is registered globally (papers discord register).
    await registerCommands(h.registry, { token: TOKEN, applicationId: h.emulator.applicationId, api: h.emulator.apiUrl });
    const list = await deferredThenEdited(h.emulator, slashCommand(h.emulator, "bookmarks", {}, { user: eve, channelId: dm, dm: true }));
    expect(JSON.stringify(list.edit.body)).toContain(`Your reading list (1 of 1`); // the button's bookmark, in the server's list
  });
});
