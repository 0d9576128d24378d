// When a subscription's digest is due. "Today" is the subscriber's local date; the digest fires at the
// first instant of that date whose wall-clock time is at or after HH:MM. So a time skipped by a
// spring-forward change fires at the first minute after the gap, and a time repeated by a fall-back
// change fires once (its first occurrence; the ledger keys on the local date, so a second is impossible).

import { localDateTime } from "../time.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** After this long past the scheduled time the header says the digest is late. */
export const LATE_AFTER_MS = 5 * MINUTE;

export interface Schedule { localTime: string; timeZone: string }

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isLocalTime(value: string): boolean {
  return HHMM.test(value);
}

function wall(instant: number, zone: string): string {
  return localDateTime(new Date(instant), zone);
}

/** Minutes east of UTC in the zone at that instant (what the wall clock shows minus UTC). */
function offsetMs(instant: number, zone: string): number {
  const [date, time] = wall(instant, zone).split(" ") as [string, string];
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return Date.UTC(y, m - 1, d, hh, mm) - Math.floor(instant / MINUTE) * MINUTE;
}

/** The instant the digest of `date` (YYYY-MM-DD in the zone) fires, or null if that day has no such minute. */
export function fireTime(date: string, schedule: Schedule): Date | null {
  const { localTime: time, timeZone: zone } = schedule;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  const target = `${date} ${time}`;
  // The offsets in force around that day: before and after any change on it.
  const offsets = [...new Set([offsetMs(asUtc - DAY, zone), offsetMs(asUtc, zone), offsetMs(asUtc + DAY, zone)])];
  const exact = offsets.map((o) => asUtc - o).filter((t) => wall(t, zone) === target).sort((a, b) => a - b);
  if (exact.length > 0) return new Date(exact[0]!);
  // In a gap: the first minute whose wall time is at or past the target, between the two candidates.
  let lo = Math.min(...offsets.map((o) => asUtc - o)), hi = Math.max(...offsets.map((o) => asUtc - o));
  if (wall(hi, zone) < target) return null;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (wall(mid, zone) >= target) hi = mid; else lo = mid;
  }
  return wall(hi, zone).startsWith(date) ? new Date(hi) : null;
}

export interface DueCheck { due: boolean; localDate: string; fireAt: Date | null; late: boolean }

/** Is the digest due at instant `now`: its fire time on the subscriber's current local date has come. */
export function dueAt(schedule: Schedule, now: Date): DueCheck {
  const date = wall(now.getTime(), schedule.timeZone).slice(0, 10);
  const fireAt = fireTime(date, schedule);
  const due = fireAt !== null && fireAt.getTime() <= now.getTime();
  return { due, localDate: date, fireAt, late: due && now.getTime() - fireAt!.getTime() >= LATE_AFTER_MS };
}

// How long after its time a daily digest no tick sent may still go out once its local date is over: a 23:58
// digest and the bot down from 23:57 to 00:01 lost the day's digest, where one fourteen hours late on the same
// day went out (late). Twelve hours reaches the next morning from any evening time.
export const CARRY_OVER_MS = 12 * 60 * MINUTE;

/**
 * The digest of the local date before `now`'s, due (late) when its fire time passed within CARRY_OVER_MS and
 * the subscription stood as it is then (`since`: when it was made or last changed); null otherwise. Whether it
 * went out is the ledger's to say, as for today's.
 */
export function carriedOver(schedule: Schedule, now: Date, since: Date): DueCheck | null {
  const yesterday = addDays(wall(now.getTime(), schedule.timeZone).slice(0, 10), -1);
  const fireAt = fireTime(yesterday, schedule);
  if (!fireAt || fireAt.getTime() < since.getTime() || now.getTime() - fireAt.getTime() > CARRY_OVER_MS) return null;
  return { due: true, localDate: yesterday, fireAt, late: true };
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The dates, from `now`'s local date on, whose digest could still be ahead: what nextRun may look at. A
 * zone moved west can find the next local date or two already in the ledger (written under the old zone). */
export function upcomingDates(schedule: Schedule, now: Date): string[] {
  const today = wall(now.getTime(), schedule.timeZone).slice(0, 10);
  return [0, 1, 2, 3].map((i) => addDays(today, i));
}

/**
 * The next digest after `now`: the first date whose fire time is ahead and which has no row in the ledger
 * (`delivered`). The ledger keys on (channel, local date), so a date that already went out, even under the
 * zone the digest had before, gets none. `wentOut`: the dates passed over for that reason, earliest first
 * (why the next is later than its time alone says).
 */
export function nextRun(schedule: Schedule, now: Date, delivered: (localDate: string) => boolean): { at: Date; localDate: string; today: boolean; wentOut: string[] } {
  const today = wall(now.getTime(), schedule.timeZone).slice(0, 10);
  const wentOut: string[] = [];
  for (let i = 0; i < 7; i++) {
    const date = addDays(today, i);
    const at = fireTime(date, schedule);
    if (!at || at.getTime() <= now.getTime()) continue;
    if (delivered(date)) { wentOut.push(date); continue; }
    return { at, localDate: date, today: i === 0, wentOut };
  }
  throw new Error(`no fire time within a week for ${schedule.localTime} ${schedule.timeZone}`);
}

/** "in 13 h", "in 25 min" for the subscribe answer. */
export function describeWait(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / MINUTE));
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.floor(minutes / 60), rest = minutes % 60;
  // A weekly digest's next one can be days away: "in 7 days 13 h", not "in 181 h".
  if (hours >= 48) { const h = Math.round(minutes / 60); return `in ${Math.floor(h / 24)} days${h % 24 ? ` ${h % 24} h` : ""}`; }
  return rest === 0 || hours >= 10 ? `in ${Math.round(minutes / 60)} h` : `in ${hours} h ${rest} min`;
}

export { addDays };
