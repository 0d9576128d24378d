// Weekly digests: once per ISO week per channel, on a weekday at a local time, the week's most-upvoted
// papers (or, with a topic, the topic's best of the week by upvotes). The ledger keys deliveries on
// (channel, period): a weekly period is the ISO week ("2026-W49"), which can never equal a daily
// period ("2026-12-02"), so a channel's daily and weekly digests are separate rows of the same ledger.
import type { Paper } from "../paper.ts";
import type { Reply } from "../messages/reply.ts";
import type { LedgerItem, PlannedItem } from "../stores/deliveries.ts";
import type { Claim } from "../delivery/ledger.ts";
import type { RenderItem } from "../delivery/run.ts";
import { localDate, localDateTime, localTime } from "../time.ts";
import { addDays, CARRY_OVER_MS, fireTime, LATE_AFTER_MS, type DueCheck } from "./schedule.ts";
import type { DigestSubscription, PlanDeps } from "./plan.ts";
import { dayName, lateNote, paperReply, saveHint } from "./messages.ts";
import { papersAbout } from "../relevance.ts";
import { quoted } from "../messages/typed.ts";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** "Monday" for ISO day 1: how an answer names a weekly digest's day (the typed "mon" is what options take). */
export function weekdayName(isoDay: number): string {
  return WEEKDAY_NAMES[isoDay - 1] ?? WEEKDAY_NAMES[0];
}

