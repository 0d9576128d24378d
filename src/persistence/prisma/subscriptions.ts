// Digest subscriptions (core/stores/subscriptions.ts): one per channel and cadence.
import type { ChannelRef } from "../../core/channel.ts";
import type { Cadence, Subscription, SubscriptionInput, SubscriptionStore } from "../../core/stores/subscriptions.ts";
import type { ChannelKey, PrismaDb } from "./client.ts";

const channelOf = (c: ChannelRef): ChannelKey => ({ platform: c.platform, workspaceId: c.workspaceId, channelId: c.channelId });

export class PrismaSubscriptionStore implements SubscriptionStore {
  constructor(private readonly db: PrismaDb) {}

  async upsert(channel: ChannelRef, input: SubscriptionInput): Promise<Subscription> {
    const { cadence = "daily", weekday = null, ...rest } = input;
    const id = { ...channelOf(channel), cadence };
    const data = { ...rest, weekday: cadence === "weekly" ? weekday : null };
    return this.db.subscription.upsert({ where: { platform_workspaceId_channelId_cadence: id },
      create: { ...id, ...data }, update: { ...data, pausedReason: null } });
  }

  async remove(channel: ChannelRef, cadence: Cadence = "daily"): Promise<boolean> {
    return (await this.db.subscription.deleteMany({ where: { ...channelOf(channel), cadence } })).count > 0;
  }

  async get(channel: ChannelRef, cadence: Cadence = "daily"): Promise<Subscription | null> {
    return this.db.subscription.findUnique({ where: { platform_workspaceId_channelId_cadence: { ...channelOf(channel), cadence } } });
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

  async resume(channel: ChannelRef, cadence: Cadence): Promise<boolean> {
    return (await this.db.subscription.updateMany({ where: { ...channelOf(channel), cadence, pausedReason: { not: null } }, data: { pausedReason: null } })).count > 0;
  }
}
