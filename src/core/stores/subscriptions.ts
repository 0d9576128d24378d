// Digest subscriptions. One per channel and cadence (a daily and a weekly may share a channel): subscribing
// again changes it (and resumes a paused one). A person's own digest is a daily subscription whose
// channel is their user target (core/digest/personal.ts).
import type { ChannelRef } from "../channel.ts";

export type Cadence = "daily" | "weekly";

export interface SubscriptionInput { localTime: string; timeZone: string; topic: string | null; size: number; ranking: "trending" | "team"; createdBy: string;
  /** Default "daily". */
  cadence?: Cadence;
  /** Weekly: ISO day of week, 1 = Monday. */
  weekday?: number | null }

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
  /** As stored: "daily" or "weekly". */
  cadence: string;
  weekday: number | null;
  /** Set when the channel is gone or the bot lost access; the digest skips it until someone subscribes again. */
  pausedReason: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface SubscriptionStore {
  upsert(channel: ChannelRef, input: SubscriptionInput): Promise<Subscription>;
  /** true when there was one. */
  remove(channel: ChannelRef, cadence?: Cadence): Promise<boolean>;
  get(channel: ChannelRef, cadence?: Cadence): Promise<Subscription | null>;
  /** By channel id. */
  forWorkspace(platform: string, workspaceId: string): Promise<Subscription[]>;
  all(): Promise<Subscription[]>;
  /** Every cadence of the channel: it is the channel that stopped taking messages. */
  pause(channel: ChannelRef, reason: string): Promise<void>;
  /** Resumes the channel's paused digest of this cadence; true when there was one (subscribing again to the
   * other cadence: what paused both was the channel). */
  resume(channel: ChannelRef, cadence: Cadence): Promise<boolean>;
}