/** ISO day of week of a YYYY-MM-DD date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** "2026-W49": the ISO week (and ISO year) a date belongs to. */
export function isoWeek(date: string): string {
  const thursday = addDays(date, 4 - isoWeekday(date)); // the ISO year is the year of the week's Thursday
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

export interface WeeklySchedule { localTime: string; timeZone: string; weekday: number }

/** Due once this ISO week's weekday-at-time has come (a tick later in the same week catches up); the
 * check's `localDate` is the ISO week, the ledger's period key, and `runDate` the weekday's date. */
export function weeklyDueAt(schedule: WeeklySchedule, now: Date): DueCheck & { runDate: string } {
  const today = localDateTime(now, schedule.timeZone).slice(0, 10);
  const runDate = addDays(today, schedule.weekday - isoWeekday(today));
  const fireAt = runDate <= today ? fireTime(runDate, schedule) : null;
  const due = fireAt !== null && fireAt.getTime() <= now.getTime();
  return { due, localDate: isoWeek(today), runDate, fireAt, late: due && now.getTime() - fireAt!.getTime() >= LATE_AFTER_MS };
}

/**
 * Last ISO week's digest, due (late) when its fire time passed within CARRY_OVER_MS and the subscription
 * stood as it is then (`since`), as a daily digest's day carries over (schedule.ts carriedOver): a Sunday
 * 23:30 digest and the bot down from 23:25 to 00:05 lost the whole week's digest, since a catch-up later in
 * the week could only ever find the new week. Whether it went out is the ledger's to say.
 */
export function weeklyCarriedOver(schedule: WeeklySchedule, now: Date, since: Date): (DueCheck & { runDate: string }) | null {
  const today = localDateTime(now, schedule.timeZone).slice(0, 10);
  const runDate = addDays(today, schedule.weekday - isoWeekday(today) - 7);
  const fireAt = fireTime(runDate, schedule);
  if (!fireAt || fireAt.getTime() < since.getTime() || now.getTime() - fireAt.getTime() > CARRY_OVER_MS) return null;
  return { due: true, localDate: isoWeek(runDate), runDate, fireAt, late: true };
}

/** The week's papers (the trending lists of the 7 days up to `runDate`), by upvotes; with a topic, only its papers.
 * A day without its own list reads an older one (trending's fallback): only the week's own lists count, and
 * without any, the newest there is (which the header then names). */
export async function planWeekly(deps: PlanDeps, sub: DigestSubscription, runDate: string): Promise<PlannedItem[]> {
  const lists = (await Promise.all(Array.from({ length: 7 }, (_, i) => deps.trending(addDays(runDate, -i))))).filter((l) => l !== null);
  const weeks = lists.filter((l) => l.date >= addDays(runDate, -6));
  let ids = [...new Set((weeks.length > 0 ? weeks : lists.slice(0, 1)).flatMap((l) => l.ids))];
  if (sub.topic && ids.length > 0) {
    // Only the papers about the topic (past the relevance floor), then the best of those by upvotes.
    const about = new Set(papersAbout(deps.catalog.index, sub.topic, { among: ids, limit: ids.length }).map((h) => h.id));
    ids = ids.filter((id) => about.has(id));
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  const upvotes = (id: string) => deps.catalog.get(id)?.upvotes ?? 0;
  const best = ids.sort((a, b) => upvotes(b) - upvotes(a) || order.get(a)! - order.get(b)!).slice(0, sub.size);
  return best.length === 0 ? [{ kind: "notice", paperId: null }]
    : [{ kind: "header", paperId: null }, ...best.map((paperId) => ({ kind: "paper" as const, paperId }))];
}

function weekLabel(week: string, runDate: string): string {
  return `the week to ${dayName(runDate)} (${week.slice(5)})`;
}

/** " on "…"" for a topic digest's messages, "" without a topic. */
const onTopic = (topic: string | null): string => (topic ? ` on ${quoted(topic.slice(0, 80))}` : "");

/** The weekly digest's first message: what the week's list is, and how to save a paper from it. */
export function weeklyHeaderReply(f: { week: string; runDate: string; topic: string | null; count: number; late: string; listDate?: string | null;
  platform?: string | undefined }): Reply {
  const about = onTopic(f.topic);
  const papers = f.count === 1 ? "1 paper" : `${f.count} papers`;
  // No list from the week itself (Hugging Face unreachable all week, or only the bundled capture): the
  // papers are the newest list's, which is said rather than passed off as the week's.
  const older = f.listDate && f.listDate < addDays(f.runDate, -6) ? ` From Hugging Face's trending list of ${f.listDate}.` : "";
  return { visibility: "channel", tone: "info",
    text: `The most-upvoted papers${about} of ${weekLabel(f.week, f.runDate)}: ${papers}.${older} ${saveHint(f.platform)}${f.late}` };
}

/** The one line a weekly digest posts when the week had nothing (on its topic). */
export function weeklyNoticeReply(f: { week: string; runDate: string; topic: string | null; late: string }): Reply {
  const about = onTopic(f.topic);
  return { visibility: "channel", tone: "info", text: `No trending papers${about} in ${weekLabel(f.week, f.runDate)}.${f.late}` };
}

/** A weekly digest caught up days after its weekday names both days: "at 11:00 instead of 09:00" on a
 * Wednesday read as two hours late for Monday's digest. */
function weeklyLateNote(claim: Pick<Claim, "late" | "createdAt">, sub: Pick<DigestSubscription, "timeZone" | "localTime">, runDate: string): string {
  if (!claim.late) return "";
  const sentOn = localDate(claim.createdAt, sub.timeZone);
  if (sentOn === runDate) return lateNote({ late: true, claimedAt: claim.createdAt, timeZone: sub.timeZone, localTime: sub.localTime });
  return ` (late: delivered ${dayName(sentOn)} at ${localTime(claim.createdAt, sub.timeZone)} instead of ${dayName(runDate)} at ${sub.localTime})`;
}

export function weeklyRenderer(deps: PlanDeps, sub: DigestSubscription, week: string, runDate: string) {
  return (claim: Claim, items: LedgerItem[]): RenderItem => {
    const facts = { week, runDate, topic: sub.topic, count: items.filter((i) => i.kind === "paper").length, late: weeklyLateNote(claim, sub, runDate),
      platform: sub.platform };
    return async (item): Promise<Reply | null> => {
      if (item.kind === "header") return weeklyHeaderReply({ ...facts, listDate: (await deps.trending(runDate))?.date ?? null });
      if (item.kind === "notice") return weeklyNoticeReply(facts);
      // The same paper message as a daily digest's: its card shows the upvotes the list is ordered by.
      const paper: Paper | null = item.paperId ? await deps.catalog.find(item.paperId) : null;
      return paper ? paperReply(paper, item.position) : null;
    };
  };
}

/** The run dates of a weekly digest from this week's on, what nextWeekly may look at. */
export function upcomingWeeks(weekday: number, today: string): string[] {
  const thisWeek = addDays(today, weekday - isoWeekday(today));
  return [0, 1, 2].map((k) => addDays(thisWeek, 7 * k));
}

/** When the next weekly digest comes: the first week from this one whose day and time are still ahead and
 * whose ISO week has no row in the ledger (`delivered`, by period: it may be there from the zone the digest
 * had before). `wentOut`: the run dates passed over as delivered (why the next is later). */
export function nextWeekly(schedule: { localTime: string; timeZone: string }, weekday: number, today: string, now: Date,
  delivered: (week: string) => boolean): { at: Date; localDate: string; wentOut: string[] } {
  const wentOut: string[] = [];
  for (const date of upcomingWeeks(weekday, today)) {
    const at = fireTime(date, schedule) ?? fireTime(addDays(date, 1), schedule);
    if (!at || at.getTime() <= now.getTime()) continue;
    if (delivered(isoWeek(date))) { wentOut.push(date); continue; }
    return { at, localDate: date, wentOut };
  }
  throw new Error(`no weekly fire time within three weeks for ${schedule.localTime} ${schedule.timeZone}`);
}
