// The last numbered list each person saw in each channel: `/papers bookmark 2` means paper 2 of it.
// Kept in the database so the numbers survive a restart and mean the same on every replica.
import type { Platform } from "../channel.ts";

/** Who saw a list, and where: the same person sees different lists in different channels. A channel
 * message (a digest) is seen by everyone there: its viewer is the channel, userId EVERYONE. */
export interface ListViewer { platform: Platform; workspaceId: string; channelId: string; userId: string }

export const EVERYONE = "";

/** The paper ids a person was shown, by number - 1 (null for numbers not shown, e.g. page 1 when page 2
 * came first), and which list they are ("" for none in particular), so a later page extends only its own. */
export interface LastList { ids: (string | null)[]; list: string }

export interface LastListStore {
  remember(viewer: ListViewer, shown: LastList): Promise<void>;
  /** The newest of what remember() stored for this person here, for EVERYONE here and, when given, for
   * `also` (a person's own digest, read in their DMs), or null. */
  recall(viewer: ListViewer, also?: ListViewer): Promise<LastList | null>;
  /** Where this person last saw a list on the platform (any workspace but `except`), and when. */
  lastWorkspaceOf(platform: Platform, userId: string, except: string): Promise<{ workspaceId: string; at: Date } | null>;
}
