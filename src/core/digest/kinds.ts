// The kinds of digest a subscription can be, routed in one place for the tick: a channel's daily digest
// (fanout.ts), a channel's weekly digest (weekly.ts) and a person's own daily DM (personal.ts). All three
// go through the same deliver() and ledger; they differ in when they are due, the period key the ledger
// keys on, and what they plan and say.
import { pauseAndTell } from "./paused.ts";
import type { ChannelRef } from "../channel.ts";
import type { Subscription } from "../stores/subscriptions.ts";
import type { ChatTransport } from "../transport.ts";
import { deliver } from "../delivery/deliver.ts";
import type { DeliveryLedger } from "../delivery/ledger.ts";
import type { RunControl } from "../delivery/run.ts";
import { targetUser } from "../person-target.ts";
import { EVERYONE } from "../stores/last-lists.ts";
import { deliverChannel, rememberNumbers, type ChannelOutcome, type FanoutDeps } from "./fanout.ts";
import { planPersonal, personalRenderer } from "./personal.ts";
import { carriedOver, dueAt, type DueCheck } from "./schedule.ts";
import { planWeekly, weeklyCarriedOver, weeklyDueAt, weeklyRenderer } from "./weekly.ts";

/** `localDate` is the ledger's period key: the local date, or the ISO week of a weekly digest. */
export type KindDue = DueCheck & { runDate: string };

export function dueFor(sub: Subscription, now: Date): KindDue {
  if (sub.cadence === "weekly") {
    // This week's once its day and time have come; before that, last week's if no tick sent it (late Sunday).
    const schedule = { localTime: sub.localTime, timeZone: sub.timeZone, weekday: sub.weekday ?? 1 };
    const week = weeklyDueAt(schedule, now);
    return week.due ? week : weeklyCarriedOver(schedule, now, sub.updatedAt) ?? week;
  }
  // Today's digest once its time has come; before that, yesterday's if no tick sent it (the ledger says).
  const today = dueAt(sub, now);
  const check = today.due ? today : carriedOver(sub, now, sub.updatedAt) ?? today;
  return { ...check, runDate: check.localDate };
}

export async function deliverSubscription(deps: FanoutDeps, ledger: DeliveryLedger, transport: ChatTransport, channel: ChannelRef,
  sub: Subscription, due: KindDue, control: RunControl): Promise<ChannelOutcome> {
  const user = targetUser(channel);
  if (!user && sub.cadence !== "weekly") return deliverChannel(deps, ledger, transport, channel, sub, due, control);
  const personal = user ? await planPersonal(deps, channel, sub, due.runDate) : null;
  const [planned, renderer] = user && personal
    ? [personal.items, personalRenderer(deps, user, sub, due.runDate, personal.snapshotDate)] as const
    : [await planWeekly(deps, sub, due.runDate), weeklyRenderer(deps, sub, due.localDate, due.runDate)] as const;
  const { failure, unavailable, refused, ...result } = await deliver(ledger, transport, {
    channel, localDate: due.localDate, late: due.late, planned, renderer,
    onUnavailable: (reason) => pauseAndTell(deps, transport, channel, sub.createdBy, reason),
  }, control);
  if (result.outcome === "posted" && !result.resumed) await rememberNumbers(deps, { ...channel, userId: user?.userId ?? EVERYONE }, planned);
  const what = user ? "personal digest" : "weekly digest";
  if (refused) deps.log.error({ channel, refused }, `the platform refused ${what} messages; the digest went on without them`);
  if (unavailable) deps.log.warn({ channel, reason: unavailable }, `${what} target unavailable; subscription paused`);
  if (failure) deps.log.warn({ channel, err: failure.error }, `${what} gave up for this tick; the next tick resumes it`);
  return { channel, localDate: due.localDate, ...result };
}
