// The delivery ledger as one process uses it: exactly one delivery per channel per local day, by the
// store's unique key, not by timing. A process claims the (channel, day) row by inserting it, with the
// plan of every message, and holds a lease it renews as it sends. When a claimer dies, the first claim
// after its lease ran out takes the row over and sends what is left (core/delivery/run.ts). A lease is a
// length here: the store starts and judges it on the database's clock, which every replica shares, so a
// replica whose own clock runs ahead never takes over a live claim (nor one behind waits past a dead one).
import type { ChannelRef } from "../channel.ts";
import type { DeliveryStore, LedgerItem, PlannedItem, SettleWindow } from "../stores/deliveries.ts";

/**
 * Just under two minutes. A claim is made a moment after its tick began (0.1 s; seconds into a big
 * fan-out), so a lease of exactly two minutes ran out just after the tick two minutes later, and a
 * killed claimer's digest waited for the tick after that: 3 minutes, where the README promises 2. Ending
 * LEASE_MARGIN_MS early, the lease of a claim made within that margin of its tick has run out by the tick
 * two minutes on (every-minute DIGEST_CRON). A live claimer renews at half the lease, as before, so it
 * still holds its row with a minute to spare.
 */
export const LEASE_MARGIN_MS = 10_000;
export const LEASE_MS = 2 * 60_000 - LEASE_MARGIN_MS;

export interface Claim {
  deliveryId: number;
  /** Taken over from a claimer whose lease ran out (its items carry what it got done). */
  resumed: boolean;
  late: boolean;
  /** When the row was first claimed (a resumed delivery keeps its first claimer's time). */
  createdAt: Date;
  /** When this process got it, by its own clock: it renews half a lease later (a length, which no skew
   * between clocks changes; the lease itself runs on the database's clock). */
  claimedAt: Date;
}

/** Short enough for a Discord nonce (25 characters), unique per message of a delivery. */
export function idempotencyKey(deliveryId: number, position: number): string {
  return `pd${deliveryId}.${position}`;
}

export class DeliveryLedger {
  /** `owner`: who claims, one per process (or per simulated process in tests). */
  constructor(private readonly store: DeliveryStore, readonly owner: string) {}

  /**
   * The row for that channel and day, for this process: a fresh insert (with its plan), or a takeover of a
   * row whose claimer's lease has run out. null when it is done, failed, skipped, or someone else holds it.
   * The first `sendingFirst` planned items start as "sending": the first window of messages is about to
   * go out, and marking it here saves a write per window.
   */
  async claim(channel: ChannelRef, localDate: string, now: Date, late: boolean, planned: PlannedItem[] = [], sendingFirst = 0): Promise<Claim | null> {
    const items = planned.map((p, position) => ({ ...p, position, status: position < sendingFirst ? "sending" as const : "pending" as const }));
    const deliveryId = await this.store.insert({ channel, localDate, owner: this.owner, leaseMs: LEASE_MS, late, now, items });
    if (deliveryId !== null) return { deliveryId, resumed: false, late, createdAt: now, claimedAt: now };
    const taken = await this.store.takeOver(channel, localDate, this.owner, LEASE_MS);
    if (!taken) return null;
    return { deliveryId: taken.id, resumed: true, late: taken.late, createdAt: taken.createdAt, claimedAt: now };
  }

  /** Extends the lease; false when another process has taken the row over (stop sending then). */
  renew(deliveryId: number): Promise<boolean> {
    return this.store.renew(deliveryId, this.owner, LEASE_MS);
  }

  items(deliveryId: number): Promise<LedgerItem[]> {
    return this.store.items(deliveryId);
  }

  /** A row claimed before plans were part of the claim (or whose claimer died between the two writes). */
  async plan(deliveryId: number, planned: PlannedItem[]): Promise<LedgerItem[]> {
    if (planned.length) await this.store.plan(deliveryId, planned);
    return this.store.items(deliveryId);
  }

  markSending(deliveryId: number, positions: number[]): Promise<void> {
    return positions.length ? this.store.markSending(deliveryId, positions) : Promise.resolve();
  }

  settle(deliveryId: number, channel: ChannelRef, window: SettleWindow): Promise<void> {
    return this.store.settle(deliveryId, this.owner, channel, window);
  }

  finish(deliveryId: number, status: "done" | "failed", at: Date, error?: string): Promise<void> {
    return this.store.finish(deliveryId, this.owner, status, at, error);
  }

  /** Gives the row up for now (transient trouble, shutdown): the next tick may take it over at once. */
  release(deliveryId: number, error?: string): Promise<void> {
    return this.store.release(deliveryId, this.owner, error);
  }

  settled(localDates: string[]): Promise<Set<string>> {
    return this.store.settled(localDates);
  }
}
