/** Where a message lives. The database keys on all three parts: channel ids are only unique per workspace. */
export type Platform = "slack" | "discord" | "console";

export interface WorkspaceRef { platform: Platform; workspaceId: string }
export interface ChannelRef extends WorkspaceRef { channelId: string }
export interface UserRef extends WorkspaceRef { userId: string }

export function channelKey(c: ChannelRef): string {
  return `${c.platform}:${c.workspaceId}:${c.channelId}`;
}
