/** Where a message lives. The database keys on all three parts: channel ids are only unique per workspace. */
export type Platform = "slack" | "discord" | "console";

export interface ChannelRef { platform: Platform; workspaceId: string; channelId: string }
export interface UserRef { platform: Platform; workspaceId: string; userId: string }

export function channelKey(c: ChannelRef): string {
  return `${c.platform}:${c.workspaceId}:${c.channelId}`;
}
