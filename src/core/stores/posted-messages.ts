// Which bot message shows which paper, so that a reaction on it finds its paper later, across restarts.
import type { ChannelRef } from "../channel.ts";

export type PostedKind = "digest" | "share" | "discuss";

export interface PostedMessageStore {
  /** `at`: when it was posted, by the caller's clock (the digest's 7-day rule runs on the injected clock).
   * Recording the same message again keeps the first record. */
  record(channel: ChannelRef, messageId: string, paperId: string, kind: PostedKind, at?: Date): Promise<void>;
  paperFor(channel: ChannelRef, messageId: string): Promise<string | null>;
  /** Papers posted to each channel since `since`, in one read (the digest's 7-day no-repeat rule asks for
   * every channel of a tick). A discussion's first message is no new post of its paper: left out. */
  paperIdsSinceMany(channels: ChannelRef[], since: Date): Promise<string[][]>;
  /** The papers of the channel's newest `limit` posted messages, newest first. */
  recentPaperIds(channel: ChannelRef, limit: number): Promise<string[]>;
}
