// One channel's digest: plan it, claim the day in the ledger together with the plan, then post header and
// papers one message at a time. The ledger is written per WINDOW of messages, not per message: the window
// is marked "sending" before its first post and "sent" (with its PostedMessage rows) in one transaction
// after its last, so a digest of N messages costs about 1 + N/WINDOW commits instead of 2N + 3. A crash
// inside a window leaves its items "sending", and a resumed delivery asks the platform whether each of
// those already arrived (by its idempotency key) before posting it again — exactly once either way.
import type { ChannelRef } from "../channel.ts";
import type { Logger } from "../../log.ts";
import type { SubscriptionStore } from "../store/subscriptions.ts";
import { ChannelUnavailableError, TransientPostError, type ChatTransport } from "../transport.ts";
import type { Reply } from "../messages/reply.ts";
import { LEASE_MS, idempotencyKey, type DeliveryLedger, type LedgerItem, type SentItem } from "./ledger.ts";
import { planDigest, type DigestSubscription, type PlanDeps } from "./plan.ts";
import { headerReply, nothingNewReply, paperReply, type HeaderFacts } from "./messages.ts";
import { withRetries, type RetryPolicy } from "./retry.ts";
import type { DueCheck } from "./schedule.ts";

export interface FanoutDeps extends PlanDeps { subscriptions: SubscriptionStore; log: Logger }

export interface ChannelOutcome {
  channel: ChannelRef; localDate: string; outcome: "posted" | "skipped" | "failed";
  /** Messages this run posted (a resumed delivery counts only its own). */
  posted: number; resumed?: boolean; late?: boolean; reason?: string;
}

export interface FanoutControl { retry: RetryPolicy; clock: () => Date; stopping: () => boolean }

/**
 * Messages per ledger write. Larger saves commits; smaller bounds the findPosted look-ups after a crash
 * (at most WINDOW per channel) and how long a posted message waits for its PostedMessage row.
 */
export const WINDOW = 5;

const PACING_MARGIN_MS = 5;

// A message posted just before a crash is younger than its delivery row; look a little further back.
const FIND_POSTED_SLACK_MS = 10 * 60_000;

async function replyFor(deps: FanoutDeps, item: LedgerItem, facts: HeaderFacts): Promise<Reply | null> {
  if (item.kind === "header") return headerReply(facts);
  if (item.kind === "notice") return nothingNewReply(facts);
  const paper = item.paperId ? await deps.catalog.find(item.paperId) : null;
  return paper ? paperReply(paper, item.position) : null;
}

