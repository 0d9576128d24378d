// `/papers unsubscribe`: stop this channel's digest. Past deliveries stay in the ledger (no re-send if
// the channel subscribes again the same day).
import { z } from "zod";
import { defineCommand } from "../command-kit/command.ts";
import { channelMention } from "../command-kit/subscription-words.ts";
import type { Reply } from "../core/messages/reply.ts";

export const unsubscribeCommand = defineCommand({
  data: {
    name: "unsubscribe",
    description: "Stop this channel's daily digest",
    usage: "unsubscribe",
    options: z.object({}),
    permission: "manageChannel",
  },
  async execute(ctx): Promise<Reply> {
    const removed = await ctx.services.subscriptions.remove(ctx.channel);
    return { visibility: "ephemeral", tone: "info", text: removed
      ? `${channelMention(ctx.channel)} will get no more digests. Subscribe again any time with /papers subscribe 09:00 Europe/Berlin.`
      : `${channelMention(ctx.channel)} has no digest to stop. Start one with /papers subscribe 09:00 Europe/Berlin.` };
  },
});
