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
  restricted_action_read_only_channel: "the channel is read-only for me (let everyone, or apps, post there in its settings)",
  restricted_action_thread_only_channel: "the channel takes replies in threads only, and a digest posts new messages",
  posting_to_general_channel_denied: "only admins may post in that channel",
};

export function pausedWords(reason: string): string {
  // Slack's restricted_action_<why> family, a variant not listed here included, is a restricted_action.
  const words = PAUSED_WORDS[reason] ?? (reason.startsWith("restricted_action_") ? PAUSED_WORDS.restricted_action : undefined);
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

/**
 * The channel (or thread) itself was deleted: its digests stop for good rather than pause, since no one can
 * subscribe again, or unsubscribe, in a channel that is gone (a paused row would stay in /papers
 * subscriptions for ever). Whoever set each one up is told by DM, once. `where`: the channel as people knew
 * it ("#papers"), for a mention of a deleted channel shows nothing useful.
 */
export async function stopDeletedChannel(deps: Pick<Services, "subscriptions" | "log">, transport: ChatTransport, channel: ChannelRef,
  where: string): Promise<void> {
  const stopped = new Map<string, string[]>();
  for (const cadence of ["daily", "weekly"] as const) {
    const sub = await deps.subscriptions.get(channel, cadence);
    // Another replica, told the same, may have removed it first: only the one that did tells anyone.
    if (sub && await deps.subscriptions.remove(channel, cadence)) stopped.set(sub.createdBy, [...(stopped.get(sub.createdBy) ?? []), cadence]);
  }
  if (stopped.size > 0) deps.log.info({ channel, cadences: [...stopped.values()].flat() }, "digests of a deleted channel stopped");
  for (const [createdBy, cadences] of stopped) {
    const digests = cadences.length > 1 ? "daily and weekly papers digests" : `${cadences[0]} papers digest`;
    const text = `The ${digests} you set up for ${where} stopped: it was deleted. ` +
      "To get papers in another channel, run /papers subscribe there.";
    await transport.post(personalTarget({ platform: channel.platform, workspaceId: channel.workspaceId, userId: createdBy }), notice(text, "channel"))
      .catch((err: unknown) => deps.log.info({ err, channel }, "could not tell the subscriber their channel's digest stopped"));
  }
}
