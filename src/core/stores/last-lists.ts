// The last numbered list each person saw in each channel: `/papers bookmark 2` means paper 2 of it.
// Kept in the database so the numbers survive a restart and mean the same on every replica.
import type { Platform } from "../channel.ts";

/** Who saw a list, and where: the same person sees different lists in different channels. */
export interface ListViewer { platform: Platform; workspaceId: string; channelId: string; userId: string }

export interface LastListStore {
  /** The paper ids a person was shown, by number - 1 (null for numbers not shown, e.g. page 1 when page 2 came first). */
  remember(viewer: ListViewer, paperIds: (string | null)[]): Promise<void>;
  /** What remember() stored last for this person in this channel, or null. */
  recall(viewer: ListViewer): Promise<(string | null)[] | null>;
}
