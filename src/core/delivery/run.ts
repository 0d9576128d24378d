// One claimed delivery, sent: every planned message of a (channel, day) goes out exactly once, across
// crashes, takeovers, rate limits and shutdowns. The ledger is written per WINDOW of messages, not per
// message: a window is marked "sending" before its first post and "sent" (with its PostedMessage rows)
// in one transaction after its last, so N messages cost about 1 + N/WINDOW commits instead of 2N + 3.
// A crash inside a window leaves its items "sending", and whoever resumes the delivery asks the platform
// whether each of those already arrived (by its idempotency key) before posting it again.
import type { ChannelRef } from "../channel.ts";
import type { Reply } from "../messages/reply.ts";
import type { RetryPolicy } from "../retry.ts";
import type { LedgerItem, SentItem } from "../stores/deliveries.ts";
import { MessageRefusedError, type ChatTransport } from "../transport.ts";
import { LEASE_MS, idempotencyKey, type Claim, type DeliveryLedger } from "./ledger.ts";
import { LeaseLostError, withRetries } from "./post.ts";

/**
 * Messages per ledger write. Larger saves commits; smaller bounds the findPosted look-ups after a crash
 * (at most WINDOW per channel) and how long a posted message waits for its PostedMessage row.
 */
export const WINDOW = 5;

const PACING_MARGIN_MS = 5;

// A message posted just before a crash is younger than its delivery row; look a little further back.
const FIND_POSTED_SLACK_MS = 10 * 60_000;
const DAY_MS = 86_400_000;

export interface RunControl {
  retry: RetryPolicy; clock: () => Date; stopping: () => boolean;
  /** Aborted when shutdown begins: ends a wait between retries (stopping() is read after it). */
  signal?: AbortSignal;
}

/** What one item says (null: nothing to post, e.g. a paper no longer in the catalog). */
export type RenderItem = (item: LedgerItem) => Promise<Reply | null>;

/** How a run ended early, for the caller to report; anything thrown while sending propagates instead. */
export type Interrupted = { posted: number; reason: "shutting down" | "taken over" };

/**
 * Sends what is left of a claimed delivery. `items` are the delivery's items as this process knows them;
 * `marked` the positions this process itself marked "sending" (not yet attempted by anyone, so no
 * findPosted for them). The caller settles early and releases or finishes the row when `send` throws.
 */
export class DeliveryRun {
  private readonly attempted = new Set<number>();
  private sent: SentItem[] = [];
  posted = 0;
  /** Messages the platform refused for good (MessageRefusedError), passed over. */
  readonly refused: { position: number; reason: string }[] = [];
  private renewAfter: number;
  private lastPostedAt = -Infinity;

  constructor(private readonly ledger: DeliveryLedger, private readonly transport: ChatTransport, private readonly channel: ChannelRef,
    private readonly claim: Claim, private readonly marked: Set<number>, private readonly control: RunControl) {
    this.renewAfter = claim.claimedAt.getTime() + LEASE_MS / 2;
  }

  /** Every item not yet sent, a window at a time; null when all went out and the delivery is finished. */
  async send(items: LedgerItem[], render: RenderItem): Promise<Interrupted | null> {
    const todo = items.filter((i) => i.status !== "sent");
    for (let start = 0; start < todo.length; start += WINDOW) {
      const window = todo.slice(start, start + WINDOW);
      // Only on a resumed delivery: a fresh one's windows were marked by the previous write.
      const toMark = this.markable(window);
      if (toMark.length) { await this.ledger.markSending(this.claim.deliveryId, toMark); toMark.forEach((p) => this.marked.add(p)); }
      for (const item of window) {
        const interrupted = await this.checkIn();
        if (interrupted) return interrupted;
        try { await this.sendItem(item, render); } catch (error) {
          if (error instanceof LeaseLostError) return this.takenOver();
          throw error;
        }
      }
      const next = this.markable(todo.slice(start + WINDOW, start + 2 * WINDOW));
      const last = start + WINDOW >= todo.length;
      await this.ledger.settle(this.claim.deliveryId, this.channel, { sent: this.sent, unsent: [], next, ...(last ? { finish: this.control.clock() } : {}) });
      next.forEach((p) => this.marked.add(p));
      this.sent = [];
    }
    if (todo.length === 0) await this.ledger.finish(this.claim.deliveryId, "done", this.control.clock());
    return null;
  }

