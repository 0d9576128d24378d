// Discussion threads on bot messages (issue 15, item 3): one per message, however often Discuss is
// pressed and by however many replicas. The row's primary key (the message) is the claim: the press
// whose insert wins opens the thread; the rest are told it is open, or being opened.
import type { ChannelRef } from "../channel.ts";

export interface MessageRef extends ChannelRef { messageId: string }

export type DiscussionClaim =
  /** This press opens the thread (first, or taking over a claim whose opener died). */
  | { kind: "claimed" }
  /** Already open: the thread's id (Slack: the parent ts; Discord: the thread channel). */
  | { kind: "open"; threadId: string }
  /** Another press is opening it right now. */
  | { kind: "opening" };

export interface DiscussionStore {
  /** `staleAfterMs`: a claim still "opening" after this long belongs to a process that died; the next press takes it over.
   * Claims are dated and judged on the database's clock, not this process's (replicas' clocks disagree). */
  claim(message: MessageRef, paperId: string, requestedBy: string, staleAfterMs: number): Promise<DiscussionClaim>;
  /** The thread is there: later presses point to it. */
  opened(message: MessageRef, threadId: string, now: Date): Promise<void>;
  /** The open thread `threadId` is gone: claim the message again to open another (false: another press did). */
  reopen(message: MessageRef, threadId: string, requestedBy: string): Promise<boolean>;
  /** Opening failed: forget the claim, so a later press tries again. */
  release(message: MessageRef): Promise<void>;
}
