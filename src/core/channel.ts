/** Where a message lives. The database keys on all three parts: channel ids are only unique per workspace. */
export type Platform = "slack" | "discord" | "console";

export interface WorkspaceRef { platform: Platform; workspaceId: string }
export interface ChannelRef extends WorkspaceRef { channelId: string }
export interface UserRef extends WorkspaceRef { userId: string }

/** A channel as people see it in a sentence. `here`: where the sentence is read, so a Slack DM is "this DM"
 * there and "a direct message" anywhere else (its D… id as a channel link shows nothing useful). */
export function channelMention(channel: ChannelRef, here?: ChannelRef): string {
  if (isDirectMessage(channel)) return channel.channelId === here?.channelId ? "this DM" : "a direct message";
  return channel.platform === "console" ? `#${channel.channelId}` : `<#${channel.channelId}>`;
}

/**
 * A person named in a message the bot posts for them (a share), where the platform shows a name without
 * notifying anyone: Discord's mention, sent with pings off (adapters/discord: allowed_mentions is empty).
 * null elsewhere: a Slack "<@U…>" in a bot's message notifies the person, and the terminal has no people.
 */
export function personMention(user: UserRef): string | null {
  return user.platform === "discord" && /^\d{5,25}$/.test(user.userId) ? `<@${user.userId}>` : null;
}

/** Discord gives a direct message no server: its interactions carry this workspace (adapters/discord/workspace.ts). */
export const DM_WORKSPACE = "dm";

/** A person's direct messages with the bot, where their own digest lands: on Slack a channel id starting
 * with D, on Discord any channel outside a server (its interactions carry DM_WORKSPACE). */
export function isDirectMessage(channel: { platform: string; workspaceId?: string; channelId: string }): boolean {
  return channel.platform === "slack" ? channel.channelId.startsWith("D")
    : channel.platform === "discord" && channel.workspaceId === DM_WORKSPACE;
}

export function channelKey(c: ChannelRef): string {
  return `${c.platform}:${c.workspaceId}:${c.channelId}`;
}
