// Answers and digests echo what people typed: a query or a topic of "@everyone" or "<@&role>" must not make
// the bot ping the whole server (every day, for a digest). The emulator decides who a message notifies as
// Discord does (allowed_mentions, else every mention in the content).
import { afterAll, beforeAll, expect, it } from "vitest";
import { runDigestTick } from "../../src/core/digest/tick.ts";
import { PERMISSIONS, person, slashCommand } from "../emulators/discord/index.ts";
import { pingsOf } from "../emulators/discord/payloads.ts";
import { fastRetry } from "../digest/support.ts";
import { deferredThenEdited, startHarness, type Harness } from "./harness.ts";

const MENTIONS = "@everyone @here <@&111111111111111111> <@222222222222222222>";
const NOBODY = { everyone: false, users: [], roles: [] };

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

it("mentions in content do ping by Discord's rules, so the checks below can fail", () => {
  expect(pingsOf({ content: MENTIONS })).toEqual({ everyone: true, users: ["222222222222222222"], roles: ["111111111111111111"] });
});

it("a search for mentions answers without pinging anyone", async () => {
  const { edit } = await deferredThenEdited(h.emulator, slashCommand(h.emulator, "search", { query: `${MENTIONS} moe` }));
  expect(edit.body.content).toContain("@everyone");
  expect(pingsOf(edit.body)).toEqual(NOBODY);
});

it("a digest on a topic of mentions posts without pinging anyone", async () => {
  const subscribe = slashCommand(h.emulator, "subscribe", { time: "09:00", zone: "UTC", topic: `${MENTIONS} mixture of experts` },
    { permissions: PERMISSIONS.manageChannels, user: person("grace") });
  const { edit } = await deferredThenEdited(h.emulator, subscribe);
  expect(pingsOf(edit.body)).toEqual(NOBODY);
  // Tomorrow at 09:30 UTC, whatever the hour now: "now + a day" missed the 09:00 fire time late in the UTC day.
  const now = new Date();
  const tomorrowAfterNine = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 9, 30));
  const report = await runDigestTick(h.services, new Map([["discord", h.bot.transport]]), tomorrowAfterNine, { retry: fastRetry });
  expect(report.channels.map((c) => c.outcome)).toContain("posted");
  const posted = h.emulator.channelMessages(h.channelId);
  expect(posted.some((m) => m.content.includes("@everyone"))).toBe(true);
  for (const message of posted) expect(message.pings, message.content).toEqual(NOBODY);
});
