// `/papers subscribe [HH:MM] [zone] [topic…] [size:N] [ranked:team]`: this channel's daily digest.
// Subscribing again changes it (and resumes a paused one). The answer says when the next digest comes.
import { z } from "zod";
import { describeWait, fireTime, nextRun } from "../core/digest/schedule.ts";
import { localDate } from "../core/time.ts";
import { defineCommand } from "../command-kit/command.ts";
import { option } from "../command-kit/options.ts";
import { channelMention, describeDay, normalizeTime, normalizeZone, parseSubscribeWords } from "../command-kit/subscription-words.ts";
import type { Reply } from "../core/messages/reply.ts";

const SIZE_HINT = "The size is how many papers per digest, a number from 1 to 20, like size:5.";
const RANKED_HINT = `Ranked is "trending" (the public trending order) or "team" (what this team reads), like ranked:team.`;
const TOPIC_HINT = "Keep the topic under 200 characters; a few keywords work best, like mixture of experts.";

const Options = z.object({
  time: option(z.string().default("09:00"), { description: "Local time HH:MM (default 09:00)" }),
  zone: option(z.string().default("UTC"), { description: "IANA time zone, e.g. Europe/Berlin (default UTC)", autocomplete: "timezone" }),
  topic: option(z.string().trim().max(200, TOPIC_HINT).optional().transform((t) => t || null), { description: "Only papers about this, e.g. mixture of experts" }),
  size: option(z.coerce.number({ error: SIZE_HINT }).int(SIZE_HINT).min(1, SIZE_HINT).max(20, SIZE_HINT).default(5), { description: "Papers per digest (1–20, default 5)" }),
  ranked: option(z.string().toLowerCase().pipe(z.enum(["trending", "team"], { error: RANKED_HINT })).default("trending"),
    { description: "Order: trending (default) or team" }),
});

export const subscribeCommand = defineCommand({
  data: {
    name: "subscribe",
    description: "Post the day's trending papers to this channel every day at a local time",
    usage: "subscribe [HH:MM] [time zone] [topic words…] [size:1-20] [ranked:team]   e.g. subscribe 09:00 Europe/Berlin mixture of experts",
    options: Options,
    permission: "manageChannel",
  },
  parseText: parseSubscribeWords,
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
