// Channel digest subscriptions (core/stores/subscriptions.ts): one per channel.
import type { ChannelRef } from "../../core/channel.ts";
import type { Subscription, SubscriptionInput, SubscriptionStore } from "../../core/stores/subscriptions.ts";
import type { ChannelKey, PrismaDb } from "./client.ts";

const channelOf = (c: ChannelRef): ChannelKey => ({ platform: c.platform, workspaceId: c.workspaceId, channelId: c.channelId });

export class PrismaSubscriptionStore implements SubscriptionStore {
  constructor(private readonly db: PrismaDb) {}

  async upsert(channel: ChannelRef, input: SubscriptionInput): Promise<Subscription> {
    const id = channelOf(channel);
    return this.db.subscription.upsert({ where: { platform_workspaceId_channelId: id },
      create: { ...id, ...input }, update: { ...input, pausedReason: null } });
  }

  async remove(channel: ChannelRef): Promise<boolean> {
    return (await this.db.subscription.deleteMany({ where: channelOf(channel) })).count > 0;
  }

  async get(channel: ChannelRef): Promise<Subscription | null> {
    return this.db.subscription.findUnique({ where: { platform_workspaceId_channelId: channelOf(channel) } });
  }

  async forWorkspace(platform: string, workspaceId: string): Promise<Subscription[]> {
    return this.db.subscription.findMany({ where: { platform, workspaceId }, orderBy: { channelId: "asc" } });
  }

  async all(): Promise<Subscription[]> {
    return this.db.subscription.findMany({ orderBy: { id: "asc" } });
  }

  async pause(channel: ChannelRef, reason: string): Promise<void> {
    await this.db.subscription.updateMany({ where: channelOf(channel), data: { pausedReason: reason } });
  }
}
