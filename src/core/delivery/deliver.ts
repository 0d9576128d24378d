// One delivery from plan to finish, for any kind of delivery (the daily digest today): claim the
// (channel, day) with its plan, send what is left (run.ts), and leave the row in a state the next tick
// can act on whatever happens: finished, failed for good (the channel is gone), or released to be
// resumed (a platform that keeps failing, a shutdown, a crash of this process).
import type { ChannelRef } from "../channel.ts";
import type { LedgerItem, PlannedItem } from "../stores/deliveries.ts";
import { ChannelUnavailableError, TransientPostError, type ChatTransport } from "../transport.ts";
import type { Claim, DeliveryLedger } from "./ledger.ts";
import { DeliveryRun, WINDOW, type RenderItem, type RunControl } from "./run.ts";

export interface DeliveryRequest {
  channel: ChannelRef;
  localDate: string;
  late: boolean;
  /** Used only when this process claims the day fresh; a resumed delivery keeps its first plan. */
  planned: PlannedItem[];
  /** What each item says, given the delivery as claimed (a resumed one has its own items and first claim). */
  renderer(claim: Claim, items: LedgerItem[]): RenderItem;
  /** The channel will not take messages (deleted, bot removed): called before the row is failed for good. */
  onUnavailable(reason: string): Promise<void>;
}

export interface DeliveryResult {
  outcome: "posted" | "skipped" | "failed";
  /** Messages this run posted (a resumed delivery counts only its own). */
  posted: number;
  resumed?: boolean;
  late?: boolean;
  reason?: string;
  /** Why it failed, for the caller's log; the row was released and the next tick resumes it. */
  failure?: { error: unknown; transient: boolean };
  /** Set when the channel was unavailable (onUnavailable ran; the row is failed). */
  unavailable?: string;
  /** Messages the platform refused for good and this run passed over, for the caller's log. */
  refused?: { position: number; reason: string }[];
}

export async function deliver(ledger: DeliveryLedger, transport: ChatTransport, request: DeliveryRequest, control: RunControl): Promise<DeliveryResult> {
  const { channel, localDate, planned } = request;
  // The claim carries the plan (one write); its first window starts "sending".
  const claim = await ledger.claim(channel, localDate, control.clock(), request.late, planned, WINDOW);
  if (!claim) return { outcome: "skipped", posted: 0, reason: "already delivered or in progress elsewhere" };
  const { items, marked } = await itemsToSend(ledger, claim, planned);
  const run = new DeliveryRun(ledger, transport, channel, claim, marked, control);
  const result = await sendAll(ledger, run, claim, items, request, control);
  return run.refused.length ? { ...result, refused: run.refused } : result;
}

async function sendAll(ledger: DeliveryLedger, run: DeliveryRun, claim: Claim, items: LedgerItem[], request: DeliveryRequest,
  control: RunControl): Promise<DeliveryResult> {
  try {
    const interrupted = await run.send(items, request.renderer(claim, items));
    if (interrupted?.reason === "shutting down") {
      return { outcome: "skipped", posted: interrupted.posted, resumed: claim.resumed, reason: "shutting down; the rest goes out on the next tick" };
    }
    if (interrupted) return { outcome: "skipped", posted: interrupted.posted, resumed: claim.resumed, reason: "taken over by another process" };
    return { outcome: "posted", posted: run.posted, resumed: claim.resumed, late: claim.late };
  } catch (error) {
    await run.settleEarly();
    if (error instanceof ChannelUnavailableError) {
      await request.onUnavailable(error.reason);
      await ledger.finish(claim.deliveryId, "failed", control.clock(), error.reason);
      return { outcome: "failed", posted: run.posted, reason: `paused: ${error.reason}`, unavailable: error.reason };
    }
    const transient = error instanceof TransientPostError;
    await ledger.release(claim.deliveryId, (error as Error)?.message ?? String(error));
    // A wait for the platform cut short by the shutdown: handed on like any shutdown, not a failure.
    if (transient && control.stopping()) {
      return { outcome: "skipped", posted: run.posted, resumed: claim.resumed, reason: "shutting down; the rest goes out on the next tick" };
    }
    return { outcome: "failed", posted: run.posted, resumed: claim.resumed, failure: { error, transient },
      reason: transient ? `platform busy (${(error as Error).message}); retrying next tick` : "unexpected error; retrying next tick" };
  }
}

/**
 * A fresh claim sends its plan, the first window already marked "sending" by this process (`marked`: no
 * findPosted needed for those). A resumed one reads the items its previous claimer left, or plans them
 * now if that claimer died between writing the row and writing its plan.
 */
async function itemsToSend(ledger: DeliveryLedger, claim: Claim, planned: PlannedItem[]): Promise<{ items: LedgerItem[]; marked: Set<number> }> {
  if (claim.resumed) {
    const items = await ledger.items(claim.deliveryId);
    return { items: items.length ? items : await ledger.plan(claim.deliveryId, planned), marked: new Set() };
  }
  const items = planned.map((p, position): LedgerItem => ({ ...p, position, status: position < WINDOW ? "sending" : "pending", messageId: null }));
  return { items, marked: new Set(items.filter((i) => i.status === "sending").map((i) => i.position)) };
}
