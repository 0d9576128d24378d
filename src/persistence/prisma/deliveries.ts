// The delivery ledger's rows (core/stores/deliveries.ts). Claims and window settles of many channels are
// written together (group commit, core/coalesce.ts): a 1,000-channel tick otherwise spends more CPU on
// these small writes than on posting. Each request still gets its own answer, and a batch that fails is
// retried one request at a time, so one bad request fails alone.
import type { ChannelRef } from "../../core/channel.ts";
import { Coalescer } from "../../core/coalesce.ts";
import { dayKey, type DeliveryStore, type LedgerItem, type NewDelivery, type PlannedItem, type SettleWindow,
  type TakenOver } from "../../core/stores/deliveries.ts";
import { isUniqueViolation, type PrismaDb } from "./client.ts";
import { finishDeliveries, insertDeliveries, insertItems, insertPosted, markSent, markWindowsSending, renewDelivery, takeOverDelivery,
  type Dialect, type InsertedDelivery, type TakenOverRow } from "./ledger-sql.ts";

interface SettleRequest { deliveryId: number; owner: string; channel: ChannelRef; w: SettleWindow }

const day = (channel: ChannelRef, localDate: string) =>
  ({ platform: channel.platform, workspaceId: channel.workspaceId, channelId: channel.channelId, localDate });

/** A released row's lease: run out by every clock. */
const RELEASED = new Date(0);

export class PrismaDeliveryStore implements DeliveryStore {
  private readonly inserts = new Coalescer<NewDelivery, number | null>((reqs) => this.insertMany(reqs));
  private readonly settles = new Coalescer<SettleRequest, void>((reqs) => this.settleMany(reqs));

  /** `dialect`: how the statements read the database's clock, which starts and judges every lease. */
  constructor(private readonly db: PrismaDb, private readonly dialect: Dialect) {}

  insert(delivery: NewDelivery): Promise<number | null> {
    return this.inserts.submit(delivery);
  }

