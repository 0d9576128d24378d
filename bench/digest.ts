// Digest fan-out to 1,000 subscribed channels, each getting the default digest (a header and 5 papers:
// 6,000 messages), against the emulators, through the real transports (Slack WebClient, discord.js REST),
// the production tick (its default concurrency per platform) and the real ledger on a fresh SQLite file
// per run. Each emulator runs in a child process (emulator-host.ts), so it does not take the bot's
// event loop; its CPU is reported, to show it did not bound the run.
//  - Slack: 1 message/s per channel (burst 1). Ceiling: 1 msg/s × 1,000 channels = 1,000 msg/s. Reported
//    too: the share of the shortest possible run (each channel's first message is free, so 5 s), which
//    also charges the bot for the ~1 s it takes to post the first round of 1,000 messages at all.
//  - Discord: 50 requests/s across the bot (global limit), one request per message: 6,000 messages ≥ 120 s.
// With the bot's own CPU per message, which bounds what one core can post whatever the platform allows.
//   npx tsx bench/digest.ts
import { performance } from "node:perf_hooks";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { createServices, type Services } from "../src/app/services.ts";
import type { Platform } from "../src/core/channel.ts";
import type { ChatTransport } from "../src/core/transport.ts";
import { runDigestTick } from "../src/core/digest/tick.ts";
import { SlackTransport } from "../src/adapters/slack/transport.ts";
import { createTransportClient } from "../src/adapters/slack/app.ts";
import { DiscordTransport, createPostingRest } from "../src/adapters/discord/transport.ts";
import { ComponentIds } from "../src/adapters/discord/component-ids.ts";
import { snowflake } from "../tests/emulators/discord/index.ts";
import { EmulatorHost } from "./emulator-host.ts";
import { freshDatabase, rawClient } from "../tests/support/database.ts";

const CHANNELS = 1000;
const SIZE = Number(process.env.DIGEST_BENCH_SIZE ?? 5);
const PER_CHANNEL = SIZE + 1;
const NOW = new Date("2025-03-12T09:00:00Z");

async function withDb<T>(env: Record<string, string>, fn: (services: Services) => Promise<T>): Promise<T> {
  const db = await freshDatabase();
  const config = loadConfig({ DATABASE_URL: db.url, HF_REFRESH: "off", LOG_LEVEL: "error", ...env });
  const services = await createServices(config, createLogger({ level: "error" }));
  try { return await fn(services); } finally { await services.close(); await db.drop(); }
}

/** In one statement, straight into the table (setting up, not measured). */
async function subscribeAll(services: Services, platform: Platform, workspaceId: string, channelIds: string[]): Promise<void> {
  const db = rawClient(services.config.DATABASE_URL);
  try {
    await db.subscription.createMany({ data: channelIds.map((channelId) => ({ platform, workspaceId, channelId, localTime: "09:00",
      timeZone: "UTC", size: SIZE, createdBy: "bench" })) });
  } finally { await db.$disconnect(); }
}

interface RunFigures { messages: number; seconds: number; perSecond: number; duplicates: number; misses: number; failedChannels: number; http429: number;
  /** The emulator's CPU over its whole life (start-up included), to show it was not what bounded the run. */
  emulatorCpuSeconds?: number;
  /** The bot process's CPU (user + system) per message: load on the machine stretches seconds, not this. */
  botCpuMsPerMessage?: number }

/** Runs the tick, timing it in wall-clock and in this process's CPU. */
async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return { result, seconds: (performance.now() - started) / 1000, cpuMs: (used.user + used.system) / 1000 };
}

/** `seen`: per subscribed channel, the idempotency keys of the messages that arrived there. */
function figures(seen: string[][], seconds: number, failed: number, http429: number, cpuMs: number): RunFigures {
  let duplicates = 0, misses = 0, messages = 0;
  for (const keys of seen) {
    messages += keys.length;
    duplicates += keys.length - new Set(keys).size;
    misses += Math.max(0, PER_CHANNEL - new Set(keys).size);
  }
  return { messages, seconds: Number(seconds.toFixed(2)), perSecond: Number((messages / seconds).toFixed(1)), duplicates, misses, failedChannels: failed, http429,
    botCpuMsPerMessage: Number((cpuMs / Math.max(1, messages)).toFixed(3)) };
}