export async function deliverChannel(deps: FanoutDeps, ledger: DeliveryLedger, transport: ChatTransport, channel: ChannelRef,
  sub: DigestSubscription, due: DueCheck, control: FanoutControl): Promise<ChannelOutcome> {
  const base = { channel, localDate: due.localDate };
  // Planned before claiming, so the claim and its plan are one write; a lost claim only cost two reads.
  const planned = (await planDigest(deps, channel, sub, due.localDate)).items;
  const claim = await ledger.claim(channel, due.localDate, control.clock(), due.late, planned, WINDOW);
  if (!claim) return { ...base, outcome: "skipped", posted: 0, reason: "already delivered or in progress elsewhere" };
  const { deliveryId } = claim;
  // Positions this run marked "sending" itself: not yet attempted by anyone, so no findPosted for them.
  const marked = new Set<number>();
  let items: LedgerItem[];
  if (claim.resumed) {
    items = await ledger.items(deliveryId);
    if (items.length === 0) items = await ledger.plan(deliveryId, planned); // a row claimed before plans were part of the claim
  } else {
    items = planned.map((p, position) => ({ ...p, position, status: position < WINDOW ? "sending" : "pending", messageId: null }));
    for (const i of items) if (i.status === "sending") marked.add(i.position);
  }
  const attempted = new Set<number>();
  let sent: SentItem[] = [];
  let posted = 0;
  let renewAfter = claim.claimedAt.getTime() + LEASE_MS / 2;
  // Writes what this run learned before it gives the row up: sent items become "sent"; items it marked
  // but never attempted go back to "pending"; the one that failed mid-post stays "sending".
  const settleEarly = () => ledger.settle(deliveryId, channel, { sent, next: [],
    unsent: [...marked].filter((p) => !attempted.has(p) && !sent.some((s) => s.position === p)) });
  try {
    const facts: HeaderFacts = { localDate: due.localDate, timeZone: sub.timeZone, localTime: sub.localTime, topic: sub.topic,
      count: items.filter((i) => i.kind === "paper").length, late: claim.late, claimedAt: claim.createdAt };
    const since = new Date(claim.createdAt.getTime() - FIND_POSTED_SLACK_MS);
    const findPosted = transport.findPosted?.bind(transport);
    const find = (key: string) => findPosted ? findPosted(channel, key, since) : Promise.resolve(null);
    const todo = items.filter((i) => i.status !== "sent");
    // The platform's gap between two messages to one channel, counted from the previous answer (which came
    // after Slack counted that message), so the next one is never early; plus a few ms, since timers
    // round to whole milliseconds and the platform's clock is not ours.
    let lastPostedAt = -Infinity;
    const pace = async () => {
      const wait = lastPostedAt + (transport.minIntervalMs ?? 0) - control.clock().getTime();
      if (wait > 0) await control.retry.sleep(Math.ceil(wait) + PACING_MARGIN_MS);
    };
    const markable = (w: LedgerItem[]) => w.filter((i) => i.status === "pending" && !marked.has(i.position)).map((i) => i.position);

    for (let start = 0; start < todo.length; start += WINDOW) {
      const window = todo.slice(start, start + WINDOW);
      const toMark = markable(window); // only on a resumed delivery: a fresh one's windows are marked by the previous write
      if (toMark.length) { await ledger.markSending(deliveryId, toMark); toMark.forEach((p) => marked.add(p)); }
      for (const item of window) {
        if (control.stopping()) {
          await settleEarly();
          await ledger.release(deliveryId, control.clock(), "stopped for shutdown");
          return { ...base, outcome: "skipped", posted, resumed: claim.resumed, reason: "shutting down; the rest goes out on the next tick" };
        }
        // Renew once half the lease is gone (a write per message would halve SQLite's throughput).
        if (control.clock().getTime() > renewAfter) {
          if (!await ledger.renew(deliveryId, control.clock())) {
            // What this run posted is still true: record it for the new claimer (which would find it anyway).
            await ledger.settle(deliveryId, channel, { sent, unsent: [], next: [] });
            return { ...base, outcome: "skipped", posted, resumed: claim.resumed, reason: "taken over by another process" };
          }
          renewAfter = control.clock().getTime() + LEASE_MS / 2;
        }
        attempted.add(item.position);
        const key = idempotencyKey(deliveryId, item.position);
        // Left in "sending" by a claimer that died between posting and marking: did it arrive?
        let result = item.status === "sending" && !marked.has(item.position) ? await find(key) : null;
        if (!result) {
          const reply = await replyFor(deps, item, facts);
          if (!reply) { sent.push({ position: item.position, messageId: "paper-missing", at: control.clock(), paperId: null }); continue; }
          await pace();
          result = await withRetries(control.retry, () => transport.post(channel, reply, { idempotencyKey: key }),
            findPosted ? () => find(key) : undefined, control.stopping);
          lastPostedAt = control.clock().getTime();
          posted++;
        }
        sent.push({ position: item.position, messageId: result.messageId, at: control.clock(), paperId: item.kind === "paper" ? item.paperId : null });
      }
      const next = markable(todo.slice(start + WINDOW, start + 2 * WINDOW));
      const last = start + WINDOW >= todo.length;
      await ledger.settle(deliveryId, channel, { sent, unsent: [], next, ...(last ? { finish: control.clock() } : {}) });
      next.forEach((p) => marked.add(p));
      sent = [];
    }
    if (todo.length === 0) await ledger.finish(deliveryId, "done", control.clock());
    return { ...base, outcome: "posted", posted, resumed: claim.resumed, late: claim.late };
  } catch (error) {
    await settleEarly();
    if (error instanceof ChannelUnavailableError) {
      await deps.subscriptions.pause(channel, error.reason);
      await ledger.finish(deliveryId, "failed", control.clock(), error.reason);
      deps.log.warn({ channel, reason: error.reason }, "digest channel unavailable; subscription paused");
      return { ...base, outcome: "failed", posted, reason: `paused: ${error.reason}` };
    }
    const transient = error instanceof TransientPostError;
    await ledger.release(deliveryId, control.clock(), (error as Error)?.message ?? String(error));
    if (transient) deps.log.warn({ channel, err: error }, "digest gave up for this tick; the next tick resumes it");
    else deps.log.error({ channel, err: error }, "digest delivery failed; the next tick resumes it");
    return { ...base, outcome: "failed", posted, resumed: claim.resumed,
      reason: transient ? `platform busy (${(error as Error).message}); retrying next tick` : "unexpected error; retrying next tick" };
  }
}
