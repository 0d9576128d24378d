// Discord shows `:bookmark:` sent by a bot as literal text: every kind of reply the bot sends, rendered for
// Discord, carries Unicode emoji only (core/messages/emoji.ts spells them per platform).
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRegistry } from "../../src/commands/index.ts";
import { runText } from "../../src/command-kit/dispatch.ts";
import type { CommandContext } from "../../src/command-kit/command.ts";
import { renderMessage } from "../../src/adapters/discord/render.ts";
import { renderReply } from "../../src/adapters/slack/render.ts";
import { ComponentIds } from "../../src/adapters/discord/component-ids.ts";
import { headerReply, nothingNewReply, paperReply } from "../../src/core/digest/messages.ts";
import { weeklyHeaderReply, weeklyNoticeReply } from "../../src/core/digest/weekly.ts";
import { errorReply, failureReply, type Reply } from "../../src/core/messages/reply.ts";
import { DatabaseBusyError } from "../../src/core/stores/busy.ts";
import { createTestServices, type TestServices } from "../support/services.ts";

// With a letter in it: Discord's option syntax puts a time between colons ("time:09:00 zone:…").
const SHORTCODE = /:(?=[a-z0-9_+-]*[a-z])[a-z0-9_+-]+:/;
let services: TestServices;
beforeAll(async () => { services = await createTestServices(); });
afterAll(async () => { await services?.close(); });

it("no reply kind rendered for Discord carries a :shortcode:", async () => {
  const registry = createRegistry();
  const ctx: CommandContext = { services, user: { platform: "discord", workspaceId: "g", userId: "u" },
    channel: { platform: "discord", workspaceId: "g", channelId: "c" }, canManageChannel: true, now: new Date("2025-03-12T09:00:00Z") };
  const replies: Reply[] = [];
  for (const text of ["help", "moe", "trending 3", "paper 1", "similar 1", "bookmarks", "bookmark 2", "bookmarks", "bookmarks read 1",
    "bookmarks 9", "unbookmark 1", "foryou", "export bibtex", "export markdown", "subscribe 09:00 UTC moe", "subscriptions",
    "unsubscribe", "paper 99", "trending abc", "zzzzqqq", "subscibe 9:00"]) replies.push(await runText(registry, text, ctx));
  const paper = services.catalog.get(replies[2]!.papers![0]!.id)!;
  const facts = { localDate: "2025-03-12", timeZone: "UTC", localTime: "09:00", late: true, claimedAt: new Date("2025-03-12T10:00:00Z"), count: 3 };
  replies.push(headerReply({ ...facts, topic: null }), headerReply({ ...facts, topic: "moe" }), nothingNewReply({ ...facts, topic: null }),
    nothingNewReply({ ...facts, topic: "starcraft" }), paperReply(paper, 1), errorReply("Nope."), failureReply(new Error("x"), "ref1"),
    failureReply(new DatabaseBusyError(), "ref2"));
  const week = { week: "2025-W11", runDate: "2025-03-10", topic: "moe", count: 3, late: "" };
  replies.push(weeklyHeaderReply(week), weeklyHeaderReply({ ...week, topic: null }), weeklyNoticeReply(week));
  expect(replies.filter((r) => r.tone === "error").length).toBeGreaterThan(2);
  const ids = new ComponentIds();
  for (const reply of replies) {
    const { file, ...message } = renderMessage(reply, ids);
    expect(JSON.stringify(message), reply.text).not.toMatch(SHORTCODE);
  }
  // The header names its emoji, and Slack spells it the Slack way.
  expect(renderMessage(headerReply({ ...facts, topic: null }), ids).content).toContain("React with 🔖");
  expect(renderReply(headerReply({ ...facts, topic: null }))[0]!.text).toContain("React with :bookmark:");
  expect(renderMessage(weeklyHeaderReply(week), ids).content).toContain("React with 🔖");
});
