// `/papers subscriptions`: this workspace's digests, with times, zones, topics and why any is paused.
import { pausedWords } from "../core/digest/paused.ts";
import { z } from "zod";
import { localDate } from "../core/time.ts";
import { nextRun } from "../core/digest/schedule.ts";
import { channelMention, isDirectMessage, type Platform } from "../core/channel.ts";
import { defineCommand } from "../command-kit/command.ts";
import { describeDay, digestTraits } from "../command-kit/subscription-words.ts";
import type { Reply } from "../core/messages/reply.ts";
import { targetUserId } from "../core/person-target.ts";
import { WEEKDAYS, isoWeek } from "../core/digest/weekly.ts";
import { exampleOn } from "../command-kit/usage.ts";
import { nextWeekly, subscribeAgain } from "./subscribe.ts";
import { quoted } from "../core/messages/typed.ts";

export const subscriptionsCommand = defineCommand({
  data: {
    name: "subscriptions",
    description: "List the daily and weekly digests in this workspace",
    usage: "subscriptions",
    options: z.object({}),
  },
  async execute(ctx): Promise<Reply> {
    // Who sees what. A personal digest, or one in somebody's DM with the bot, is its owner's business alone.
    // Another channel's topic is its members' business: a private channel's topic must not reach the whole
    // workspace, and neither platform tells us here which channels are private. So the topic shows for this
    // channel and for digests the asker set up; elsewhere the line says there is one.
    const mine = (s: { createdBy: string }) => s.createdBy === ctx.user.userId;
    const here = (s: { channelId: string }) => s.channelId === ctx.channel.channelId;
    const subs = (await ctx.services.subscriptions.forWorkspace(ctx.channel.platform, ctx.channel.workspaceId)).filter((s) => {
      const owner = targetUserId(s);
      if (owner !== null) return owner === ctx.user.userId;
      return !isDirectMessage(s) || here(s) || mine(s);
    });
    if (subs.length === 0) return { visibility: "ephemeral", tone: "info", text: `No channel here has a digest yet. Start one with ${exampleOn(ctx.user.platform, "subscribe", [["time", "09:00"], ["zone", "Europe/Berlin"]])}.` };
    const lines = await Promise.all(subs.map(async (s) => {
      const channel = { platform: s.platform as Platform, workspaceId: s.workspaceId, channelId: s.channelId };
      const weekly = s.cadence === "weekly";
      const parts = [weekly ? `weekly on ${WEEKDAYS[(s.weekday ?? 1) - 1]} ${s.localTime} ${s.timeZone}` : `${s.localTime} ${s.timeZone}`,
        ...digestTraits(s, (topic) => (here(s) || mine(s) ? `topic ${quoted(topic)}` : "on a topic set there"))].join(", ");
      // Subscribing again replaces the digest whole: the example carries everything it had.
      const again = targetUserId(s) ? subscribeAgain(ctx.user.platform, s) : "subscribe again in that channel";
      const today = localDate(ctx.now, s.timeZone);
      const next = weekly ? nextWeekly(s, s.weekday ?? 1, today, ctx.now, await ctx.services.deliveries.exists(channel, isoWeek(today)))
        : nextRun(s, ctx.now, await ctx.services.deliveries.exists(channel, today));
      const state = s.pausedReason ? `paused: ${pausedWords(s.pausedReason)} (fix it, then ${again})`
        : `${weekly ? "the week's most-upvoted papers; " : ""}next ${describeDay(next.localDate, today, s.localTime, s.timeZone)}`;
      const where = targetUserId(s) ? "you (by DM)" : channelMention(channel, ctx.channel);
      return `• ${where}: ${parts}; ${state}`;
    }));
    return { visibility: "ephemeral", tone: "info", text: [`Digests in this workspace (${subs.length}):`, ...lines].join("\n") };
  },
});
