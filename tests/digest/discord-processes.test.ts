// Discord digests across real processes on one database, through the real Discord transport to the
// emulator: two `papers digest run` at once post each channel's digest once in total; a kill -9 in the
// middle of a fan-out, then a rerun ten minutes later (past the lease, and past the few minutes Discord
// remembers a nonce, on the emulator's clock and the bot's --now alike), leaves every channel with its
// whole digest: no message twice, none missing. Personal digests ride along: each person's DM (opened
// with POST /users/@me/channels) gets one digest per day through the same ledger.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordEmulator, snowflake } from "../emulators/discord/index.ts";
import { createTestServices, type TestServices } from "../support/services.ts";
import { TEST_DISCORD_TOKEN } from "../support/secrets.ts";
import { passLeaseTime, subscribe } from "./support.ts";
import { personalTarget } from "../../src/core/person-target.ts";
import { digestRun as run, postedTo } from "./digest-run.ts";

const TWO = Array.from({ length: 12 }, (_, i) => ({ id: snowflake(), name: `two-${i}` }));
const KILL = Array.from({ length: 8 }, (_, i) => ({ id: snowflake(), name: `kill-${i}` }));
const guildId = snowflake();
const PEOPLE = [snowflake(), snowflake()];
const KILLED_PERSON = snowflake();
const person = (userId: string) => personalTarget({ platform: "discord", workspaceId: guildId, userId });

let services: TestServices;
let discord: DiscordEmulator;
beforeAll(async () => {
  services = await createTestServices();
  discord = await new DiscordEmulator({ guilds: [{ id: guildId, name: "Research", channels: [...TWO, ...KILL] }] }).start();
});
afterAll(async () => { await discord?.stop(); await services?.close(); });

const digestRun = (now: string) => run({ DATABASE_URL: services.testDatabase.url, DISCORD_TOKEN: TEST_DISCORD_TOKEN,
  DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl }, now);
/** Each message's nonce is its delivery key, hashed: two messages with one nonce are one message sent twice. */
const noncesOf = (channelId: string) => discord.channelMessages(channelId).map((m) => String(m.nonce));
const at = (iso: string, plusMinutes = 0) => new Date(Date.parse(iso) + plusMinutes * 60_000).toISOString();

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("Discord digests across processes", () => {
  it("two processes at once post exactly one digest per channel in total", async () => {
    for (const c of TWO) await subscribe(services, { platform: "discord", workspaceId: guildId, channelId: c.id }, { size: 2 });
    for (const id of PEOPLE) await subscribe(services, person(id), { size: 2 });
    const [a, b] = await Promise.all([digestRun("2025-03-12T09:00:00Z").done, digestRun("2025-03-12T09:00:00Z").done]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    for (const c of TWO) {
      expect(noncesOf(c.id), c.name).toHaveLength(3);
      expect(new Set(noncesOf(c.id)).size).toBe(3);
      expect(postedTo(a.report, c.id) + postedTo(b.report, c.id)).toBe(3);
    }
    for (const id of PEOPLE) {
      const dm = discord.dmChannelOf(id)!;
      expect(noncesOf(dm), id).toHaveLength(3);
      expect(new Set(noncesOf(dm)).size).toBe(3);
      expect(postedTo(a.report, `@${id}`) + postedTo(b.report, `@${id}`)).toBe(3);
    }
  }, 120_000);

  it("after a kill -9 mid fan-out, a rerun ten minutes later sends the rest, nothing twice, although the nonces are forgotten", async () => {
    const start = "2025-03-13T09:00:00Z";
    for (const c of KILL) await subscribe(services, { platform: "discord", workspaceId: guildId, channelId: c.id }, { size: 5 });
    await subscribe(services, person(KILLED_PERSON), { size: 5 });
    discord.setTime(start);
    // Each post is stored at once and answered later: the kill lands between Discord posting a message
    // and the bot learning its id, the case a nonce window or the ledger alone cannot settle.
    discord.postDelayMs = 150;
    const total = () => KILL.reduce((n, c) => n + discord.channelMessages(c.id).length, 0);
    const first = digestRun(start);
    await until(() => total() >= 2 * KILL.length, 30_000);
    first.child.kill("SIGKILL");
    expect((await first.done).report).toBeNull();
    discord.postDelayMs = 0;
    const before = KILL.map((c) => discord.channelMessages(c.id).length);
    expect(before.some((n) => n < 6), String(before)).toBe(true);
    const ids = KILL.map((c) => c.id);
    // Messages on Discord that the killed run never recorded as sent: only asking Discord can settle them.
    const recorded = await services.db.deliveryItem.count({ where: { delivery: { channelId: { in: ids } }, status: "sent" } });
    const unrecorded = before.reduce((a, b) => a + b, 0) - recorded;
    expect(unrecorded).toBeGreaterThan(0);

    discord.advance(10 * 60_000); // ten minutes after the crash: Discord has forgotten every nonce of it
    await passLeaseTime(services.db, 10 * 60_000); // and the killed run's leases ran out on the database's clock
    const rerun = await digestRun(at(start, 10)).done;
    expect(rerun.code, rerun.stderr).toBe(0);
    for (const [i, c] of KILL.entries()) {
      expect(noncesOf(c.id), c.name).toHaveLength(6);
      expect(new Set(noncesOf(c.id)).size, `${c.name}: a message went out twice`).toBe(6);
      expect(postedTo(rerun.report, c.id), c.name).toBe(6 - before[i]!);
    }
    expect(await services.db.postedMessage.count({ where: { channelId: { in: ids } } })).toBe(5 * KILL.length);
    const dm = discord.dmChannelOf(KILLED_PERSON)!;
    expect(noncesOf(dm), "the person's DM").toHaveLength(6);
    expect(new Set(noncesOf(dm)).size).toBe(6);
    expect(await services.db.deliveryItem.count({ where: { delivery: { channelId: { in: ids } }, status: { not: "sent" } } })).toBe(0);
    const messages = KILL.reduce((n, c) => n + noncesOf(c.id).length, 0);
    const duplicates = messages - KILL.reduce((n, c) => n + new Set(noncesOf(c.id)).size, 0);
    console.info(`Discord kill -9 resume: ${KILL.length} channels, ${messages} messages, ${duplicates} duplicates, ${unrecorded} sent-but-unrecorded found on Discord`);
  }, 90_000);
});
