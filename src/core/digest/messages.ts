// The words of a digest. Header and notice are channel messages too, so people see why papers arrive.
import type { Paper } from "../paper.ts";
import { toCard, type Reply } from "../messages/reply.ts";
import { localDate, localTime } from "../time.ts";
import { emoji } from "../messages/emoji.ts";
import { quoted } from "../messages/typed.ts";

export interface HeaderFacts { localDate: string; timeZone: string; localTime: string; topic: string | null; count: number;
  late: boolean; claimedAt: Date;
  /** "team": ordered by what the channel's people bookmarked (plan.ts rankForTeam), said in the header. */
  ranking?: string;
  /** The date of the trending list the papers come from, when known: said when it is not the digest's own day. */
  listDate?: string | null;
  /** Papers of the list left out as shown in this channel in the last 7 days (plan.ts), said when there are any. */
  leftOut?: number;
  platform?: string }

/** How a paper of a digest is saved where it is read: a 🔖 reaction, or in the terminal (no reactions) by number. */
export function saveHint(platform: string | undefined): string {
  return platform === "console" ? "Save one with /papers bookmark <number>." : `React with ${emoji("bookmark")} on a paper below to save it.`;
}

// toLocaleDateString builds an Intl formatter per call (~0.4 ms): one formatter, and one answer per date,
// since a fan-out writes the same few dates into a thousand headers. Made on first use, not at import: the
// process's first Intl formatter loads ICU's locale data (tens of ms), which `papers search` never needs.
let dayFormat: Intl.DateTimeFormat | undefined;
const dayNames = new Map<string, string>();

export function dayName(localDate: string): string {
  let name = dayNames.get(localDate);
  if (name === undefined) {
    const [y, m, d] = localDate.split("-").map(Number) as [number, number, number];
    dayFormat ??= new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
    name = dayFormat.format(new Date(Date.UTC(y, m - 1, d)));
    if (dayNames.size > 1000) dayNames.clear();
    dayNames.set(localDate, name);
  }
  return name;
}

/** " (late: delivered at … instead of …)" for a digest that went out late, else nothing; with the day it went out
 * when that is not the digest's own (`localDate`: yesterday's, sent after midnight). */
export function lateNote(f: Pick<HeaderFacts, "late" | "claimedAt" | "timeZone" | "localTime"> & { localDate?: string }): string {
  if (!f.late) return "";
  const sentOn = localDate(f.claimedAt, f.timeZone);
  const day = f.localDate && sentOn !== f.localDate ? ` on ${dayName(sentOn)}` : "";
  return ` (late: delivered at ${localTime(f.claimedAt, f.timeZone)}${day} instead of ${f.localTime})`;
}

export function headerReply(f: HeaderFacts): Reply {
  // The day's top papers are missing when the channel saw them this week: say so, or it reads as a wrong list.
  const papers = (f.count === 1 ? "1 paper" : `${f.count} papers`)
    + (f.leftOut ? `, leaving out ${f.leftOut} posted here in the last 7 days` : "");
  // The header says how the papers are ordered: a topic digest by relevance first (plan.ts aboutTopic), unless
  // `ranked: team` reorders them (either kind) by the team's bookmarks (plan.ts rankForTeam).
  const order = f.ranking === "team" ? ", ranked by this team's bookmarks" : f.topic ? ", most relevant first" : "";
  const head = f.topic ? `Trending papers on ${quoted(f.topic)} for ${dayName(f.localDate)}${order}: ${papers}.`
    : `Trending papers for ${dayName(f.localDate)}${order}: ${papers}.`;
  // A list older than today (Hugging Face unreachable since, or the bundled capture) is not passed off as today's.
  const older = f.listDate && f.listDate < f.localDate ? ` From Hugging Face's trending list of ${f.listDate}.` : "";
  return { visibility: "channel", tone: "info", text: `${head}${older} ${saveHint(f.platform)}${lateNote(f)}` };
}

export function nothingNewReply(f: HeaderFacts): Reply {
  // One line either way: nothing about the topic today, or nothing this channel has not seen this week.
  // The topic in quotes, as elsewhere, not in *emphasis*: a topic with its own * or _ broke the markup around it.
  // "New" only when papers about it were there and this channel saw them this week: say how many.
  const seen = f.leftOut ?? 0;
  // A digest carried over past midnight (schedule.ts carriedOver) is the day before's: "today" read as the reader's.
  const day = localDate(f.claimedAt, f.timeZone) === f.localDate ? "today" : `on ${dayName(f.localDate)}`;
  const text = f.topic ? (seen > 0 ? `No new papers on ${quoted(f.topic)} ${day}: the ${seen === 1 ? "one" : seen} about it ${seen === 1 ? "was" : "were"} posted here in the last 7 days.`
    : `No trending paper is about ${quoted(f.topic)} ${day}.`)
    : `Nothing new for ${dayName(f.localDate)}: no trending paper that this channel hasn't seen in the last 7 days.`;
  return { visibility: "channel", tone: "info", text: `${text}${lateNote(f)}` };
}

export function paperReply(paper: Paper, rank: number): Reply {
  return { visibility: "channel", text: paper.title, papers: [toCard(paper, { rank })], actions: ["bookmark", "discuss", "notInterested"] };
}