/** `concurrency`: channels at once; by default the transport's own (the production tick's). */
export async function slackRun(limited: boolean, concurrency?: number): Promise<RunFigures> {
  const slack = await EmulatorHost.start("slack", { rateLimit: limited ? { perSecond: 1, burst: 1 } : false, keepAliveTimeoutMs: 30_000 });
  try {
    return await withDb({ SLACK_BOT_TOKEN: slack.info.token, SLACK_SIGNING_SECRET: "bench", SLACK_API_URL: slack.info.apiUrl }, async (services) => {
      const ids = Array.from({ length: CHANNELS }, (_, i) => `CB${String(i).padStart(5, "0")}`);
      await subscribeAll(services, "slack", slack.info.teamId, ids);
      const transports = new Map<Platform, ChatTransport>([["slack", new SlackTransport(createTransportClient(services.config, services.log))]]);
      const { result: report, seconds, cpuMs } = await timed(() => runDigestTick(services, transports, NOW, concurrency ? { concurrency } : {}));
      const seen = await slack.collect();
      return { ...figures(ids.map((id) => seen.keysByChannel[id] ?? []), seconds,
        report.channels.filter((c) => c.outcome !== "posted").length, seen.http429, cpuMs), emulatorCpuSeconds: (seen.emulatorCpuMs ?? 0) / 1000 };
    });
  } finally { await slack.stop(); }
}

export async function discordRun(limited: boolean, concurrency?: number): Promise<RunFigures> {
  const channels = Array.from({ length: CHANNELS }, (_, i) => ({ id: snowflake(), name: `papers-${i}` }));
  const discord = await EmulatorHost.start("discord", { guilds: [{ id: snowflake(), name: "Bench", channels }], ...(limited ? { globalRateLimit: 50 } : {}) });
  try {
    return await withDb({}, async (services) => {
      await subscribeAll(services, "discord", discord.info.guildId, channels.map((c) => c.id));
      const transport = new DiscordTransport(createPostingRest({ token: "bench-token", api: discord.info.apiUrl }), new ComponentIds());
      const { result: report, seconds, cpuMs } = await timed(() => runDigestTick(services, new Map([["discord", transport]]), NOW, concurrency ? { concurrency } : {}));
      const seen = await discord.collect();
      return { ...figures(channels.map((c) => seen.keysByChannel[c.id] ?? []), seconds,
        report.channels.filter((c) => c.outcome !== "posted").length, seen.http429, cpuMs), emulatorCpuSeconds: (seen.emulatorCpuMs ?? 0) / 1000 };
    });
  } finally { await discord.stop(); }
}

/**
 * Slack's ceiling is its per-channel rate across the channels: the limit is per channel, so every channel
 * can go in parallel. The emulator has no workspace-wide limit, so nothing global bounds it further (real
 * Slack documents one: "several hundred messages per minute" per workspace, which would make 1,000
 * channels in one workspace far slower). The shortest run: each channel's first `burst` messages go at
 * once, the rest one per second, all channels at the same time.
 */
function slackCeiling(perSecond: number, burst: number) {
  return { perSecond: CHANNELS * perSecond, formula: `${CHANNELS} channels × ${perSecond} msg/s`,
    minSeconds: Math.max(0, PER_CHANNEL - burst) / perSecond,
    minFormula: `(${PER_CHANNEL} messages − burst ${burst}) / ${perSecond} msg/s per channel, all channels at once` };
}

const share = (a: number, b: number) => Number((a / b).toFixed(3));

export async function runDigestBench(): Promise<object> {
  const total = CHANNELS * PER_CHANNEL;
  const slackFree = await slackRun(false);
  const slack = await slackRun(true);
  const ceiling = slackCeiling(1, 1);
  const discord = await discordRun(true);
  const discordCeiling = 50;
  return {
    workload: { channels: CHANNELS, digestSize: SIZE, messages: total },
    slack: { limit: "1 msg/s per channel, burst 1", unthrottled: slackFree, limited: slack,
      ceilingPerSecond: ceiling.perSecond, ceiling: ceiling.formula, shareOfCeiling: share(slack.perSecond, ceiling.perSecond),
      shortestRunSeconds: ceiling.minSeconds, shortestRun: ceiling.minFormula, shareOfShortestRun: share(ceiling.minSeconds, slack.seconds),
      // What one core could post at the bot's measured CPU per message, whatever the platform allows.
      botCoreBoundPerSecond: Math.round(1000 / Math.max(0.001, slack.botCpuMsPerMessage ?? 0)) },
    discord: { limit: "50 requests/s global", limited: discord, ceilingPerSecond: discordCeiling, ceiling: "50 requests/s, one request per message",
      shareOfCeiling: share(discord.perSecond, discordCeiling) },
    goals: { shareOfCeiling: 0.9, duplicates: 0, misses: 0 },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runDigestBench(), null, 2));
}
