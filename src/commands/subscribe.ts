// `/papers subscribe [HH:MM] [zone] [topic…] [size:N] [ranked:team]`: this channel's daily digest.
// Subscribing again changes it (and resumes a paused one). The answer says when the next digest comes.
import { z } from "zod";
import { describeWait, fireTime, nextRun } from "../core/digest/schedule.ts";
import type { ChannelRef } from "../core/channel.ts";
import { localDate } from "../core/time.ts";
import { defineCommand } from "./command.ts";
import { normalizeTime, normalizeZone, parseSubscribeWords } from "./subscription-words.ts";
import type { Reply } from "../core/messages/reply.ts";

const SIZE_HINT = "The size is how many papers per digest, a number from 1 to 20, like size:5.";
const RANKED_HINT = `Ranked is "trending" (the public trending order) or "team" (what this team reads), like ranked:team.`;
const TOPIC_HINT = "Keep the topic under 200 characters; a few keywords work best, like mixture of experts.";

const Input = z.object({
  time: z.string().default("09:00"),
  zone: z.string().default("UTC"),
  topic: z.string().trim().max(200, TOPIC_HINT).optional().transform((t) => t || null),
  size: z.coerce.number({ error: SIZE_HINT }).int(SIZE_HINT).min(1, SIZE_HINT).max(20, SIZE_HINT).default(5),
  ranked: z.string().toLowerCase().pipe(z.enum(["trending", "team"], { error: RANKED_HINT })).default("trending"),
});

export function channelMention(channel: ChannelRef): string {
  return channel.platform === "console" ? `#${channel.channelId}` : `<#${channel.channelId}>`;
}

/** "today 09:00", "tomorrow 09:00", or "Mon 09:00" in the subscriber's zone. */
export function describeDay(runDate: string, today: string, time: string, zone: string): string {
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const day = runDate === today ? "today" : runDate === tomorrow ? "tomorrow"
    : new Date(`${runDate}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
  return `${day} ${time} ${zone}`;
}

export const subscribeCommand = defineCommand({
  name: "subscribe",
  description: "Post the day's trending papers to this channel every day at a local time",
  usage: "subscribe [HH:MM] [time zone] [topic words…] [size:1-20] [ranked:team]   e.g. subscribe 09:00 Europe/Berlin mixture of experts",
  options: [
    { name: "time", description: "Local time HH:MM (default 09:00)", type: "string" },
    { name: "zone", description: "IANA time zone, e.g. Europe/Berlin (default UTC)", type: "string", autocomplete: "timezone" },
    { name: "topic", description: "Only papers about this, e.g. mixture of experts", type: "string" },
    { name: "size", description: "Papers per digest (1–20, default 5)", type: "integer", min: 1, max: 20 },
    { name: "ranked", description: "Order: trending (default) or team", type: "string", choices: ["trending", "team"] },
  ],
  input: Input,
  parseText: parseSubscribeWords,
  permission: "manageChannel",
  async execute(ctx, input): Promise<Reply> {
    const localTime = normalizeTime(input.time);
    const timeZone = normalizeZone(input.zone);
    const schedule = { localTime, timeZone };
    await ctx.services.subscriptions.upsert(ctx.channel, { localTime, timeZone, topic: input.topic, size: input.size,
      ranking: input.ranked, createdBy: ctx.user.userId });
    // Today's time already passed: the first digest is tomorrow's, not a "late" one right now.
    const { deliveries } = ctx.services;
    const today = localDate(ctx.now, timeZone);
    const todayAt = fireTime(today, schedule);
    if (todayAt && todayAt.getTime() <= ctx.now.getTime()) await deliveries.skipDay(ctx.channel, today, `subscribe:${ctx.user.userId}`, ctx.now);
    else await deliveries.unskipDay(ctx.channel, today);
    const next = nextRun(schedule, ctx.now, await deliveries.exists(ctx.channel, today));
    const what = [`${input.size} paper${input.size === 1 ? "" : "s"}`, input.ranked === "team" ? "ranked by this team" : null,
      input.topic ? `about "${input.topic.slice(0, 80)}"` : null].filter(Boolean).join(", ");
    return { visibility: "ephemeral", tone: "info",
      text: `Subscribed ${channelMention(ctx.channel)}: next digest ${describeDay(next.localDate, today, localTime, timeZone)}, ` +
        `${describeWait(next.at.getTime() - ctx.now.getTime())} (${what}). Change it by subscribing again; stop it with /papers unsubscribe.` };
  },
});
