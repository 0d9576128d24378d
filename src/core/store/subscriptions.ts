// Channel digest subscriptions. One per channel: subscribing again changes it.
import type { ChannelRef } from "../channel.ts";
import type { Db } from "../db/index.ts";

export interface SubscriptionInput { localTime: string; timeZone: string; topic: string | null; size: number; ranking: "trending" | "team"; createdBy: string }

export class SubscriptionStore {
  constructor(private readonly db: Db) {}

  async upsert(channel: ChannelRef, input: SubscriptionInput) {
    const id = { platform: channel.platform, workspaceId: channel.workspaceId, channelId: channel.channelId };
    return this.db.subscription.upsert({ where: { platform_workspaceId_channelId: id },
      create: { ...id, ...input }, update: { ...input, pausedReason: null } });
  }

  async remove(channel: ChannelRef): Promise<boolean> {
    const result = await this.db.subscription.deleteMany({ where: { platform: channel.platform, workspaceId: channel.workspaceId, channelId: channel.channelId } });
    return result.count > 0;
  }

  async get(channel: ChannelRef) {
    return this.db.subscription.findUnique({ where: { platform_workspaceId_channelId: {
      platform: channel.platform, workspaceId: channel.workspaceId, channelId: channel.channelId } } });
  }

  async forWorkspace(platform: string, workspaceId: string) {
    return this.db.subscription.findMany({ where: { platform, workspaceId }, orderBy: { channelId: "asc" } });
  }

  async all() {
    return this.db.subscription.findMany({ orderBy: { id: "asc" } });
  }

  async pause(channel: ChannelRef, reason: string): Promise<void> {
    await this.db.subscription.updateMany({ where: { platform: channel.platform, workspaceId: channel.workspaceId, channelId: channel.channelId }, data: { pausedReason: reason } });
  }
}
