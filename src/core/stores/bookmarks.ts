// A person's reading list. Adding twice or removing what is not there is harmless: a reaction event
// that Slack or Discord delivers twice must not double anything.
import type { Platform, UserRef, WorkspaceRef } from "../channel.ts";

export interface BookmarkEntry { paperId: string; createdAt: Date; readAt: Date | null; note: string | null }

export interface BookmarkStore {
  /** true when it was new. `viaReaction`: made by a 🔖 reaction, which taking the reaction back may undo. */
  add(user: UserRef, paperId: string, viaReaction?: boolean): Promise<boolean>;
  /** true when there was one to remove. */
  remove(user: UserRef, paperId: string): Promise<boolean>;
  /**
   * A 🔖 reaction taken back: removes the bookmark only when a reaction made it and nothing was added to it
   * since (a note, a read mark), since the reaction is all there was to it. Otherwise says why it stays:
   * made (or saved again) another way, or holding what the person added, which nothing could give back.
   */
  unreact(user: UserRef, paperId: string): Promise<"removed" | "notMadeByReaction" | "hasNote" | "markedRead" | "none">;
  /** "missing" when the paper is not in the list; "already" when it was read (unread) before, and a read
   * one keeps the date it was first marked. */
  markRead(user: UserRef, paperId: string, read?: boolean): Promise<"changed" | "already" | "missing">;
  has(user: UserRef, paperId: string): Promise<boolean>;
  /** The person's note on a bookmarked paper (null clears it); false when the paper is not in the list. */
  setNote(user: UserRef, paperId: string, note: string | null): Promise<boolean>;
  /** The note on a bookmarked paper (null: none), or undefined when the paper is not in the list. */
  noteOf(user: UserRef, paperId: string): Promise<string | null | undefined>;
  /** Where this person last bookmarked anything on the platform (any workspace but `except`), and when. */
  lastWorkspaceOf(platform: Platform, userId: string, except: string): Promise<{ workspaceId: string; at: Date } | null>;
  /** Newest first. */
  list(user: UserRef, page?: { offset?: number; limit?: number }): Promise<{ entries: BookmarkEntry[]; total: number }>;
  unreadCount(user: UserRef): Promise<number>;
  /** Every citation key this person's BibTeX exports handed out, by paper id: removed bookmarks' too. */
  citationKeys(user: UserRef): Promise<Map<string, string>>;
  /** Keeps new keys for good, all or none: false when another export took one of these keys or papers first. */
  keepCitationKeys(user: UserRef, keys: Map<string, string>): Promise<boolean>;
  /** The people of a workspace who bookmarked any of these papers, sorted. */
  savers(workspace: WorkspaceRef, paperIds: string[]): Promise<string[]>;
  /** What these people bookmarked, newest first (one entry per bookmark), at most `limit`. */
  savedBy(workspace: WorkspaceRef, userIds: string[], limit: number): Promise<string[]>;
}
