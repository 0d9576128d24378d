// The delivery ledger's storage. One row per channel per local day: its unique key, not timing, makes a
// second claim of the same day insert nothing. Each planned message is an item that goes pending →
// sending → sent. Every method is one write (or one transaction): it happens whole or not at all. The
// claim-and-lease rules on top of these rows are core/delivery/ledger.ts; the Prisma implementation may
// write the claims and settles of many channels together, which callers need not know.
import { channelKey, type ChannelRef } from "../channel.ts";

export type DeliveryStatus = "claimed" | "done" | "failed" | "skipped";
export type ItemKind = "header" | "paper" | "notice";
export type ItemStatus = "pending" | "sending" | "sent";

export interface PlannedItem { kind: ItemKind; paperId: string | null }
export interface LedgerItem extends PlannedItem { position: number; status: ItemStatus; messageId: string | null }
/** A message that went out (`paperId` set: a paper message, which gets its PostedMessage row). */
export interface SentItem { position: number; messageId: string; at: Date; paperId: string | null }

/**
 * What one window of messages changed: `sent` become "sent" (with their PostedMessage rows), `unsent`
 * (marked "sending" by this owner but never attempted) go back to "pending", `next` (the following
 * window) becomes "sending", and `finish` closes the delivery as done.
 */
export interface SettleWindow { sent: SentItem[]; unsent: number[]; next: number[]; finish?: Date }

/**
 * Leases are lengths, not instants: the store starts and judges them on the database's clock, the one
 * clock every replica shares (a replica's own may be off by more than a lease).
 */
export interface NewDelivery {
  channel: ChannelRef; localDate: string; owner: string; leaseMs: number; late: boolean; now: Date;
  /** The plan, by position; the first window may start as "sending". */
  items: (PlannedItem & { position: number; status: ItemStatus })[];
}

/** A row taken over: its id, and what its first claim said. */
export interface TakenOver { id: number; late: boolean; createdAt: Date }

export interface DeliveryStore {
  /** The row and its plan; null when that channel's day already has a row. */
  insert(delivery: NewDelivery): Promise<number | null>;
  /** Takes the day's row over for `owner` when it is claimed and its lease has run out (of two takers, one
   * wins); null when it has no such row (done, failed, skipped, or its claimer's lease still runs). */
  takeOver(channel: ChannelRef, localDate: string, owner: string, leaseMs: number): Promise<TakenOver | null>;
  /** A lease of `leaseMs` from now; false when the row is no longer this owner's claim. */
  renew(id: number, owner: string, leaseMs: number): Promise<boolean>;
  items(id: number): Promise<LedgerItem[]>;
  /** Writes a plan in one statement, so a resumed delivery sees all of it or none. */
  plan(id: number, planned: PlannedItem[]): Promise<void>;
  markSending(id: number, positions: number[]): Promise<void>;
  /** One window's changes in one transaction (see SettleWindow). A PostedMessage row already there stays. */
  settle(id: number, owner: string, channel: ChannelRef, window: SettleWindow): Promise<void>;
  finish(id: number, owner: string, status: "done" | "failed", at: Date, error?: string): Promise<void>;
  /** Gives the row up for now: its lease ends at the epoch, run out by any clock, so the next tick (of a
   * process acting as any instant, `papers digest run --now`) may take it over at once. */
  release(id: number, owner: string, error?: string): Promise<void>;
  /** Marks the day delivered without sending (a subscription made after today's time); no-op if it has a row. */
  skipDay(channel: ChannelRef, localDate: string, owner: string, at: Date): Promise<void>;
  /** Undoes skipDay (the time was moved to later today). */
  unskipDay(channel: ChannelRef, localDate: string): Promise<void>;
  /** Forgets a day whose digest failed before any of its messages went out (the bot was not in the channel),
   * so subscribing again after the fix brings that day's digest instead of counting it as sent. */
  forgetFailedDay(channel: ChannelRef, localDate: string): Promise<void>;
  /** Which of these dates (periods) the channel has a row for, whatever its status. */
  existing(channel: ChannelRef, localDates: string[]): Promise<Set<string>>;
  /** dayKeys of the rows already settled (done, failed, skipped) on these dates: no claim needed. */
  settled(localDates: string[]): Promise<Set<string>>;
}

/** A channel's day, the ledger's unique key, as one string (rows read back carry a plain string platform). */
export const dayKey = (r: { platform: string; workspaceId: string; channelId: string; localDate: string }) =>
  `${channelKey(r as ChannelRef)}@${r.localDate}`;
