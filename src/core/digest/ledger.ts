// The delivery ledger: exactly one digest per channel per local day, by database constraints, not timing.
// A process claims the (channel, localDate) row by inserting it (the unique key makes a second insert
// insert nothing: ON CONFLICT DO NOTHING) and holds a lease it renews as it sends. Every message of the digest is planned as a
// DeliveryItem before the first is sent; each goes pending → sending → sent. When a claimer dies, the next
// tick after its lease ran out takes the row over and sends what is left.
import { channelKey, type ChannelRef } from "../channel.ts";
import type { Db } from "../db/index.ts";
import { Coalescer } from "../coalesce.ts";
import { finishDeliveries, insertDeliveries, insertItems, insertPosted, markWindowsSending, markSent, type NewDelivery } from "./ledger-sql.ts";

export const LEASE_MS = 2 * 60_000;

export type DeliveryStatus = "claimed" | "done" | "failed" | "skipped";
export interface PlannedItem { kind: "header" | "paper" | "notice"; paperId: string | null }
export interface LedgerItem extends PlannedItem { position: number; status: "pending" | "sending" | "sent"; messageId: string | null }
export interface SentItem { position: number; messageId: string; at: Date; paperId: string | null }
export interface SettleWindow { sent: SentItem[]; unsent: number[]; next: number[]; finish?: Date }
export interface Claim { deliveryId: number; resumed: boolean; late: boolean; createdAt: Date; /** When this process got it (its lease runs from here). */ claimedAt: Date }

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

function key(channel: ChannelRef, localDate: string) {
  return { platform: channel.platform, workspaceId: channel.workspaceId, channelId: channel.channelId, localDate };
}

/** Short enough for a Discord nonce (25 characters), unique per message of a digest. */
export function idempotencyKey(deliveryId: number, position: number): string {
  return `pd${deliveryId}.${position}`;
}

interface ClaimRequest extends NewDelivery { items: { position: number; kind: string; paperId: string | null; status: string }[] }
interface SettleRequest { deliveryId: number; channel: ChannelRef; w: SettleWindow }

/** A channel's day: the key of the ledger's unique row, as one string (rows read back carry a plain string platform). */
export const dayKey = (r: { platform: string; workspaceId: string; channelId: string; localDate: string }) =>
  `${channelKey(r as ChannelRef)}@${r.localDate}`;

export class DeliveryLedger {
  // Claims and settles of many channels are written together (coalesce.ts): a 1,000-channel tick
  // otherwise spends more CPU on these small writes than on posting.
  private readonly claims = new Coalescer<ClaimRequest, number | null>((reqs) => this.insertClaims(reqs));
  private readonly settles = new Coalescer<SettleRequest, void>((reqs) => this.writeSettles(reqs));

  constructor(private readonly db: Db, readonly owner: string) {}

  /**
   * The row for that channel and day, for this process: a fresh insert (with its plan), or a takeover of a
   * row whose claimer's lease has run out. null when it is done, failed, skipped, or someone else holds it.
   * The first `sendingFirst` planned items start as "sending": the first window of messages is about to
   * go out, and marking it here saves a write per window (see fanout.ts).
   */
  async claim(channel: ChannelRef, localDate: string, now: Date, late: boolean, planned: PlannedItem[] = [], sendingFirst = 0): Promise<Claim | null> {
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    const items = planned.map((p, position) => ({ position, kind: p.kind, paperId: p.paperId, status: position < sendingFirst ? "sending" : "pending" }));
    const deliveryId = await this.claims.submit({ channel, localDate, leaseUntil, late, now, items });
    if (deliveryId !== null) return { deliveryId, resumed: false, late, createdAt: now, claimedAt: now };
    const row = await this.db.delivery.findUnique({ where: { platform_workspaceId_channelId_localDate: key(channel, localDate) } });
    if (!row || row.status !== "claimed" || row.leaseUntil.getTime() > now.getTime()) return null;
    // Conditional on the lease we saw: of two processes taking over at once, one update matches.
    const taken = await this.db.delivery.updateMany({ where: { id: row.id, status: "claimed", leaseUntil: row.leaseUntil },
      data: { claimedBy: this.owner, leaseUntil } });
    return taken.count === 1 ? { deliveryId: row.id, resumed: true, late: row.late, createdAt: row.createdAt, claimedAt: now } : null;
  }

  /**
   * Inserts the rows of a batch of claims; the unique key (channel, day) decides, so a row that is already
   * there inserts nothing and that claim gets null. The plans go in a second statement, not in the same
   * transaction: a crash between the two leaves claimed rows with no plan, and whoever resumes one plans
   * it then (nothing is posted before its plan exists).
   */
  private async insertClaims(reqs: ClaimRequest[]): Promise<(number | null)[]> {
    const rows = await this.db.$queryRaw<{ id: number | bigint; platform: string; workspaceId: string; channelId: string; localDate: string }[]>(
      insertDeliveries(this.owner, reqs));
    const idOf = new Map(rows.map((r) => [dayKey(r), Number(r.id)]));
    const ids = reqs.map((r) => {
      const k = dayKey({ ...r.channel, localDate: r.localDate });
      const id = idOf.get(k) ?? null;
      idOf.delete(k); // the same channel and day twice in a batch: only the first claimed it
      return id;
    });
    const items = reqs.flatMap((r, i) => ids[i] === null ? [] : r.items.map((item) => ({ deliveryId: ids[i]!, ...item })));
    if (items.length) await this.db.$executeRaw(insertItems(items));
    return ids;
  }

