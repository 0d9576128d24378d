// One channel's daily digest: plan it (plan.ts), then deliver it through the ledger (core/delivery),
// which sends a header and the papers exactly once. What is digest-specific lives here: what each item
// says, and that a channel which no longer takes messages gets its subscription paused.
import { pauseAndTell } from "./paused.ts";
import type { ChannelRef } from "../channel.ts";
import type { Logger } from "../../log.ts";
import type { Reply } from "../messages/reply.ts";
import type { SubscriptionStore } from "../stores/subscriptions.ts";
import { EVERYONE, type LastListStore, type ListViewer } from "../stores/last-lists.ts";
import type { LedgerItem, PlannedItem } from "../stores/deliveries.ts";
import type { ChatTransport } from "../transport.ts";
import { deliver } from "../delivery/deliver.ts";
import type { Claim, DeliveryLedger } from "../delivery/ledger.ts";
import type { RenderItem, RunControl } from "../delivery/run.ts";
import { planDigest, type DigestPlan, type DigestSubscription, type PlanDeps } from "./plan.ts";
import { headerReply, nothingNewReply, paperReply, type HeaderFacts } from "./messages.ts";
import type { DueCheck } from "./schedule.ts";

export interface FanoutDeps extends PlanDeps { subscriptions: SubscriptionStore; lastLists: LastListStore; log: Logger }

export interface ChannelOutcome {
  channel: ChannelRef; localDate: string; outcome: "posted" | "skipped" | "failed";
  /** Messages this run posted (a resumed delivery counts only its own). */
  posted: number; resumed?: boolean; late?: boolean; reason?: string;
}

/** The digest's words for each item; the header's facts come from the claim (a resumed digest keeps its
 * first claim's time and plan). */
function digestRenderer(deps: FanoutDeps, due: DueCheck, sub: DigestSubscription, plan: DigestPlan) {
  return (claim: Claim, items: LedgerItem[]): RenderItem => {
    const facts: HeaderFacts = { localDate: due.localDate, timeZone: sub.timeZone, localTime: sub.localTime, topic: sub.topic,
      count: items.filter((i) => i.kind === "paper").length, late: claim.late, claimedAt: claim.createdAt,
      listDate: plan.snapshotDate, leftOut: plan.leftOut, platform: sub.platform,
      ...(sub.ranking ? { ranking: sub.ranking } : {}) };
    return async (item): Promise<Reply | null> => {
      if (item.kind === "header") return headerReply(facts);
      if (item.kind === "notice") return nothingNewReply(facts);
      const paper = item.paperId ? await deps.catalog.find(item.paperId) : null;
      return paper ? paperReply(paper, item.position) : null;
    };
  };
}

/**
 * A digest numbers its papers 1…n (position 0 is the header): `/papers bookmark 2` where it was read means
 * its second paper — for everyone in a channel (`viewer` EVERYONE there), for the person in their DMs (their
 * personal target) — until they see a list of their own.
 */
export async function rememberNumbers(deps: Pick<FanoutDeps, "lastLists" | "log">, viewer: ListViewer, planned: PlannedItem[]): Promise<void> {
  const ids = planned.flatMap((item) => (item.kind === "paper" && item.paperId ? [item.paperId] : []));
  if (ids.length === 0) return;
  await deps.lastLists.remember(viewer, { ids, list: "" })
    .catch((err: unknown) => deps.log.warn({ viewer, err }, "could not remember the digest's numbers"));
}

export async function deliverChannel(deps: FanoutDeps, ledger: DeliveryLedger, transport: ChatTransport, channel: ChannelRef,
  sub: DigestSubscription, due: DueCheck, control: RunControl): Promise<ChannelOutcome> {
  // Planned before claiming, so the claim and its plan are one write; a lost claim only cost two reads.
  const plan = await planDigest(deps, channel, sub, due.localDate);
  const planned = plan.items;
  const { failure, unavailable, refused, ...result } = await deliver(ledger, transport, {
    channel, localDate: due.localDate, late: due.late, planned, renderer: digestRenderer(deps, due, sub, plan),
    onUnavailable: (reason) => pauseAndTell(deps, transport, channel, sub.createdBy, reason),
  }, control);
  if (result.outcome === "posted" && !result.resumed) await rememberNumbers(deps, { ...channel, userId: EVERYONE }, planned);
  if (refused) deps.log.error({ channel, refused }, "the platform refused digest messages; the digest went on without them");
  if (unavailable) deps.log.warn({ channel, reason: unavailable }, "digest channel unavailable; subscription paused");
  if (failure?.transient) deps.log.warn({ channel, err: failure.error }, "digest gave up for this tick; the next tick resumes it");
  else if (failure) deps.log.error({ channel, err: failure.error }, "digest delivery failed; the next tick resumes it");
  return { channel, localDate: due.localDate, ...result };
}
