// A hint says how to type its example where it is read: Discord takes named options
// (/papers bookmarks change:read id:2), Slack and the terminal take words (/papers bookmarks read 2).
// Hints fixed before the platform is known (an option's error, a refusal) carry a placeholder that
// dispatch writes out (command-kit/usage.ts); none may reach a person unwritten.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegistry } from "../../src/commands/index.ts";
import { runCommand, runText } from "../../src/command-kit/dispatch.ts";
import type { CommandContext } from "../../src/command-kit/command.ts";
import type { Platform } from "../../src/core/channel.ts";
import { createTestServices, type TestServices } from "../support/services.ts";
import { plainTyped } from "../../src/core/messages/typed.ts";

let services: TestServices;
beforeAll(async () => { services = await createTestServices(); });
afterAll(async () => { await services?.close(); });

const registry = createRegistry();
const on = (platform: Platform, userId: string): CommandContext => ({ services, user: { platform, workspaceId: "g", userId },
  channel: { platform, workspaceId: "g", channelId: "c" }, canManageChannel: true, now: new Date("2025-03-12T09:00:00Z") });

describe("on Discord", () => {
  // Each: the options Discord would send, and the example the answer must give.
  const cases: [command: string, options: Record<string, unknown>, example: string][] = [
    ["trending", { count: "abc" }, "like /papers trending count:10."],
    ["export", { format: "pdf" }, "like /papers export format:bibtex."],
    ["bookmarks", { change: "read" }, "like /papers bookmarks change:read id:2 or /papers bookmarks change:remove id:2."],
    ["bookmarks", { id: "1" }, "like /papers bookmarks change:read id:2."],
    ["bookmarks", { page: "0" }, "like /papers bookmarks page:2."],
    ["not-interested", {}, "like /papers not-interested paper:2, or its id or link."],
    ["note", { paper: " " }, "like /papers note paper:2 text:read section 3 first ("],
    ["search", { query: "   " }, "like /papers search query:mixture of experts."],
    ["similar", { id: "3" }, "search first (/papers search query:<words>), then /papers similar id:3."],
    ["not-interested", { paper: "4", undo: "true" }, "then /papers not-interested undo:true paper:4."],
    ["bookmark", { id: "zzzz-nothing" }, "search for it with /papers search query:zzzz-nothing, then bookmark it"],
    ["bookmark", { id: "t-0000" }, "search for it with /papers search query:<words>, then bookmark it"],
    ["paper", { id: "zzzz-nothing" }, "Search for it with /papers search query:zzzz-nothing."],
    ["subscribe", { every: "weekly", day: "someday" }, "like /papers subscribe every:weekly day:mon time:09:00."],
  ];
  for (const [command, options, example] of cases) {
    it(`${command} ${JSON.stringify(options)} shows Discord's syntax`, async () => {
      const reply = await runCommand(registry, command, options, on("discord", `u-${command}`));
      expect(reply.tone).toBe("error");
      expect(plainTyped(reply.text)).toContain(example);
      expect(reply.text).not.toContain("⟦");
    });
  }

  it("takes a not-interested mark back the Discord way, and searches inside bookmarks the Discord way", async () => {
    const ctx = on("discord", "u-marks");
    const [first] = (await runCommand(registry, "search", { query: "mixture of experts" }, ctx)).papers!;
    expect((await runCommand(registry, "not-interested", { paper: first!.id }, ctx)).text).toMatch(/Changed your mind\? \/papers not-interested undo:true$/);
    await runCommand(registry, "bookmark", { id: first!.id }, ctx);
    expect(plainTyped((await runCommand(registry, "bookmarks", { query: "zebra crossings" }, ctx)).text))
      .toContain("search every paper with /papers search query:zebra crossings.");
  });
});

describe("in the terminal (as in Slack)", () => {
  const cases: [text: string, example: string][] = [
    ["bookmarks read", "like /papers bookmarks read 2 or /papers bookmarks remove 2."],
    ["similar 3", "search first (/papers <words>), then /papers similar 3."],
    ["not-interested undo 4", "then /papers not-interested undo 4."],
    ["export pdf", "like /papers export bibtex."],
    ["subscribe weekly someday 09:00", "like /papers subscribe weekly mon 09:00."],
    // The words to search for, typed out with "search": not "/papers <words>", which with "paper" in front is this again.
    ["paper summarization", "Search for it with /papers search summarization."],
    ["bookmark world models", "search for it with /papers search world models, then bookmark it by its number."],
    ["not-interested surveys", "search for it with /papers search surveys, then use its number."],
  ];
  for (const [text, example] of cases) {
    it(`"${text}" shows the words to type`, async () => {
      const reply = await runText(registry, text, on("console", "u-text"));
      expect(plainTyped(reply.text)).toContain(example);
      expect(reply.text).not.toContain("⟦");
    });
  }
});
