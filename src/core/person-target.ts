// A person as a delivery target. A personal digest goes to the person, not to a channel, but it runs
// through the same ledger, subscriptions and posted-message records as channel digests, which all key
// on a ChannelRef: so a person is the channel "@<userId>" of their workspace. Channel ids never start
// with "@" on Slack (C…, G…, D…) or Discord (snowflakes), so the two cannot collide. Each transport
// opens the direct-message conversation for such a target itself (Slack conversations.open, Discord
// POST /users/@me/channels).
import type { ChannelRef, UserRef } from "./channel.ts";

const PREFIX = "@";

export function personalTarget(user: UserRef): ChannelRef {
  return { platform: user.platform, workspaceId: user.workspaceId, channelId: `${PREFIX}${user.userId}` };
}

/** The user id a personal target stands for; null for a real channel. */
export function targetUserId(channel: { channelId: string }): string | null {
  return channel.channelId.startsWith(PREFIX) && channel.channelId.length > 1 ? channel.channelId.slice(PREFIX.length) : null;
}

export function targetUser(channel: ChannelRef): UserRef | null {
  const userId = targetUserId(channel);
  return userId ? { platform: channel.platform, workspaceId: channel.workspaceId, userId } : null;
}
