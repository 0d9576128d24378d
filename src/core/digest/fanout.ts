// One channel's digest: claim the day in the ledger, plan it once, then post header and papers one message
// at a time, marking each item sending → sent. A resumed delivery asks the platform whether an item left
// in "sending" already arrived (by its idempotency key) before posting it again.
import type { ChannelRef } from "../channel.ts";
import type { Logger } from "../../log.ts";
import type { Catalog } from "../catalog.ts";
import type { PaperStore } from "../store/papers.ts";
import type { PostedMessageStore } from "../store/posted-messages.ts";
import type { SubscriptionStore } from "../store/subscriptions.ts";
import { ChannelUnavailableError, TransientPostError, type ChatTransport } from "../transport.ts";
import type { Reply } from "../../commands/reply.ts";
import { LEASE_MS, idempotencyKey, type DeliveryLedger, type LedgerItem } from "./ledger.ts";
import { loadPaper, planDigest, type DigestSubscription } from "./plan.ts";
import { headerReply, nothingNewReply, paperReply, type HeaderFacts } from "./messages.ts";
import { withRetries, type RetryPolicy } from "./retry.ts";
import type { DueCheck } from "./schedule.ts";

export interface FanoutDeps { papers: PaperStore; catalog: Catalog; posted: PostedMessageStore; subscriptions: SubscriptionStore; log: Logger }

export interface ChannelOutcome {
  channel: ChannelRef; localDate: string; outcome: "posted" | "skipped" | "failed";
  /** Messages this run posted (a resumed delivery counts only its own). */
  posted: number; resumed?: boolean; late?: boolean; reason?: string;
}

export interface FanoutControl { retry: RetryPolicy; clock: () => Date; stopping: () => boolean }

// A message posted just before a crash is younger than its delivery row; look a little further back.
const FIND_POSTED_SLACK_MS = 10 * 60_000;

async function replyFor(deps: FanoutDeps, item: LedgerItem, facts: HeaderFacts): Promise<Reply | null> {
  if (item.kind === "header") return headerReply(facts);
  if (item.kind === "notice") return nothingNewReply(facts);
  const paper = item.paperId ? await loadPaper(deps, item.paperId) : null;
  return paper ? paperReply(paper, item.position) : null;
}

export async function deliverChannel(deps: FanoutDeps, ledger: DeliveryLedger, transport: ChatTransport, channel: ChannelRef,
  sub: DigestSubscription, due: DueCheck, control: FanoutControl): Promise<ChannelOutcome> {
  const base = { channel, localDate: due.localDate };
  const claim = await ledger.claim(channel, due.localDate, control.clock(), due.late);
  if (!claim) return { ...base, outcome: "skipped", posted: 0, reason: "already delivered or in progress elsewhere" };
  const { deliveryId } = claim;
  let posted = 0;
  let renewAfter = claim.claimedAt.getTime() + LEASE_MS / 2;
  try {
    let items = await ledger.items(deliveryId);
    if (items.length === 0) items = await ledger.plan(deliveryId, (await planDigest(deps, channel, sub, due.localDate, control.clock())).items);
    const facts: HeaderFacts = { localDate: due.localDate, timeZone: sub.timeZone, localTime: sub.localTime, topic: sub.topic,
      count: items.filter((i) => i.kind === "paper").length, late: claim.late, claimedAt: claim.createdAt };
    const since = new Date(claim.createdAt.getTime() - FIND_POSTED_SLACK_MS);
    const findPosted = transport.findPosted?.bind(transport);
    const find = (key: string) => findPosted ? findPosted(channel, key, since) : Promise.resolve(null);

    for (const item of items) {
      if (item.status === "sent") continue;
      if (control.stopping()) {
        await ledger.release(deliveryId, control.clock(), "stopped for shutdown");
        return { ...base, outcome: "skipped", posted, resumed: claim.resumed, reason: "shutting down; the rest goes out on the next tick" };
      }
      // Renew once half the lease is gone (a write per message would halve SQLite's throughput).
      if (control.clock().getTime() > renewAfter && !await ledger.renew(deliveryId, control.clock())) {
        return { ...base, outcome: "skipped", posted, resumed: claim.resumed, reason: "taken over by another process" };
      }
      if (control.clock().getTime() > renewAfter) renewAfter = control.clock().getTime() + LEASE_MS / 2;
      const key = idempotencyKey(deliveryId, item.position);
      // Left in "sending" by a claimer that died between posting and marking: did it arrive?
      let result = item.status === "sending" ? await find(key) : null;
      if (!result) {
        await ledger.markSending(deliveryId, item.position);
        const reply = await replyFor(deps, item, facts);
        if (!reply) { await ledger.markSent(deliveryId, item.position, "paper-missing", control.clock()); continue; }
        result = await withRetries(control.retry, () => transport.post(channel, reply, { idempotencyKey: key }),
          findPosted ? () => find(key) : undefined, control.stopping);
        posted++;
      }
      if (item.kind === "paper" && item.paperId) await deps.posted.record(channel, result.messageId, item.paperId, "digest", control.clock());
      await ledger.markSent(deliveryId, item.position, result.messageId, control.clock());
    }
    await ledger.finish(deliveryId, "done", control.clock());
    return { ...base, outcome: "posted", posted, resumed: claim.resumed, late: claim.late };
  } catch (error) {
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
