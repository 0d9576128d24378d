// Text a person typed, quoted back (a search, a digest's topic), shows as typed on every platform: not as
// bold, a channel chip, a live timestamp, a strike or a link. The bot's own markup around it still works.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRegistry } from "../../src/commands/index.ts";
import { runCommand } from "../../src/command-kit/dispatch.ts";
import type { CommandContext } from "../../src/command-kit/command.ts";
import type { Platform } from "../../src/core/channel.ts";
import { headerReply } from "../../src/core/digest/messages.ts";
import { renderMessage } from "../../src/adapters/discord/render.ts";
import { inert } from "../../src/adapters/discord/inert.ts";
import { titled, typed } from "../../src/core/messages/typed.ts";
import { ComponentIds } from "../../src/adapters/discord/component-ids.ts";
import { renderReply } from "../../src/adapters/slack/render.ts";
import { renderText } from "../../src/adapters/console/render.ts";
import { createTestServices, type TestServices } from "../support/services.ts";

const TYPED = "*bold* <#123> <t:1700000000:R> ~~gone~~ `c` https://e.x"; // under 60: shown whole
let services: TestServices;
beforeAll(async () => { services = await createTestServices(); });
afterAll(async () => { await services?.close(); });

const ask = (platform: Platform) => {
  const ctx: CommandContext = { services, user: { platform, workspaceId: "g", userId: "u" },
    channel: { platform, workspaceId: "g", channelId: "c" }, canManageChannel: true, now: new Date("2025-03-12T09:00:00Z") };
  return runCommand(createRegistry(), "search", { query: TYPED }, ctx);
};

it("Discord escapes every markdown character of the typed words, and nothing of its own", async () => {
  const { content } = renderMessage(await ask("discord"), new ComponentIds());
  // An escaped "<" is no chip or timestamp, and "https\://" no link; a "#", ">" or ":" inside a line formats nothing.
  expect(content).toContain(String.raw`"\*bold\* \<#123> \<t:1700000000:R> \~\~gone\~\~ \`c\` https\://e.x"`);
  expect(content).not.toMatch(/[\u2063\u2064]/);
  const header = renderMessage(headerReply({ localDate: "2025-03-12", timeZone: "UTC", localTime: "09:00", late: false,
    claimedAt: new Date("2025-03-12T09:00:00Z"), count: 3, topic: "<#1> **x**" }), new ComponentIds()).content;
  expect(header).toContain(String.raw`on "\<#1> \*\*x\*\*"`);
});

it("a paper's title quoted in an answer shows as written on Discord, without a backslash where nothing needed one", () => {
  expect(inert(`🔖 Bookmarked ${titled("V*: Model-Based Search in *Zorvex* with snake_case names")}.`))
    .toBe(String.raw`🔖 Bookmarked “V\*: Model-Based Search in \*Zorvex\* with snake\_case names”.`);
  // Where a line starts, a heading's, quote's or list's mark is escaped.
  expect(inert(typed("# big\n> quote\n- item"))).toBe(String.raw`\# big` + "\n" + String.raw`\> quote` + "\n" + String.raw`\- item`);
});

it("text from outside holding the invisible marks cannot split a link, a mention or a spoiler past Discord's escaping", () => {
  const abstract = "[free GPUs]\u2063\u2064(https://evil.example) <@\u2063\u2064123456789012345678> |\u2063\u2064|x|\u2063\u2064|";
  const shown = inert(abstract);
  expect(shown).toBe("[free GPUs\\](https://evil.example) \\<@123456789012345678> \\|\\|x\\|\\|");
  // Marks in another order, or a whole fake span, fare no better: without the process's key they mark nothing.
  expect(inert("[a]\u2063\u2063\u2064\u2064(https://e.x)")).toBe("[a\\](https://e.x)");
});

it("Slack keeps the typed words from formatting, and still escapes its control characters", async () => {
  const [message] = renderReply(await ask("slack"));
  const text = JSON.stringify(message!.blocks);
  expect(text).toContain("\u200b*\u200bbold\u200b*\u200b");
  expect(text).toContain("&lt;#123&gt;"); // a channel link only where the bot writes one
  expect(text).toContain("\u200b~\u200b\u200b~\u200bgone");
  expect(message!.text).not.toMatch(/[\u2063\u2064]/);
});

it("a refusal quoting what was typed (a paper id, a time, a zone, a word too many) escapes it too", async () => {
  const ctx: CommandContext = { services, user: { platform: "discord", workspaceId: "g", userId: "u" },
    channel: { platform: "discord", workspaceId: "g", channelId: "c" }, canManageChannel: true, now: new Date("2025-03-12T09:00:00Z") };
  const typedText = "*b* <#123> ~~x~~";
  const escaped = String.raw`"\*b\* \<#123> \~\~x\~\~"`;
  for (const [command, options] of [["bookmark", { id: typedText }], ["paper", { id: typedText }], ["subscribe", { time: typedText }],
    ["subscribe", { zone: typedText }]] as const) {
    const { content } = renderMessage(await runCommand(createRegistry(), command, options, ctx), new ComponentIds());
    expect(content, `${command} ${JSON.stringify(options)}`).toContain(escaped);
  }
});

it("the terminal prints the words as typed, without the marks", async () => {
  const text = renderText(await ask("console"));
  expect(text).toContain(`"${TYPED}"`);
  expect(text).not.toMatch(/[\u2063\u2064]/);
});
