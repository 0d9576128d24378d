// The words of a digest. Header and notice are channel messages too, so people see why papers arrive.
import type { Paper } from "../paper.ts";
import { toCard, type Reply } from "../messages/reply.ts";
import { localTime } from "../time.ts";

export interface HeaderFacts { localDate: string; timeZone: string; localTime: string; topic: string | null; count: number;
  late: boolean; claimedAt: Date }

// toLocaleDateString builds an Intl formatter per call (~0.4 ms): one formatter, and one answer per date,
// since a fan-out writes the same few dates into a thousand headers.
const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
const dayNames = new Map<string, string>();

export function dayName(localDate: string): string {
  let name = dayNames.get(localDate);
  if (name === undefined) {
    const [y, m, d] = localDate.split("-").map(Number) as [number, number, number];
    name = dayFormat.format(new Date(Date.UTC(y, m - 1, d)));
    if (dayNames.size > 1000) dayNames.clear();
    dayNames.set(localDate, name);
  }
  return name;
}

function lateNote(f: HeaderFacts): string {
  return f.late ? ` (late: delivered at ${localTime(f.claimedAt, f.timeZone)} instead of ${f.localTime})` : "";
}

export function headerReply(f: HeaderFacts): Reply {
  const about = f.topic ? ` on "${f.topic}"` : "";
  const papers = f.count === 1 ? "1 paper" : `${f.count} papers`;
  return { visibility: "channel", tone: "info",
    text: `Trending papers${about} for ${dayName(f.localDate)}: ${papers}. React with :bookmark: to save one.${lateNote(f)}` };
}

export function nothingNewReply(f: HeaderFacts): Reply {
  const about = f.topic ? ` on "${f.topic}"` : "";
  return { visibility: "channel", tone: "info",
    text: `Nothing new for ${dayName(f.localDate)}: no trending paper${about} that this channel hasn't seen in the last 7 days.${lateNote(f)}` };
}

export function paperReply(paper: Paper, rank: number): Reply {
  return { visibility: "channel", text: paper.title, papers: [toCard(paper, { rank })], actions: ["bookmark", "notInterested"] };
}
