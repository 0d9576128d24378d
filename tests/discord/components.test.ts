import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { autocomplete, clickComponent, PERMISSIONS, person, slashCommand, type MessageRecord } from "../emulators/discord/index.ts";
import { deferredThenEdited, startHarness, TOKEN, type Harness } from "./harness.ts";
import { paperReply } from "../../src/core/digest/messages.ts";
import { createRegistry } from "../../src/commands/index.ts";
import { RateLimiter } from "../../src/core/rate-limit.ts";

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const ada = person("ada");
const userRef = () => ({ platform: "discord" as const, workspaceId: h.emulator.guilds[0]!.id, userId: ada.id });
const buttons = (message: any): { custom_id: string; label?: string }[] => message.components.flatMap((row: any) => row.components);

/** Runs a search as ada and returns the private answer as Discord holds it (the message buttons live on). */
async function searchAnswer(query: string): Promise<MessageRecord> {
  const interaction = slashCommand(h.emulator, "search", { query }, { user: ada });
  await deferredThenEdited(h.emulator, interaction);
  return h.emulator.interactionReplies.get(interaction.token)!.original;
}

describe("buttons, menus and autocomplete", () => {
  it("Bookmark on a search answer bookmarks that paper for the person who clicked", async () => {
    const answer = await searchAnswer("mixture of experts");
    const bookmark = buttons(answer).find((b) => b.custom_id.startsWith("pb:"))!;
    const paperId = bookmark.custom_id.slice(3);
    expect(await h.services.bookmarks.has(userRef(), paperId)).toBe(false);
    const click = clickComponent(h.emulator, answer, bookmark.custom_id, { user: ada });
    const { deferred, edit } = await deferredThenEdited(h.emulator, click);
    expect(deferred.body).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(edit.body.content).toContain(`Bookmarked “${h.services.catalog.get(paperId)!.title}”`);
    expect(await h.services.bookmarks.has(userRef(), paperId)).toBe(true);
  });

  it("a keyed digest message's buttons still work: Bookmark, and the header's reading list", async () => {
    const channel = { platform: "discord" as const, workspaceId: h.emulator.guilds[0]!.id, channelId: h.channelId };
    const paper = h.services.catalog.get((await h.services.papers.trending(new Date().toISOString().slice(0, 10)))!.ids[2]!)!;
    const header = await h.bot.transport.post(channel, { visibility: "channel", tone: "info", text: "Trending papers for today: 1 paper." }, { idempotencyKey: "pd7.0" });
    const card = await h.bot.transport.post(channel, paperReply(paper, 1), { idempotencyKey: "pd7.1" });
    const bookmark = buttons(h.emulator.messages.get(card.messageId))[0]!;
    const { edit } = await deferredThenEdited(h.emulator, clickComponent(h.emulator, h.emulator.messages.get(card.messageId)!, bookmark.custom_id, { user: ada }));
    expect(edit.body.content).toContain("Bookmarked");
    const list = buttons(h.emulator.messages.get(header.messageId))[0]!;
    expect(list.label).toBe("My reading list");
    const answer = await deferredThenEdited(h.emulator, clickComponent(h.emulator, h.emulator.messages.get(header.messageId)!, list.custom_id, { user: ada }));
    expect(JSON.stringify(answer.edit.body)).toContain(paper.title.slice(0, 40));
  });

  it("export hands the bookmarks over as a file attachment", async () => {
    const interaction = slashCommand(h.emulator, "export", { format: "bibtex" }, { user: ada });
    const { edit } = await deferredThenEdited(h.emulator, interaction);
    expect(edit.files).toHaveLength(1);
    expect(edit.files[0]!.name).toMatch(/\.bib$/);
    expect(edit.files[0]!.content).toMatch(/^@\w+\{/m);
  });

  it("Show more turns the page of the private answer in place", async () => {
    const answer = await searchAnswer("mixture of experts");
    const more = buttons(answer).find((b) => b.label === "Show more")!;
    const click = clickComponent(h.emulator, answer, more.custom_id, { user: ada });
    const deferred = await h.emulator.waitFor((r) => r.path === `/interactions/${click.id}/${click.token}/callback`);
    expect(deferred.body.type).toBe(6); // deferred update: the same message is edited
    const edit = await h.emulator.waitFor((r) => r.method === "PATCH" && r.path.includes(click.token));
    expect(edit.body.content).toMatch(/^Papers for "mixture of experts" \(6–\d+ of \d+; \d+ more weak matches not listed\):$/);
    // Seven papers in the capture are about MoE: page 2 holds the last two, the weak matches stay out.
    const page2 = h.services.catalog.papers(h.services.catalog.index.search("mixture of experts", { limit: 2, offset: 5 }).hits);
    expect(edit.body.embeds.map((e: any) => e.title)).toEqual(page2.map((p, i) => `${i + 6}. ${p.title}`));
  });

  it("Show more past the rate limit leaves the list as it was and says why in a private message of its own", async () => {
    const answer = await searchAnswer("mixture of experts");
    const more = buttons(answer).find((b) => b.label === "Show more")!;
    const saved = h.services.commandLimiter;
    // One command a minute, and ada has just used it.
    const limiter = new RateLimiter(1);
    limiter.take(`discord:${h.emulator.guilds[0]!.id}:${ada.id}`, h.services.clock().getTime());
    h.services.commandLimiter = limiter;
    try {
      const click = clickComponent(h.emulator, answer, more.custom_id, { user: ada });
      const deferred = await h.emulator.waitFor((r) => r.path === `/interactions/${click.id}/${click.token}/callback`);
      expect(deferred.body.type).toBe(6);
      const apart = await h.emulator.waitFor((r) => r.method === "POST" && r.path === `/webhooks/${h.emulator.applicationId}/${click.token}`, "follow-up");
      expect(apart.body.content).toMatch(/^⚠️ You're going a bit fast — try again in \d+ seconds?\.$/);
      expect(apart.body.flags).toBe(64);
      expect(h.emulator.records.some((r) => r.method === "PATCH" && r.path.includes(click.token))).toBe(false);
    } finally {
      h.services.commandLimiter = saved;
    }
  });

  it("Share posts the paper as a channel message and remembers it for reactions", async () => {
    const answer = await searchAnswer("mixture of experts");
    const share = buttons(answer).find((b) => b.custom_id.startsWith("ph:"))!;
    const paperId = share.custom_id.slice(3);
    const click = clickComponent(h.emulator, answer, share.custom_id, { user: ada });
    const { edit } = await deferredThenEdited(h.emulator, click);
    expect(edit.body.content).toMatch(/^Shared “.+” to the channel/);
    const posted = h.emulator.channelMessages(h.channelId).at(-1)!;
    expect((posted.embeds[0] as any).title).toBe(h.services.catalog.get(paperId)!.title);
    // It names who shared it, as a mention that pings no one, and leaves the title to the card.
    expect(posted.content).toBe(`Shared by <@${ada.id}>:`);
    const post = h.emulator.records.filter((r) => r.method === "POST" && r.path === `/channels/${h.channelId}/messages`).at(-1)!;
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    expect(buttons(posted).map((b) => b.custom_id)).toEqual([`pb:${paperId}`, `ps:${paperId}`, `pd:${paperId}`, `pn:${paperId}`]);
    const channel = { platform: "discord" as const, workspaceId: h.emulator.guilds[0]!.id, channelId: h.channelId };
    expect(await h.services.posted.paperFor(channel, posted.id)).toBe(paperId);
  });

  it("Share by a member who can't send messages in the channel is refused, and nothing is posted", async () => {
    const answer = await searchAnswer("state space models");
    const share = buttons(answer).filter((b) => b.custom_id.startsWith("ph:"))[1]!;
    const before = h.emulator.channelMessages(h.channelId).length;
    const click = clickComponent(h.emulator, answer, share.custom_id, { user: ada, permissions: PERMISSIONS.readOnly });
    const { edit } = await deferredThenEdited(h.emulator, click);
    expect(edit.body.content).toBe("⚠️ You can't send messages in this channel, so I won't share papers there for you.");
    expect(h.emulator.channelMessages(h.channelId)).toHaveLength(before);
  });

  it("Share that Discord answers with a server error says to try again, not that Discord asked to slow down", async () => {
    const answer = await searchAnswer("state space models");
    const share = buttons(answer).find((b) => b.custom_id.startsWith("ph:"))!;
    h.emulator.failChannel(h.channelId, { kind: "serverError" }, 1);
    const { edit } = await deferredThenEdited(h.emulator, clickComponent(h.emulator, answer, share.custom_id, { user: ada }));
    expect(edit.body.content).toMatch(/Discord didn't take the message just now; try sharing again in a moment\./);
  });

  it("a menu pick (answers with more than five papers) bookmarks the picked paper", async () => {
    const interaction = slashCommand(h.emulator, "trending", { count: 8 }, { user: ada });
    await deferredThenEdited(h.emulator, interaction);
    const answer = h.emulator.interactionReplies.get(interaction.token)!.original;
    const menu = answer.components[0] as any;
    const picked = menu.components[0].options[6].value as string;
    const click = clickComponent(h.emulator, answer, menu.components[0].custom_id, { user: ada }, [picked]);
    const { edit } = await deferredThenEdited(h.emulator, click);
    expect(edit.body.content).toContain("Bookmarked");
    expect(await h.services.bookmarks.has(userRef(), picked)).toBe(true);
  });

  it("autocomplete offers paper titles for the search query and ids for the paper option", async () => {
    const typing = autocomplete(h.emulator, "search", { query: "mixture of exp" }, "query");
    const result = await h.emulator.waitFor((r) => r.path === `/interactions/${typing.id}/${typing.token}/callback`);
    expect(result.body.type).toBe(8);
    const choices = result.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) { expect(c.name.toLowerCase()).toContain("mixture"); expect(c.value).toBe(c.name); }
    // The words as typed come first, so Enter searches for them rather than for a title.
    expect(choices[0]).toEqual({ name: "mixture of exp", value: "mixture of exp" });

    const byId = autocomplete(h.emulator, "paper", { id: "mixture of exp" }, "id");
    const ids = (await h.emulator.waitFor((r) => r.path === `/interactions/${byId.id}/${byId.token}/callback`)).body.data.choices;
    for (const c of ids) expect(h.services.catalog.get(c.value)?.title.startsWith(c.name.replace(/…$/, ""))).toBe(true);

    // A list number is that number, not a title starting with the digit ("2 OLMo 2 Furious").
    const byNumber = autocomplete(h.emulator, "paper", { id: "2" }, "id");
    expect((await h.emulator.waitFor((r) => r.path === `/interactions/${byNumber.id}/${byNumber.token}/callback`)).body.data.choices)
      .toEqual([{ name: "2: number 2 of the last list you saw here", value: "2" }]);
    // Four digits are no list number (none is that long) but the start of an arXiv id: papers are offered.
    const byDigits = autocomplete(h.emulator, "paper", { id: "2503" }, "id");
    const digits = (await h.emulator.waitFor((r) => r.path === `/interactions/${byDigits.id}/${byDigits.token}/callback`)).body.data.choices as { value: string }[];
    expect(digits.every((c) => c.value !== "2503")).toBe(true);
  });

  it("autocomplete for a paper's number shows that paper's title from the person's last list here, and the list itself for none or a number past it", async () => {
    const answer = await searchAnswer("mixture of experts");
    const shown = (answer.embeds as { title: string }[]).map((e) => e.title.replace(/\\(.)/g, "$1"));
    const choicesFor = async (typed: string) => {
      const typing = autocomplete(h.emulator, "paper", { id: typed }, "id", { user: ada });
      return (await h.emulator.waitFor((r) => r.path === `/interactions/${typing.id}/${typing.token}/callback`)).body.data.choices as { name: string; value: string }[];
    };
    expect(await choicesFor("2")).toEqual([{ name: shown[1], value: "2" }]);
    const whole = shown.map((title: string, i: number) => ({ name: title, value: String(i + 1) }));
    expect(await choicesFor("")).toEqual(whole);
    expect(await choicesFor("9")).toEqual(whole); // the list had 5: a choice the command would refuse is not offered
  });

  it("autocomplete for a note or an unbookmark offers the person's own bookmarks, not every paper", async () => {
    const survey = h.services.catalog.papers(h.services.catalog.index.search("survey", { limit: 3 }).hits);
    await h.services.bookmarks.add(userRef(), survey[0]!.id);
    const choicesFor = async (subcommand: string, option: string, typed: string) => {
      const typing = autocomplete(h.emulator, subcommand, { [option]: typed }, option, { user: ada });
      return (await h.emulator.waitFor((r) => r.path === `/interactions/${typing.id}/${typing.token}/callback`)).body.data.choices as { value: string }[];
    };
    const mine = (await h.services.bookmarks.list(userRef())).entries.map((e) => e.paperId);
    // Adding one is any paper but those.
    const adding = autocomplete(h.emulator, "bookmarks", { change: "add", id: "survey" }, "id", { user: ada });
    const added = (await h.emulator.waitFor((r) => r.path === `/interactions/${adding.id}/${adding.token}/callback`)).body.data.choices as { value: string }[];
    expect(added.length).toBeGreaterThan(1);
    for (const [subcommand, option] of [["note", "paper"], ["unbookmark", "id"]] as const) {
      const typed = await choicesFor(subcommand, option, "survey");
      expect(typed.map((c) => c.value), subcommand).toEqual([survey[0]!.arxivId ?? survey[0]!.id]);
      expect((await choicesFor(subcommand, option, "")).map((c) => c.value).sort(), subcommand)
        .toEqual(mine.map((id) => h.services.catalog.get(id)?.arxivId ?? id).sort());
    }
    // A number is the paper of that number in the last list seen here, as the command takes it: not the
    // bookmarks whose id has the digit.
    const answer = await searchAnswer("mixture of experts");
    const second = (answer.embeds as { title: string }[])[1]!.title.replace(/\\(.)/g, "$1");
    for (const [subcommand, option] of [["note", "paper"], ["unbookmark", "id"]] as const) {
      expect(await choicesFor(subcommand, option, "2"), subcommand).toEqual([{ name: second, value: "2" }]);
    }
  });

  it("autocomplete for help's command offers the commands, those starting with what was typed", async () => {
    const choicesFor = async (typed: string) => {
      const typing = autocomplete(h.emulator, "help", { command: typed }, "command", { user: ada });
      return ((await h.emulator.waitFor((r) => r.path === `/interactions/${typing.id}/${typing.token}/callback`)).body.data.choices as { value: string }[]).map((c) => c.value);
    };
    expect(await choicesFor("sub")).toEqual(["subscribe", "subscriptions"]);
    expect(await choicesFor("")).toEqual(createRegistry().visible().map((c) => c.data.name).slice(0, 25));
  });

  it("autocomplete offers IANA zones for the subscribe zone", async () => {
    const typing = autocomplete(h.emulator, "subscribe", { zone: "berl" }, "zone");
    const result = await h.emulator.waitFor((r) => r.path === `/interactions/${typing.id}/${typing.token}/callback`);
    expect(result.body.data.choices).toContainEqual({ name: "Europe/Berlin", value: "Europe/Berlin" });
    // By their current names, which the runtime's list has under old ones (Asia/Calcutta, Europe/Kiev).
    // Cities no zone is named after, accents, former names and abbreviations: first, the zone subscribe would take.
    for (const [typed, zone] of [["kolkata", "Asia/Kolkata"], ["kyiv", "Europe/Kyiv"], ["ho chi", "Asia/Ho_Chi_Minh"], ["mumbai", "Asia/Kolkata"],
      ["san francisco", "America/Los_Angeles"], ["são paulo", "America/Sao_Paulo"], ["kiev", "Europe/Kyiv"], ["EST", "America/New_York"]] as const) {
      const more = autocomplete(h.emulator, "subscribe", { zone: typed }, "zone");
      const answer = await h.emulator.waitFor((r) => r.path === `/interactions/${more.id}/${more.token}/callback`);
      expect(answer.body.data.choices, typed).toContainEqual({ name: zone, value: zone });
    }
    // A listed city still being typed, as the hint says to ("start typing a city"): its zone, named with it.
    for (const [typed, choice] of [["mum", "Asia/Kolkata (Mumbai)"], ["san fr", "America/Los_Angeles (San Francisco)"], ["seat", "America/Los_Angeles (Seattle)"]] as const) {
      const partial = autocomplete(h.emulator, "subscribe", { zone: typed }, "zone");
      const answer = await h.emulator.waitFor((r) => r.path === `/interactions/${partial.id}/${partial.token}/callback`);
      expect(answer.body.data.choices, typed).toContainEqual({ name: choice, value: choice.split(" ")[0] });
    }
    // An offset, which subscribe refuses (it would drift at daylight saving): the zones at that offset now.
    for (const [typed, choice] of [["UTC+5:30", "Asia/Kolkata (UTC+05:30 now)"], ["gmt-3", "America/Sao_Paulo (UTC-03:00 now)"], ["+09:00", "Asia/Tokyo (UTC+09:00 now)"]] as const) {
      const offset = autocomplete(h.emulator, "subscribe", { zone: typed }, "zone");
      const answer = await h.emulator.waitFor((r) => r.path === `/interactions/${offset.id}/${offset.token}/callback`);
      expect(answer.body.data.choices, typed).toContainEqual({ name: choice, value: choice.split(" ")[0] });
    }
  });

  it("never logs the bot token", () => {
    expect(h.services.logs.text.length).toBeGreaterThan(0);
    expect(h.services.logs.text).not.toContain(TOKEN);
  });
});
