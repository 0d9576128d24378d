// When a digest comes next, counting its ledger: a date or ISO week already there (even one written under the
// zone the digest had before) gets no second digest, so subscribe and subscriptions name the one after it.
import type { ChannelRef } from "../channel.ts";
import type { DeliveryStore } from "../stores/deliveries.ts";
import { localDate } from "../time.ts";
import { nextRun, upcomingDates, type Schedule } from "./schedule.ts";
import { isoWeek, nextWeekly, upcomingWeeks } from "./weekly.ts";

/** The next digest of `target` on `schedule`, counting what its ledger already has (daily or weekly). */
export async function nextDigest(deliveries: DeliveryStore, target: ChannelRef, schedule: Schedule, weekday: number | null, now: Date) {
  const today = localDate(now, schedule.timeZone);
  if (weekday !== null) {
    const weeks = await deliveries.existing(target, upcomingWeeks(weekday, today).map(isoWeek));
    return nextWeekly(schedule, weekday, today, now, (week) => weeks.has(week));
  }
  const dates = await deliveries.existing(target, upcomingDates(schedule, now));
  return nextRun(schedule, now, (date) => dates.has(date));
}
