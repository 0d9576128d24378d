// Property: `/papers subscribe <time> <zone> <topic…>` with any time and zone either stores a schedule
// the digest can run (HH:MM, a zone Intl knows) and says so, or refuses in one clean sentence and
// leaves the stored subscription as it was.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegistry } from "../../src/commands/index.ts";
import { runText } from "../../src/command-kit/dispatch.ts";
import type { CommandContext } from "../../src/command-kit/command.ts";
import { isTimeZone } from "../../src/core/time.ts";
import { createTestServices, type TestServices } from "../support/services.ts";
import { chatText, expectCleanAnswer, FUZZ_RUNS, fuzzTimeout } from "./support.ts";

const registry = createRegistry();
let services: TestServices;
beforeAll(async () => { services = await createTestServices(); });
afterAll(async () => { await services.close(); });

const zones = Intl.supportedValuesOf("timeZone");
const time = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${h}:${String(m).padStart(2, "0")}`),
  fc.tuple(fc.integer({ min: -5, max: 130 }), fc.integer({ min: -5, max: 130 })).map(([h, m]) => `${h}:${m}`),
  fc.constantFrom("9am", "9:30pm", "12am", "12pm", "0900", "9", "09.00", "24:00", "23:59", "noon", "midnight", "9:00:00", "０９:００", "9:0", ":30", "T09:00"),
  fc.string({ maxLength: 8 }),
);
const zone = fc.oneof(
  fc.constantFrom(...zones),
  fc.constantFrom(...zones).map((z) => z.toLowerCase()),
  fc.constantFrom("UTC", "utc", "GMT", "Z", "CET", "EST5EDT", "Etc/GMT+14", "Etc/GMT-15", "UTC+5", "+05:30", "Europe/Atlantis", "Europe/", "/", "..", "America/Argentina/Buenos_Aires"),
  fc.string({ maxLength: 12 }),
);

/** Whether the words may ask for a personal or weekly digest: "me" or "weekly" (read as such anywhere
 * before the topic), or who:/every: options. */
function otherKind(input: string): boolean {
  const words = input.trim().toLowerCase().split(/\s+/);
  return words.includes("me") || words.includes("weekly") || /(^|\s)(who|every)[:=]/i.test(input);
}

/** "/papers subscribe ?" (or help, -h, --help) alone asks how to use subscribe (dispatch.ts), as it should. */
const asksHelp = (input: string): boolean => /^(help|--help|-h|\?)$/i.test(input.trim());

describe("subscribe with generated times and zones", () => {
  it(`stores a runnable schedule or refuses cleanly, for ${FUZZ_RUNS} inputs`, { timeout: fuzzTimeout(FUZZ_RUNS, 100) }, async () => {
    let stored = 0;
    let n = 0;
    await fc.assert(fc.asyncProperty(time, zone, fc.option(chatText(), { nil: undefined }), async (t, z, topic) => {
      const channel = { platform: "slack" as const, workspaceId: "T1", channelId: `C${n++ % 5}` };
      const ctx: CommandContext = { services, user: { platform: "slack", workspaceId: "T1", userId: "U1" }, channel, canManageChannel: true, now: new Date("2025-03-30T00:30:00Z") };
      const where = { platform: "slack", workspaceId: "T1", channelId: channel.channelId };
      const before = await services.db.subscription.findFirst({ where });
      const input = [t, z, topic].filter((w) => w !== undefined).join(" ");
      const reply = await runText(registry, `subscribe ${input}`, ctx);
      expectCleanAnswer(reply, input);
      if (asksHelp(input)) {
        expect(reply.text, input).toContain("subscribe");
        const unchanged = await services.db.subscription.findFirst({ where });
        expect(unchanged?.updatedAt.getTime(), input).toBe(before?.updatedAt.getTime());
        return;
      }
      // A generated "ME" or "weekly" before the topic (or who:/every:) asks for a personal or weekly digest, not
      // this channel's daily one: a clean answer is all this property asks of those.
      if (otherKind(input)) {
        if (reply.tone !== "error") expect(reply.text, input).toMatch(/^(Subscribed |You'll get your own papers)/);
        return;
      }
      const after = await services.db.subscription.findFirst({ where });
      if (reply.tone === "error") {
        expect(after?.updatedAt.getTime(), input).toBe(before?.updatedAt.getTime());
        return;
      }
      stored++;
      expect(reply.text, input).toMatch(/^Subscribed /);
      expect(after?.localTime, input).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(isTimeZone(after!.timeZone), `${input} → ${after!.timeZone}`).toBe(true);
    }), { numRuns: FUZZ_RUNS, examples: [["?", "", undefined], ["9:00", "UTC", "help"]] });
    expect(stored).toBeGreaterThan(FUZZ_RUNS / 20);
    expect(services.logs.text).not.toContain('"msg":"command failed"');
  });
});
