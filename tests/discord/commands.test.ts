import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clickComponent, PERMISSIONS, person, slashCommand } from "../emulators/discord/index.ts";
import { deferredThenEdited, startHarness, type Harness } from "./harness.ts";
import { checkMessageBody } from "../emulators/discord/limits.ts";

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const buttons = (body: any): { custom_id: string; label?: string }[] => (body.components ?? []).flatMap((row: any) => row.components);

/** A one-sentence error: one line, no embeds, no stack trace. */
function expectOneSentence(body: any, pattern: RegExp): void {
  expect(body.content).toMatch(/^⚠️ [^\n]+$/);
  expect(body.content).toMatch(pattern);
  expect(body.content).not.toMatch(/\bat \S+ \(|Error:|undefined/);
  expect(body.embeds ?? []).toEqual([]);
}

describe("/papers slash commands through discord.js", () => {
  it("search defers privately before any work, then edits in embeds with bookmark buttons and a pager", async () => {
    const interaction = slashCommand(h.emulator, "search", { query: "mixture of experts" });
    const { deferred, edit } = await deferredThenEdited(h.emulator, interaction);
    expect(deferred.body).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(deferred.at).toBeLessThan(edit.at);
    const body = edit.body;
    expect(body.content).toMatch(/^Papers for "mixture of experts" \(1–5 of \d+; \d+ more weak matches not listed\):$/);
    const expected = h.services.catalog.papers(h.services.catalog.index.search("mixture of experts", { limit: 5 }).hits);
    expect(body.embeds.map((e: any) => e.title)).toEqual(expected.map((p, i) => `${i + 1}. ${p.title}`));
    for (const [i, embed] of body.embeds.entries()) {
      expect(embed.url).toMatch(/^https:\/\/huggingface\.co\/papers/);
      expect(embed.description.length).toBeLessThanOrEqual(221);
      // Upvotes where they are known; no "▲ 0" where they are not (the bundled capture has none).
      const upvotes = embed.fields.find((f: any) => f.name === "Upvotes");
      if (expected[i]!.upvotes) expect(upvotes.value).toBe(`▲ ${expected[i]!.upvotes}`);
      else expect(upvotes).toBeUndefined();
    }
    const ids = buttons(body).map((b) => b.custom_id);
    expect(ids).toEqual(expect.arrayContaining(expected.map((p) => `pb:${p.id}`)));
    expect(buttons(body).find((b) => b.label === "Show more")).toBeDefined();
    expect(ids.every((id) => id.length <= 100)).toBe(true);
  });

  it("trending answers with as many embeds as asked", async () => {
    const { edit } = await deferredThenEdited(h.emulator, slashCommand(h.emulator, "trending", { count: 3 }));
    expect(edit.body.content).toMatch(/^Trending papers, \d{4}-\d{2}-\d{2} \(1–3 of \d+\):$/);
    expect(edit.body.embeds).toHaveLength(3);
    // With a topic: only the trending papers about it, and Show more goes on with the topic.
    const about = slashCommand(h.emulator, "trending", { count: 2, topic: "mixture of experts" });
    const topical = await deferredThenEdited(h.emulator, about);
    expect(topical.edit.body.content).toMatch(/^Trending papers about "mixture of experts", \d{4}-\d{2}-\d{2} \(1–2 of \d+\):$/);
    expect(topical.edit.body.embeds.map((e: any) => e.title)).toEqual([expect.stringMatching(/experts|moe/i), expect.stringMatching(/experts|moe/i)]);
    const more = topical.edit.body.components.flatMap((row: any) => row.components).find((c: any) => c.label === "Show more");
    const next = await deferredThenEdited(h.emulator, clickComponent(h.emulator, h.emulator.interactionReplies.get(about.token)!.original, more.custom_id));
    expect(next.edit.body.content).toMatch(/^Trending papers about "mixture of experts", \S+ \(3–4 of \d+\):$/);
  });

  it("trending with 12 papers stays within Discord's limits: 10 embeds, menus instead of 36 buttons", async () => {
    const interaction = slashCommand(h.emulator, "trending", { count: 12 });
    const { edit } = await deferredThenEdited(h.emulator, interaction);
    expect(edit.body.embeds).toHaveLength(10);
    // The header counts what is shown, and Show more goes on from the 11th: none is skipped.
    expect(edit.body.content).toMatch(/\(1–10 of \d+\):$/);
    const answer = h.emulator.interactionReplies.get(interaction.token)!.original;
    const more = edit.body.components.flatMap((row: any) => row.components).find((c: any) => c.label === "Show more");
    const next = await deferredThenEdited(h.emulator, clickComponent(h.emulator, answer, more.custom_id));
    expect(next.edit.body.content).toMatch(/\(11–20 of \d+\):$/);
    expect(edit.body.embeds.reduce((n: number, e: any) => n + JSON.stringify(e).length, 0)).toBeLessThan(8000);
    expect(edit.body.components.length).toBeLessThanOrEqual(5);
    expect(edit.body.components[0].components[0]).toMatchObject({ type: 3, custom_id: "pmb" });
  });

  it("help lists the commands, whole (longer than a message's 2,000 characters: in an embed)", async () => {
    const { edit } = await deferredThenEdited(h.emulator, slashCommand(h.emulator, "help"));
    const text = edit.body.content + (edit.body.embeds?.[0]?.description ?? "");
    for (const name of ["search", "trending", "paper", "subscribe"]) expect(text).toContain(`/papers ${name}`);
    // Said as Discord takes it: a subcommand and named options, not words after /papers.
    expect(text).toContain("Type /papers search query:<words> to search");
    expect(text).toContain("• /papers subscribe [time:…] [zone:…] [topic:…] [size:1-20]");
    expect(text).toContain("Lists are numbered: /papers bookmark id:2 saves paper 2");
    expect(text).toContain("/papers help command:<name> explains one command.");
    expect(text).not.toContain("(or just /papers <words>)");
  });

  it("hints name Discord's options: subscribe, unsubscribe and subscriptions", async () => {
    const manager = { permissions: PERMISSIONS.manageChannels, user: person("hintee") };
    const daily = await deferredThenEdited(h.emulator, slashCommand(h.emulator, "subscribe", { every: "daily", day: "fri" }, manager));
    expect(daily.edit.body.content).toContain("use /papers subscribe every:weekly day:fri time:09:00.");
    const weekly = await deferredThenEdited(h.emulator, slashCommand(h.emulator, "subscribe", { every: "weekly", time: "10:00", zone: "UTC" }, manager));
    expect(weekly.edit.body.content).toContain("stop it with /papers unsubscribe which:weekly.");
    const none = await deferredThenEdited(h.emulator, slashCommand(h.emulator, "unsubscribe", { which: "me" }, { user: person("hintee") }));
    expect(none.edit.body.content).toContain("/papers subscribe who:me time:08:30 zone:Europe/Berlin.");
  });

  it("subscriptions pages a long list: 40 digests with long topics, every one shown whole, none lost", async () => {
    const ada = person("ada");
    const guild = h.emulator.guilds[0]!.id;
    const topic = (i: number) => `large language models for mathematical reasoning with reinforcement learning from human feedback and process supervision number ${i}`;
    const channels = Array.from({ length: 40 }, (_, i) => ({ platform: "discord" as const, workspaceId: guild, channelId: `7000000000000000${String(i).padStart(2, "0")}` }));
    for (const [i, channel] of channels.entries()) {
      await h.services.subscriptions.upsert(channel, { localTime: "09:00", timeZone: "America/Los_Angeles", topic: topic(i), size: 5, ranking: "trending", createdBy: ada.id });
    }
    try {
      const interaction = slashCommand(h.emulator, "subscriptions", {}, { user: ada });
      const pages = [(await deferredThenEdited(h.emulator, interaction)).edit.body];
      const original = h.emulator.interactionReplies.get(interaction.token)!.original;
      for (let more = buttons(pages[0]).find((b) => b.label === "Show more"); more; more = buttons(pages.at(-1)).find((b) => b.label === "Show more")) {
        const click = clickComponent(h.emulator, original, more.custom_id, { user: ada });
        pages.push((await h.emulator.waitFor((r) => r.method === "PATCH" && r.path.includes(click.token), "next page")).body);
        expect(pages.length).toBeLessThan(20);
      }
      expect(pages.length).toBeGreaterThan(1);
      const listed: string[] = [];
      for (const body of pages) {
        expect(checkMessageBody(body)).toBeNull();
        const text = body.embeds?.[0]?.description ?? body.content;
        expect(text).toMatch(/^Digests in this server \((\d+–)?\d+ of 4\d\):\n/);
        for (const line of text.split("\n").slice(1)) {
          const id = /^• <#(\d+)>: /.exec(line)?.[1];
          expect(id, line).toBeDefined();
          if (id!.startsWith("70000")) expect(/topic "(?:.*) number (\d+)"; next /.exec(line)?.[1], line).toBe(String(channels.findIndex((c) => c.channelId === id)));
          listed.push(id!);
        }
      }
      // Every digest once, in order (the digests earlier tests set up among them).
      expect(listed.filter((id) => id.startsWith("70000"))).toEqual(channels.map((c) => c.channelId));
      expect(new Set(listed).size).toBe(listed.length);
    } finally {
      for (const channel of channels) await h.services.subscriptions.remove(channel);
    }
  });

  it("an unknown paper id gets one sentence", async () => {
    const { edit } = await deferredThenEdited(h.emulator, slashCommand(h.emulator, "paper", { id: "nope" }));
    expectOneSentence(edit.body, /I don't know a paper "nope"/);
  });

  it.each([
    ["trending", { count: 0 }, /count is one number from 1 to 50/],
    ["trending", { count: 51 }, /count is one number from 1 to 50/],
    ["search", { query: "   " }, /Tell me what to look for/],
    ["search", { query: "x".repeat(10_000) }, /under 500 characters/],
  ] as const)("bad option values get one sentence: %s %j", async (name, values, pattern) => {
    const { edit } = await deferredThenEdited(h.emulator, slashCommand(h.emulator, name, values));
    expectOneSentence(edit.body, pattern);
  });

  it("subscribe without Manage Channels gets the permission sentence and changes nothing", async () => {
    const interaction = slashCommand(h.emulator, "subscribe", { time: "09:00", zone: "Europe/Berlin" }, { permissions: PERMISSIONS.member });
    const { edit } = await deferredThenEdited(h.emulator, interaction);
    expectOneSentence(edit.body, /manage this channel/);
    const channel = { platform: "discord" as const, workspaceId: h.emulator.guilds[0]!.id, channelId: h.channelId };
    expect(await h.services.subscriptions.get(channel)).toBeNull();
  });

  it("subscribe in a channel the bot may not post in is refused at once, not paused at the first digest; a personal one is not", async () => {
    const second = h.emulator.guilds[0]!.channels[1]!.id;
    const admin = { permissions: PERMISSIONS.manageChannels, channelId: second, appPermissions: PERMISSIONS.botReadOnly };
    const { edit } = await deferredThenEdited(h.emulator, slashCommand(h.emulator, "subscribe", { time: "09:00", zone: "Europe/Berlin" }, admin));
    expect(edit.body.content).toBe("⚠️ I can't post digests in <#" + second + ">: papers-bot needs View Channels, Send Messages and Embed Links there. " +
      "Ask an admin to allow them, then subscribe again.");
    const channel = { platform: "discord" as const, workspaceId: h.emulator.guilds[0]!.id, channelId: second };
    expect(await h.services.subscriptions.get(channel)).toBeNull();
    const mine = await deferredThenEdited(h.emulator, slashCommand(h.emulator, "subscribe", { who: "me", time: "08:30", zone: "Europe/Berlin" }, admin));
    expect(mine.edit.body.content).toMatch(/^You'll get your own papers by direct message/);
  });

  it("subscribe with Manage Channels subscribes the channel", async () => {
    const admin = person("grace");
    const interaction = slashCommand(h.emulator, "subscribe", { time: "09:00", zone: "Europe/Berlin", size: 3 }, { permissions: PERMISSIONS.manageChannels, user: admin });
    const { edit } = await deferredThenEdited(h.emulator, interaction);
    expect(edit.body.content).toMatch(/^Subscribed <#\d+>: next digest/);
    const channel = { platform: "discord" as const, workspaceId: h.emulator.guilds[0]!.id, channelId: h.channelId };
    expect(await h.services.subscriptions.get(channel)).toMatchObject({ timeZone: "Europe/Berlin", size: 3 });
  });
});
