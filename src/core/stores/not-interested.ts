// "Not interested": the papers a person waved away. They and papers like them sink in that person's
// for-you list and personal digest, and in `ranked: team` digests of channels they read. Marking twice
// is harmless (a button pressed twice, an event delivered twice).
import type { UserRef, WorkspaceRef } from "../channel.ts";

export interface NotInterestedStore {
  /** true when it was new. */
  add(user: UserRef, paperId: string): Promise<boolean>;
  /** true when there was one (undo). */
  remove(user: UserRef, paperId: string): Promise<boolean>;
  /** Newest first; at most `limit`, or every mark when none is given (what is never recommended). */
  list(user: UserRef, limit?: number): Promise<string[]>;
  /** The people of a workspace who marked any of these papers, sorted. */
  markers(workspace: WorkspaceRef, paperIds: string[]): Promise<string[]>;
  /** What these people waved away, newest first, at most `limit` (a team's dislikes). */
  forUsers(workspace: WorkspaceRef, userIds: string[], limit: number): Promise<string[]>;
}
