// Channel digest subscriptions. One per channel: subscribing again changes it (and resumes a paused one).
import type { ChannelRef } from "../channel.ts";

export interface SubscriptionInput { localTime: string; timeZone: string; topic: string | null; size: number; ranking: "trending" | "team"; createdBy: string }

export interface Subscription {
  id: number;
  /** As stored: one of Platform's values. */
  platform: string;
  workspaceId: string;
  channelId: string;
  localTime: string;
  timeZone: string;
  topic: string | null;
  size: number;
  ranking: string;
  /** Set when the channel is gone or the bot lost access; the digest skips it until someone subscribes again. */
  pausedReason: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface SubscriptionStore {
  upsert(channel: ChannelRef, input: SubscriptionInput): Promise<Subscription>;
  /** true when there was one. */
  remove(channel: ChannelRef): Promise<boolean>;
  get(channel: ChannelRef): Promise<Subscription | null>;
  /** By channel id. */
  forWorkspace(platform: string, workspaceId: string): Promise<Subscription[]>;
  all(): Promise<Subscription[]>;
  pause(channel: ChannelRef, reason: string): Promise<void>;
}