  /** Extends the lease; false when another process has taken the row over (stop sending then). */
  async renew(deliveryId: number, now: Date): Promise<boolean> {
    const r = await this.db.delivery.updateMany({ where: { id: deliveryId, claimedBy: this.owner, status: "claimed" },
      data: { leaseUntil: new Date(now.getTime() + LEASE_MS) } });
    return r.count === 1;
  }

  async items(deliveryId: number): Promise<LedgerItem[]> {
    const rows = await this.db.deliveryItem.findMany({ where: { deliveryId }, orderBy: { position: "asc" } });
    return rows.map((r) => ({ position: r.position, kind: r.kind as LedgerItem["kind"], paperId: r.paperId,
      status: r.status as LedgerItem["status"], messageId: r.messageId }));
  }

  /** Writes the plan in one statement, so a resumed delivery sees all of it or none. */
  async plan(deliveryId: number, planned: PlannedItem[]): Promise<LedgerItem[]> {
    if (planned.length) {
      await this.db.$executeRaw(insertItems(planned.map((p, position) => ({ deliveryId, position, kind: p.kind, paperId: p.paperId, status: "pending" }))));
    }
    return this.items(deliveryId);
  }

  async markSending(deliveryId: number, positions: number[]): Promise<void> {
    if (positions.length === 0) return;
    await this.db.$executeRaw(markWindowsSending([{ deliveryId, positions }]));
  }

  /**
   * One transaction for a window of messages: those that went out become "sent" with their PostedMessage
   * rows (so a reaction finds its paper), those this process marked "sending" but never attempted go back
   * to "pending" (they certainly did not arrive: no findPosted needed on resume), the next window is marked
   * "sending", and the delivery is finished when it is the last. An item whose post failed ambiguously
   * stays "sending" for findPosted. A crash before this commit leaves the window "sending": same answer.
   * A PostedMessage row already there (written by a process that took the row over and found the same
   * message) is kept as it is.
   */
  async settle(deliveryId: number, channel: ChannelRef, w: SettleWindow): Promise<void> {
    await this.settles.submit({ deliveryId, channel, w });
  }

  /** The windows of many deliveries in one transaction of a handful of statements. */
  private async writeSettles(reqs: SettleRequest[]): Promise<void[]> {
    const sent = reqs.flatMap(({ deliveryId, w }) => w.sent.map((s) => ({ deliveryId, position: s.position, messageId: s.messageId })));
    const posted = reqs.flatMap(({ channel, w }) => w.sent.filter((s) => s.paperId).map((s) => ({ channel, messageId: s.messageId, paperId: s.paperId!, at: s.at })));
    const next = reqs.filter((r) => r.w.next.length).map((r) => ({ deliveryId: r.deliveryId, positions: r.w.next }));
    const finished = reqs.filter((r) => r.w.finish);
    // One sentAt per batch (its latest message): the items' own times differ by the pacing only.
    const at = new Date(Math.max(0, ...reqs.flatMap((r) => [...r.w.sent.map((s) => s.at.getTime()), r.w.finish?.getTime() ?? 0])));
    const ops = [
      ...(sent.length ? [this.db.$executeRaw(markSent(sent, at))] : []),
      ...(posted.length ? [this.db.$executeRaw(insertPosted(posted))] : []),
      ...reqs.filter((r) => r.w.unsent.length).map(({ deliveryId, w }) => this.db.deliveryItem.updateMany({
        where: { deliveryId, position: { in: w.unsent }, status: "sending", delivery: { claimedBy: this.owner, status: "claimed" } }, data: { status: "pending" } })),
      ...(next.length ? [this.db.$executeRaw(markWindowsSending(next))] : []),
      ...(finished.length ? [this.db.$executeRaw(finishDeliveries(this.owner, finished.map((r) => r.deliveryId), at))] : []),
    ];
    if (ops.length === 1) await ops[0];
    else if (ops.length > 1) await this.db.$transaction(ops);
    return reqs.map(() => undefined);
  }

  async finish(deliveryId: number, status: "done" | "failed", at: Date, error?: string): Promise<void> {
    await this.db.delivery.updateMany({ where: { id: deliveryId, claimedBy: this.owner },
      data: { status, finishedAt: at, error: error?.slice(0, 500) ?? null } });
  }

  /** Gives the row up for now (transient trouble, shutdown): the next tick may take it over at once. */
  async release(deliveryId: number, at: Date, error?: string): Promise<void> {
    await this.db.delivery.updateMany({ where: { id: deliveryId, claimedBy: this.owner, status: "claimed" },
      data: { leaseUntil: at, error: error?.slice(0, 500) ?? null } });
  }

  /** A subscription made after today's time waits for tomorrow: today's row is marked skipped. */
  async skipDay(channel: ChannelRef, localDate: string, at: Date): Promise<void> {
    try {
      await this.db.delivery.create({ data: { ...key(channel, localDate), status: "skipped", claimedBy: this.owner, leaseUntil: at, finishedAt: at } });
    } catch (error) { if (!isUniqueViolation(error)) throw error; }
  }

  /** A subscription changed to a time still ahead today gets today's digest after all. */
  async unskipDay(channel: ChannelRef, localDate: string): Promise<void> {
    await this.db.delivery.deleteMany({ where: { ...key(channel, localDate), status: "skipped" } });
  }

  async exists(channel: ChannelRef, localDate: string): Promise<boolean> {
    return (await this.db.delivery.count({ where: key(channel, localDate) })) > 0;
  }

  /** Rows already settled (done, failed, skipped) for these days: those channels need no claim attempt. */
  async settled(localDates: string[]): Promise<Set<string>> {
    const rows = await this.db.delivery.findMany({ where: { localDate: { in: localDates }, status: { in: ["done", "failed", "skipped"] } },
      select: { platform: true, workspaceId: true, channelId: true, localDate: true } });
    return new Set(rows.map(dayKey));
  }
}
