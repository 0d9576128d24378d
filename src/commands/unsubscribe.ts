// `/papers unsubscribe [weekly|me]`: stop this channel's daily (or weekly) digest, or your own. Past
// deliveries stay in the ledger (no re-send if it subscribes again the same day).
import { z } from "zod";
import { defineCommand, saysMe } from "../command-kit/command.ts";
import { option } from "../command-kit/options.ts";
import { channelMention } from "../core/channel.ts";
import { personalTarget } from "../core/person-target.ts";
import type { Reply } from "../core/messages/reply.ts";
import { exampleOn } from "../command-kit/usage.ts";
import { personalExample, subscribeAgain } from "./subscribe.ts";

const WHICH_HINT = `Unsubscribe from "daily" (this channel's, the default), "weekly" (this channel's weekly) or "me" (your own DM).`;

export const unsubscribeCommand = defineCommand({
  data: {
    name: "unsubscribe",
    description: "Stop this channel's daily or weekly digest, or your own (me)",
    usage: "unsubscribe [weekly|me]",
    options: z.object({
      which: option(z.string().toLowerCase().pipe(z.enum(["daily", "weekly", "me"], { error: WHICH_HINT })).default("daily"),
        { description: "daily (default), weekly, or me" }),
    }),
    permission: "manageChannel",
    selfService: (raw) => saysMe(raw.which),
  },
  async execute(ctx, { which }): Promise<Reply> {
    const again = (options: [string, string][]) => exampleOn(ctx.user.platform, "subscribe", options);
    if (which === "me") {
      const mine = await ctx.services.subscriptions.get(personalTarget(ctx.user));
      const removed = await ctx.services.subscriptions.remove(personalTarget(ctx.user));
      const start = mine ? subscribeAgain(ctx.user.platform, mine) : personalExample(ctx.user.platform, "08:30");
      return { visibility: "ephemeral", tone: "info", text: removed
        ? `You'll get no more personal digests. Start again any time with ${start}.`
        : `You have no personal digest to stop. Start one with ${start}.` };
    }
    const weekly = which === "weekly";
    const [cadence, otherCadence] = weekly ? ["weekly", "daily"] as const : ["daily", "weekly"] as const;
    const before = await ctx.services.subscriptions.get(ctx.channel, cadence);
    const removed = await ctx.services.subscriptions.remove(ctx.channel, cadence);
    const example = again([...(weekly ? [["every", "weekly"], ["day", "mon"]] as [string, string][] : []), ["time", "09:00"], ["zone", "Europe/Berlin"]]);
    const channel = sentenceStart(channelMention(ctx.channel, ctx.channel));
    // The channel's other kind of digest, which goes on (or is likely what was meant).
    const other = await ctx.services.subscriptions.get(ctx.channel, otherCadence);
    const stopOther = exampleOn(ctx.user.platform, "unsubscribe", weekly ? [] : [["which", "weekly"]]);
    if (removed) {
      const goesOn = other ? ` Its ${otherCadence} digest goes on (${stopOther} stops it).` : "";
      // The command that brings back the digest just stopped, as it was: an undo a click away.
      const back = before ? subscribeAgain(ctx.user.platform, before) : example;
      return { visibility: "ephemeral", tone: "info", text: `${channel} will get no more ${cadence} digests.${goesOn} Subscribe again any time with ${back}.` };
    }
    if (other) {
      return { visibility: "ephemeral", tone: "info", text: `${channel} has no ${cadence} digest, only a ${otherCadence} one; ${stopOther} stops that.` };
    }
    return { visibility: "ephemeral", tone: "info", text: `${channel} has no ${weekly ? "weekly digest" : "digest"} to stop. Start one with ${example}.` };
  },
});

const sentenceStart = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
