// A channel the bot can no longer post in (removed, archived, the bot not invited): its digests pause
// rather than fail every minute, and whoever set the digest up is told by DM, once (a paused digest is not
// due again until someone subscribes anew), so it does not just go quiet. The pause is the channel's, so it
// stops both its digests, daily and weekly, and subscribing again to either there resumes both.
import { channelMention, type ChannelRef } from "../channel.ts";
import { notice } from "../messages/reply.ts";
import { botHandle } from "../messages/bot-name.ts";
import { personalTarget, targetUserId } from "../person-target.ts";
import type { Services } from "../services.ts";
import type { ChatTransport } from "../transport.ts";

// Why, in words a channel manager can act on; the platform's own code stays in brackets for whoever looks it up.
const PAUSED_WORDS: Readonly<Record<string, string>> = {
  not_in_channel: `I am not in that channel; invite me with /invite ${botHandle()}`,
  channel_not_found: `the channel is gone, or private without me in it (invite me with /invite ${botHandle()})`,
  is_archived: "the channel is archived", channel_is_archived: "the channel is archived",
  token_revoked: "the bot's token was revoked", invalid_auth: "the bot's token no longer works", account_inactive: "the bot's token no longer works",
  missing_scope: "the app lacks a permission; reinstall it from the manifest", restricted_action: "the workspace does not let me post there",
};

export function pausedWords(reason: string): string {
  const words = PAUSED_WORDS[reason];
  return words ? `${words} [${reason}]` : reason;
}

export async function pauseAndTell(deps: Pick<Services, "subscriptions" | "log">, transport: ChatTransport, channel: ChannelRef,
  createdBy: string | undefined, reason: string): Promise<void> {
  await deps.subscriptions.pause(channel, reason);
  // A personal digest's own DM is what failed; the terminal has no one to DM.
  if (targetUserId(channel) || channel.platform === "console" || !createdBy) return;
  const to = personalTarget({ platform: channel.platform, workspaceId: channel.workspaceId, userId: createdBy });
  const text = `The papers digest you set up for ${channelMention(channel)} is paused: ${pausedWords(reason)}. ` +
    "Fix that, then /papers subscribe again in that channel.";
  await transport.post(to, notice(text, "channel"))
    .catch((err: unknown) => deps.log.info({ err, channel }, "could not tell the subscriber their digest is paused"));
}
