// "/papers bookmark 2": numbers from the last list a person saw in a channel, through real Bolt and real
// discord.js against the emulators, and in-process for what each person and channel keeps apart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness as startSlack, blockText, type SlackHarness } from "../slack/harness.ts";
import { startHarness as startDiscord, deferredThenEdited, type Harness } from "../discord/harness.ts";
import { person, slashCommand } from "../emulators/discord/index.ts";
import { createRegistry } from "../../src/commands/index.ts";
import { runCommand, runText } from "../../src/command-kit/dispatch.ts";
import type { CommandContext } from "../../src/command-kit/command.ts";
import { createTestServices, type TestServices } from "../support/services.ts";
import { plainTyped } from "../../src/core/messages/typed.ts";

describe("numbers on Slack", () => {
  let h: SlackHarness;
  beforeAll(async () => { h = await startSlack(); });
  afterAll(async () => { await h?.close(); });
  const papers = async (text: string) => {
    const id = h.nextResponseId();
    await h.requester.command(text, h.emulator.responseUrl(id));
    return (await h.emulator.response(id)).body;
  };
  const alice = () => ({ platform: "slack" as const, workspaceId: h.emulator.teamId, userId: "U0ALICE" });

  it("bookmark 2, similar 1 and unbookmark 2 name papers of the last list; a number past it gets one sentence", async () => {
    const moe = h.services.catalog.papers(h.services.catalog.index.search("moe", { limit: 5 }).hits);
    await papers("moe");
    expect(blockText((await papers("bookmark 2")).blocks)).toContain(moe[1]!.title);
    expect(await h.services.bookmarks.has(alice(), moe[1]!.id)).toBe(true);
    expect(blockText((await papers("similar 1")).blocks)).toContain(`More like “${moe[0]!.title}”`);
    // The similar list is now the last list: 9 is past its end.
    expect(blockText((await papers("bookmark 9")).blocks)).toMatch(/Your last list here has numbers 1–\d, not 9; pick one of those or give the paper's id\./);
    await papers("bookmarks");
    expect(blockText((await papers("bookmarks read 1")).blocks)).toContain(`Marked “${moe[1]!.title}” as read`);
    expect(blockText((await papers("unbookmark 1")).blocks)).toContain(`Removed “${moe[1]!.title}”`);
    expect(await h.services.bookmarks.has(alice(), moe[1]!.id)).toBe(false);
  });

  it("takes several numbers at once, each answered; one past the list changes none", async () => {
    const moe = h.services.catalog.papers(h.services.catalog.index.search("moe", { limit: 5 }).hits);
    await papers("moe");
    expect(blockText((await papers("bookmark 1 2 9")).blocks)).toMatch(/Your last list here has numbers 1–5, not 9/);
    expect(await h.services.bookmarks.has(alice(), moe[0]!.id)).toBe(false);
    const saved = blockText((await papers("bookmark 1, 3")).blocks);
    expect(saved).toContain(`Bookmarked “${moe[0]!.title}”`);
    expect(saved).toContain(`Bookmarked “${moe[2]!.title}”`);
    await papers("moe");
    const removed = blockText((await papers("bookmarks remove 1 3")).blocks);
    expect(removed).toContain(`Removed “${moe[0]!.title}”`);
    expect(removed).toContain(`Removed “${moe[2]!.title}”`);
    expect(await h.services.bookmarks.has(alice(), moe[2]!.id)).toBe(false);
  });
});

describe("numbers on Discord", () => {
  let h: Harness;
  beforeAll(async () => { h = await startDiscord(); });
  afterAll(async () => { await h?.close(); });

  it("bookmark 2 after a search saves that person's second result, and cards show an id", async () => {
    const ada = person("ada");
    const search = await deferredThenEdited(h.emulator, slashCommand(h.emulator, "search", { query: "moe" }, { user: ada }));
    const footers = search.edit.body.embeds.map((e: any) => e.footer?.text);
    expect(footers.every((f: string) => /^(arXiv \d{4}\.\d{4,5}|id t-[0-9a-f]{6})$/.test(f))).toBe(true);
    const second = search.edit.body.embeds[1].title.replace(/^2\. /, "");
    const saved = await deferredThenEdited(h.emulator, slashCommand(h.emulator, "bookmark", { id: "2" }, { user: ada }));
    expect(saved.edit.body.content).toBe(`🔖 Bookmarked “${second}”.`);
    // Someone else in the same channel has seen no list.
    const other = await deferredThenEdited(h.emulator, slashCommand(h.emulator, "bookmark", { id: "2" }, { user: person("bo") }));
    expect(other.edit.body.content).toMatch(/^⚠️ There is no numbered list here to pick 2 from yet/);
  });
});

describe("what a number refers to", () => {
  let services: TestServices;
  const registry = createRegistry();
  const ctx = (userId: string, channelId: string): CommandContext => ({ services, user: { platform: "console", workspaceId: "w", userId },
    channel: { platform: "console", workspaceId: "w", channelId }, canManageChannel: true, now: new Date("2025-03-12T09:00:00Z") });
  beforeAll(async () => { services = await createTestServices(); });
  afterAll(async () => { await services?.close(); });

  it("is per person and channel, follows Show more, and accepts short ids and arXiv ids too", async () => {
    const here = ctx("u1", "c1");
    const page1 = await runText(registry, "trending 3", here);
    const page2 = await runCommand(registry, page1.more!.command, page1.more!.input, here);
    expect(page2.papers![0]!.rank).toBe(4);
    expect((await runText(registry, "paper 2", here)).papers![0]!.id).toBe(page1.papers![1]!.id);
    expect((await runText(registry, "paper 5", here)).papers![0]!.id).toBe(page2.papers![1]!.id);
    // A paper's own card is not a list: the numbers still mean the trending list.
    expect((await runText(registry, "paper 1", here)).papers![0]!.id).toBe(page1.papers![0]!.id);
    expect((await runText(registry, "paper 2", ctx("u1", "c2"))).text).toMatch(/^There is no numbered list here/);
    expect((await runText(registry, "paper 2", ctx("u2", "c1"))).text).toMatch(/^There is no numbered list here/);
    const titled = (await services.papers.all()).find((p) => !p.arxivId)!;
    expect(plainTyped((await runText(registry, `bookmark ${titled.id.slice(0, 8)}`, here)).text)).toBe(`🔖 Bookmarked “${titled.title}”.`);
    expect((await runText(registry, "bookmark 0", here)).text).toMatch(/not 0; pick one of those/);
  });

  it("does not extend another list with a later page: a number then names only what that page shows", async () => {
    const here = ctx("u6", "c1");
    expect((await runText(registry, "moe", here)).papers![0]!.rank).toBe(1);
    await runCommand(registry, "trending", { count: "3", offset: "3" }, here);
    expect((await runText(registry, "paper 1", here)).text).toMatch(/^Your last list here has numbers 4–6, not 1/);
  });

  it("never picks from an older list when the last one could not be stored (a busy database)", async () => {
    const here = ctx("u5", "c1");
    await runText(registry, "moe", here);
    const real = services.lastLists;
    services.lastLists = { recall: (viewer) => real.recall(viewer), lastWorkspaceOf: (...args) => real.lastWorkspaceOf(...args),
      remember: async () => { throw new Error("SQLITE_BUSY: database is locked"); } };
    const shown = await runText(registry, "trending 3", here);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await runText(registry, "bookmark 1", here)).text).toMatch(/^I couldn't keep the numbers of the last list I showed you here \(the database did not take it: busy, full or unreachable\), so 1 could name the wrong paper; show the list again, then pick 1\./);
    services.lastLists = real;
    // Its next page is stored, but does not extend the older list: only its own numbers mean anything.
    await runCommand(registry, shown.more!.command, shown.more!.input, here);
    expect((await runText(registry, "bookmark 1", here)).text).toMatch(/^Your last list here has numbers 4–6, not 1/);
    await runText(registry, "trending 3", here);
    expect(plainTyped((await runText(registry, "bookmark 1", here)).text)).toBe(`🔖 Bookmarked “${services.catalog.get(shown.papers![0]!.id)!.title}”.`);
  });

  it("names the pages there can be, and asks what to do with a paper given without a change", async () => {
    const here = ctx("u4", "c1");
    expect((await runText(registry, "bookmarks 99999", here)).text).toMatch(/^The page is a number from 1 to 10,000, like \/papers bookmarks 2\./);
    expect((await runCommand(registry, "bookmarks", { id: "1" }, here)).text)
      .toMatch(/^Say what to do with that paper: change read, unread, remove or add/);
  });

  it("accepts the link a card shows, says when a short id fits several papers, and stays offline with HF_REFRESH=off", async () => {
    const here = ctx("u3", "c1");
    const titled = (await services.papers.all()).find((p) => !p.arxivId && p.title.includes(" "))!;
    const link = `https://huggingface.co/papers?q=${encodeURIComponent(titled.title)}`;
    expect((await runText(registry, `paper ${link}`, here)).papers![0]!.id).toBe(titled.id);
    // As Slack sends a link inside a slash command's text.
    expect(plainTyped((await runText(registry, `bookmark <${link}>`, here)).text)).toBe(`🔖 Bookmarked “${titled.title}”.`);
    const ids = (await services.papers.all()).map((p) => p.id).sort();
    const shared = ids.map((id) => id.slice(0, 4)).find((prefix, i, all) => all.indexOf(prefix) !== i)!;
    expect((await runText(registry, `paper ${shared}`, here)).text).toMatch(/starts more than one paper's id; give more of it/);
    expect(services.config.HF_REFRESH).toBe("off");
    expect((await runText(registry, "paper 2403.00001", here)).text).toBe("I don't have 2403.00001, and this bot is set not to look papers up on Hugging Face; search for it with /papers <words>.");
  });
});
