// `/papers subscriptions`: this workspace's digests, with times, zones, topics and why any is paused.
import { pausedWords } from "../core/digest/paused.ts";
import { z } from "zod";
import { isTimeZone, localDate } from "../core/time.ts";
import type { Subscription } from "../core/stores/subscriptions.ts";
import type { DeliveryStore } from "../core/stores/deliveries.ts";
import { channelMention, isDirectMessage, type ChannelRef, type Platform } from "../core/channel.ts";
import { defineCommand } from "../command-kit/command.ts";
import { describeDay, digestTraits, wentOutWords } from "../command-kit/subscription-words.ts";
import { range, type Reply } from "../core/messages/reply.ts";
import { internal, wholeNumber } from "../command-kit/options.ts";
import { targetUserId } from "../core/person-target.ts";
import { weekdayName } from "../core/digest/weekly.ts";
import { exampleOn } from "../command-kit/usage.ts";
import { subscribeAgain } from "./subscribe.ts";
import { nextDigest } from "../core/digest/next.ts";
import { quoted } from "../core/messages/typed.ts";

/**
 * The most characters of one page, header included. Every platform shows it whole: Discord's escaping at most
 * doubles it (a topic of nothing but markdown characters), within an embed description's 4,096 characters;
 * Slack splits it at lines into sections of 3,000. A line is under 1,000 characters (a topic is at most 200).
 */
const PAGE_CHARS = 2000;
/** More lines than a page could ever hold (each is over 40 characters): only these are worked out. */
const MAX_LINES = 50;

/** "next tomorrow 09:00 UTC" and why it is later when the ledger has the dates before it. */
async function nextWords(s: Subscription, channel: ChannelRef, weekly: boolean, ctx: { now: Date; services: { deliveries: DeliveryStore } }): Promise<string> {
  const today = localDate(ctx.now, s.timeZone);
  // The first date the ledger has no row for: one may be there from the zone the digest had before.
  const next = await nextDigest(ctx.services.deliveries, channel, s, weekly ? s.weekday ?? 1 : null, ctx.now);
  const wentOut = wentOutWords(next.wentOut, today, weekly);
  return `${weekly ? "the week's most-upvoted papers; " : ""}next ${describeDay(next.at, today, s.timeZone)}${wentOut ? ` (${wentOut})` : ""}`;
}

export const subscriptionsCommand = defineCommand({
  data: {
    name: "subscriptions",
    description: "List the daily and weekly digests in this workspace",
    usage: "subscriptions",
    options: z.object({ offset: internal(wholeNumber(0, 100_000).default(0)) }),
  },
  async execute(ctx, { offset: from }): Promise<Reply> {
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
    // A list shrunk since its last page was shown starts again from the top.
    const offset = from < subs.length ? from : 0;
    const lines = await Promise.all(subs.slice(offset, offset + MAX_LINES).map(async (s) => {
      const channel = { platform: s.platform as Platform, workspaceId: s.workspaceId, channelId: s.channelId };
      const weekly = s.cadence === "weekly";
      const parts = [weekly ? `weekly on ${weekdayName(s.weekday ?? 1)} ${s.localTime} ${s.timeZone}` : `${s.localTime} ${s.timeZone}`,
        ...digestTraits(s, (topic) => (here(s) || mine(s) ? `topic ${quoted(topic)}` : "on a topic set there"))].join(", ");
      // Subscribing again replaces the digest whole: the example carries everything it had.
      const again = targetUserId(s) ? subscribeAgain(ctx.user.platform, s) : "subscribe again in that channel";
      const state = s.pausedReason ? `paused: ${pausedWords(s.pausedReason)} (fix it, then ${again})`
        : await nextWords(s, channel, weekly, ctx).catch((error: unknown) => {
          // A zone stored by a replica on a newer Node, whose ICU knows it and this one's does not: that line
          // says so, where Intl's error failed the whole list.
          if (isTimeZone(s.timeZone)) throw error;
          return `not sent from here: its time zone ${quoted(s.timeZone.slice(0, 60))} is unknown to this bot (${targetUserId(s) ? "subscribe" : "subscribe in that channel"} again with another zone)`;
        });
      const where = targetUserId(s) ? "you (by DM)" : channelMention(channel, ctx.channel);
      return `• ${where}: ${parts}; ${state}`;
    }));
    // What the list covers, as each platform names it (a Discord DM lists the asker's own digests).
    const where = ctx.channel.platform !== "discord" ? "in this workspace" : isDirectMessage(ctx.channel) ? "you set up" : "in this server";
    // A page holds the lines that fit; "Show more" (or "more") gives the rest.
    const header = (end: number) => `Digests ${where} (${offset === 0 && end === subs.length ? subs.length : range(offset + 1, end, subs.length)}):`;
    let shown = 0, size = `Digests ${where} (${range(offset + 1, subs.length, subs.length)}):`.length; // the longest header
    while (shown < lines.length && (shown === 0 || size + 1 + lines[shown]!.length <= PAGE_CHARS)) size += 1 + lines[shown++]!.length;
    const end = offset + shown;
    return { visibility: "ephemeral", tone: "info", text: [header(end), ...lines.slice(0, shown)].join("\n"),
      ...(end < subs.length ? { more: { command: "subscriptions", input: { offset: end } } } : {}) };
  },
});