  /**
   * Writes what this run learned before it gives the row up: sent items become "sent"; items it marked but
   * never attempted go back to "pending"; the one that failed mid-post stays "sending" for findPosted.
   */
  settleEarly(): Promise<void> {
    const unsent = [...this.marked].filter((p) => !this.attempted.has(p) && !this.sent.some((s) => s.position === p));
    return this.ledger.settle(this.claim.deliveryId, this.channel, { sent: this.sent, next: [], unsent });
  }

  /** Before each message: stop for shutdown, and keep the lease (renewed once half of it is gone; a write
   * per message would halve SQLite's throughput). */
  private async checkIn(): Promise<Interrupted | null> {
    if (this.control.stopping()) {
      await this.settleEarly();
      await this.ledger.release(this.claim.deliveryId, "stopped for shutdown");
      return { posted: this.posted, reason: "shutting down" };
    }
    if (this.control.clock().getTime() <= this.renewAfter) return null;
    return await this.renew() ? null : this.takenOver();
  }

  /** Extends the lease now; false when another process has taken the delivery over. */
  private async renew(): Promise<boolean> {
    if (!await this.ledger.renew(this.claim.deliveryId)) return false;
    this.renewAfter = this.control.clock().getTime() + LEASE_MS / 2;
    return true;
  }

  /** What this run posted is still true: recorded for the new claimer (which would find it anyway). */
  private async takenOver(): Promise<Interrupted> {
    await this.ledger.settle(this.claim.deliveryId, this.channel, { sent: this.sent, unsent: [], next: [] });
    return { posted: this.posted, reason: "taken over" };
  }

  /** One message: found already posted (left "sending" by a claimer that died between posting and
   * marking), or posted now, paced and retried. */
  private async sendItem(item: LedgerItem, render: RenderItem): Promise<void> {
    this.attempted.add(item.position);
    const key = idempotencyKey(this.claim.deliveryId, item.position);
    // A look-up is a platform call like a post: it gets the same retries (a 429 or a reset must not fail the resume).
    const keepLease = () => this.renew();
    let result = item.status === "sending" && !this.marked.has(item.position)
      ? await withRetries(this.control.retry, () => this.find(key), undefined, this.control.stopping, this.control.signal, keepLease) : null;
    if (!result) {
      const reply = await render(item);
      if (!reply) { this.sent.push({ position: item.position, messageId: "paper-missing", at: this.control.clock(), paperId: null }); return; }
      await this.pace();
      const findAfterFailure = this.transport.findPosted ? () => this.find(key) : undefined;
      try {
        result = await withRetries(this.control.retry, () => this.transport.post(this.channel, reply, { idempotencyKey: key }),
          findAfterFailure, this.control.stopping, this.control.signal, keepLease);
      } catch (error) {
        // Refused for what it is, it would be refused on every tick, and the messages after it never sent:
        // the delivery goes on without it (told to the caller, which logs it), as without a missing paper.
        if (!(error instanceof MessageRefusedError)) throw error;
        this.refused.push({ position: item.position, reason: error.message });
        this.sent.push({ position: item.position, messageId: `refused-${item.position}`, at: this.control.clock(), paperId: null });
        return;
      }
      this.lastPostedAt = this.control.clock().getTime();
      this.posted++;
    }
    this.sent.push({ position: item.position, messageId: result.messageId, at: this.control.clock(), paperId: item.kind === "paper" ? item.paperId : null });
  }

  private find(key: string): Promise<{ messageId: string } | null> {
    // The platform stamps messages by the wall clock. A tick run as of a later instant (papers digest run
    // --now) claimed by that instant, which is no bound for them: then the last day's messages are looked at.
    const claimed = this.claim.createdAt.getTime(), wall = Date.now();
    const since = new Date(claimed <= wall ? claimed - FIND_POSTED_SLACK_MS : wall - DAY_MS);
    return this.transport.findPosted ? this.transport.findPosted(this.channel, key, since) : Promise.resolve(null);
  }

  /**
   * The platform's gap between two messages to one channel, counted from the previous answer (which came
   * after the platform counted that message), so the next one is never early; plus a few ms, since timers
   * round to whole milliseconds and the platform's clock is not ours.
   */
  private async pace(): Promise<void> {
    const wait = this.lastPostedAt + (this.transport.minIntervalMs ?? 0) - this.control.clock().getTime();
    if (wait > 0) await this.control.retry.sleep(Math.ceil(wait) + PACING_MARGIN_MS);
  }

  private markable(window: LedgerItem[]): number[] {
    return window.filter((i) => i.status === "pending" && !this.marked.has(i.position)).map((i) => i.position);
  }
}