  /**
   * The rows of a batch of claims, then their plans in a second statement, not in the same transaction: a
   * crash between the two leaves claimed rows with no plan, and whoever resumes one plans it then (nothing
   * is posted before its plan exists).
   */
  private async insertMany(reqs: NewDelivery[]): Promise<(number | null)[]> {
    const rows = await this.db.$queryRaw<InsertedDelivery[]>(insertDeliveries(this.dialect, reqs));
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

  async takeOver(channel: ChannelRef, localDate: string, owner: string, leaseMs: number): Promise<TakenOver | null> {
    const [row] = await this.db.$queryRaw<TakenOverRow[]>(takeOverDelivery(this.dialect, { channel, localDate }, owner, leaseMs));
    // Raw rows as each driver reads them (SQLite: integers for the boolean and the id).
    return row ? { id: Number(row.id), late: Boolean(Number(row.late)), createdAt: new Date(row.createdAt) } : null;
  }

  async renew(id: number, owner: string, leaseMs: number): Promise<boolean> {
    return await this.db.$executeRaw(renewDelivery(this.dialect, id, owner, leaseMs)) === 1;
  }

  async items(id: number): Promise<LedgerItem[]> {
    const rows = await this.db.deliveryItem.findMany({ where: { deliveryId: id }, orderBy: { position: "asc" } });
    return rows.map((r) => ({ position: r.position, kind: r.kind as LedgerItem["kind"], paperId: r.paperId,
      status: r.status as LedgerItem["status"], messageId: r.messageId }));
  }

  async plan(id: number, planned: PlannedItem[]): Promise<void> {
    await this.db.$executeRaw(insertItems(planned.map((p, position) => ({ deliveryId: id, position, kind: p.kind, paperId: p.paperId, status: "pending" }))));
  }

  async markSending(id: number, positions: number[]): Promise<void> {
    await this.db.$executeRaw(markWindowsSending([{ deliveryId: id, positions }]));
  }

  settle(id: number, owner: string, channel: ChannelRef, w: SettleWindow): Promise<void> {
    return this.settles.submit({ deliveryId: id, owner, channel, w });
  }

  /** The windows of many deliveries in one transaction of a handful of statements. */
  private async settleMany(reqs: SettleRequest[]): Promise<void[]> {
    const sent = reqs.flatMap(({ deliveryId, w }) => w.sent.map((s) => ({ deliveryId, position: s.position, messageId: s.messageId })));
    const posted = reqs.flatMap(({ channel, w }) => w.sent.filter((s) => s.paperId).map((s) => ({ channel, messageId: s.messageId, paperId: s.paperId!, at: s.at })));
    const next = reqs.filter((r) => r.w.next.length).map((r) => ({ deliveryId: r.deliveryId, positions: r.w.next }));
    const finishedBy = new Map<string, number[]>();
    for (const r of reqs) if (r.w.finish) finishedBy.set(r.owner, [...(finishedBy.get(r.owner) ?? []), r.deliveryId]);
    // One sentAt per batch (its latest message): the items' own times differ by the pacing only.
    const at = new Date(Math.max(0, ...reqs.flatMap((r) => [...r.w.sent.map((s) => s.at.getTime()), r.w.finish?.getTime() ?? 0])));
    const statements = [
      ...(sent.length ? [this.db.$executeRaw(markSent(sent, at))] : []),
      ...(posted.length ? [this.db.$executeRaw(insertPosted(posted))] : []),
      ...reqs.filter((r) => r.w.unsent.length).map(({ deliveryId, owner, w }) => this.db.deliveryItem.updateMany({
        where: { deliveryId, position: { in: w.unsent }, status: "sending", delivery: { claimedBy: owner, status: "claimed" } }, data: { status: "pending" } })),
      ...(next.length ? [this.db.$executeRaw(markWindowsSending(next))] : []),
      ...[...finishedBy].map(([owner, ids]) => this.db.$executeRaw(finishDeliveries(owner, ids, at))),
    ];
    if (statements.length === 1) await statements[0];
    else if (statements.length > 1) await this.db.$transaction(statements);
    return reqs.map(() => undefined);
  }

  async finish(id: number, owner: string, status: "done" | "failed", at: Date, error?: string): Promise<void> {
    await this.db.delivery.updateMany({ where: { id, claimedBy: owner }, data: { status, finishedAt: at, error: error?.slice(0, 500) ?? null } });
  }

  async release(id: number, owner: string, error?: string): Promise<void> {
    await this.db.delivery.updateMany({ where: { id, claimedBy: owner, status: "claimed" }, data: { leaseUntil: RELEASED, error: error?.slice(0, 500) ?? null } });
  }

  async skipDay(channel: ChannelRef, localDate: string, owner: string, at: Date): Promise<void> {
    try {
      await this.db.delivery.create({ data: { ...day(channel, localDate), status: "skipped", claimedBy: owner, leaseUntil: at, finishedAt: at } });
    } catch (error) { if (!isUniqueViolation(error)) throw error; }
  }

  async unskipDay(channel: ChannelRef, localDate: string): Promise<void> {
    await this.db.delivery.deleteMany({ where: { ...day(channel, localDate), status: "skipped" } });
  }

  async forgetFailedDay(channel: ChannelRef, localDate: string): Promise<void> {
    await this.db.delivery.deleteMany({ where: { ...day(channel, localDate), status: "failed", items: { none: { status: "sent" } } } });
  }

  async existing(channel: ChannelRef, localDates: string[]): Promise<Set<string>> {
    const rows = await this.db.delivery.findMany({ where: { platform: channel.platform, workspaceId: channel.workspaceId, channelId: channel.channelId, localDate: { in: localDates } } });
    return new Set(rows.map((r) => r.localDate));
  }

  async settled(localDates: string[]): Promise<Set<string>> {
    const rows = await this.db.delivery.findMany({ where: { localDate: { in: localDates }, status: { in: ["done", "failed", "skipped"] } } });
    return new Set(rows.map(dayKey));
  }
}
