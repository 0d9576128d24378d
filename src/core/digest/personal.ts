// A person's own daily digest, by direct message: their "for you" picks (bookmarks as the profile, "not
// interested" sunk), minus what they saved and what they were shown in the last 7 days. It is a daily
// subscription whose channel is the person (core/person-target.ts), so the ledger, its leases and the
// 7-day record are the channel digest's own: exactly once per person per local day.
// With fewer than MIN_SEEDS bookmarks there is no profile yet: the day's trending papers, their topic's
// first, and the header says so and how to get real picks. From MIN_SEEDS on, a topic keeps the picks to
// the papers about it (relevance.ts, as a topic digest's), ranked by likeness to the bookmarks.
import type { ChannelRef, UserRef } from "../channel.ts";
import type { Paper } from "../paper.ts";
import { toCard, type Reply } from "../messages/reply.ts";
import type { LedgerItem, PlannedItem } from "../stores/deliveries.ts";
import type { NotInterestedStore } from "../stores/not-interested.ts";
import { targetUser } from "../person-target.ts";
import { MIN_SEEDS, profileOf, reasonText, reasonsFor, recommendFor } from "../recommend/person.ts";
import { sinkAll } from "../recommend/sink.ts";
import type { Claim } from "../delivery/ledger.ts";
import type { RenderItem } from "../delivery/run.ts";
import { withoutVersion, type DigestSubscription, type PlanDeps } from "./plan.ts";
import { dayName, lateNote } from "./messages.ts";
import { papersAbout } from "../relevance.ts";
import { quoted } from "../messages/typed.ts";
import { rankByLikeness } from "../recommend/likeness.ts";

/** `snapshotDate`: the trending list's date, when the picks came from one (too few bookmarks for a profile). */
export interface PersonalPlan { items: PlannedItem[]; seeds: number; snapshotDate: string | null }

/** What goes in today's DM: at most `sub.size` papers, or a notice when nothing is new. */
export async function planPersonal(deps: PlanDeps & { notInterested: NotInterestedStore }, target: ChannelRef, sub: DigestSubscription,
  localDate: string): Promise<PersonalPlan> {
  const user = targetUser(target)!;
  const shown = new Set((await deps.recent(target)).map(withoutVersion));
  const rec = await recommendFor(deps, user, sub.size, shown);
  let ids: string[];
  let snapshotDate: string | null = null;
  if (rec.seeds >= MIN_SEEDS && sub.topic) {
    // The papers about the topic, as a topic digest picks them, in the order of the person's bookmarks.
    const about = papersAbout(deps.catalog.index, sub.topic, { limit: Math.max(100, sub.size * 10) }).map((h) => h.id)
      .filter((id) => !rec.bookmarked.has(id) && !rec.notInterested.has(id) && !shown.has(withoutVersion(id)));
    ids = rankByLikeness(deps.catalog.index, rec.seedIds, about, rec.sunk).slice(0, sub.size);
  } else if (rec.seeds >= MIN_SEEDS) ids = rec.papers.map((p) => p.id);
  else {
    const snapshot = await deps.trending(localDate);
    snapshotDate = snapshot?.date ?? null;
    const trending = snapshot?.ids ?? [];
    const about = sub.topic ? papersAbout(deps.catalog.index, sub.topic, { limit: sub.size * 4 }).map((h) => h.id) : [];
    const aboutSet = new Set(about);
    // Their topic first (today's trending ones, then the catalog's best), then the rest of trending.
    const candidates = [...new Set([...trending.filter((id) => aboutSet.has(id)), ...about, ...trending])]
      .filter((id) => !rec.bookmarked.has(id) && !rec.notInterested.has(id) && !shown.has(withoutVersion(id)));
    ids = sinkAll(candidates, rec.sunk).slice(0, sub.size);
  }
  const items: PlannedItem[] = ids.length === 0 ? [{ kind: "notice", paperId: null }]
    : [{ kind: "header", paperId: null }, ...ids.map((paperId) => ({ kind: "paper" as const, paperId }))];
  return { items, seeds: rec.seeds, snapshotDate };
}

const HOW_TO_IMPROVE = "Bookmark papers you like (🔖 or the Bookmark button) and press Not interested on the others: " +
  `from ${MIN_SEEDS} bookmarks on, these picks are made from what you save.`;

/** `onTopic`: how many of the papers are about `topic` (the rest are trending papers that fill the list).
 * `listDate`: the trending list's date, named when it is older than the day (no newer list yet); `late`:
 * the channel digest's own note when it went out late. */
export function personalHeader(localDate: string, count: number, seeds: number, topic: string | null, onTopic = 0,
  { listDate = null, late = "" }: { listDate?: string | null; late?: string } = {}): Reply {
  const papers = count === 1 ? "1 paper" : `${count} papers`;
  if (seeds >= MIN_SEEDS) {
    const picked = topic ? `on ${quoted(topic.slice(0, 80))}, ranked by your ${seeds} bookmarks` : `picked from your ${seeds} bookmarks`;
    return { visibility: "channel", tone: "info",
      text: `Your papers for ${dayName(localDate)}: ${papers} ${picked}, leaving out what you saved or saw this week.${late}` };
  }
  const have = seeds === 0 ? "no bookmarks yet" : `only ${seeds} bookmark${seeds === 1 ? "" : "s"}`;
  // The topic is named as far as it was met: a topic no paper is about yet picked none of these.
  const named = topic ? quoted(topic.slice(0, 80)) : "";
  const trending = listDate && listDate < localDate ? `the trending papers of ${listDate}` : "today's trending papers";
  const basis = !topic ? trending
    : onTopic === 0 ? `${trending} (none is about your topic ${named} yet)`
    : onTopic >= count ? `your topic ${named}`
    : `your topic ${named} (${onTopic} of them) and ${trending}`;
  return { visibility: "channel", tone: "info",
    text: `Your papers for ${dayName(localDate)}: ${papers}, based on ${basis}, since you have ${have}.${late} ${HOW_TO_IMPROVE}` };
}

/** `topic`: a personal digest with a topic and a profile, whose picks are only the topic's papers: a quiet
 * day says so as a topic digest's does. */
export function personalNothingNew(localDate: string, topic: string | null = null): Reply {
  if (topic) {
    return { visibility: "channel", tone: "info",
      text: `No new papers on ${quoted(topic.slice(0, 80))} for you on ${dayName(localDate)}: none is about it, or you saved or saw each one in the last 7 days.` };
  }
  return { visibility: "channel", tone: "info",
    text: `Nothing new for you on ${dayName(localDate)}: every paper I would pick you saved or saw in the last 7 days. Try /papers trending.` };
}

export function personalPaperReply(paper: Paper, rank: number, why: string | null): Reply {
  return { visibility: "channel", text: paper.title, papers: [toCard(paper, { rank, reason: why })],
    actions: ["bookmark", "notInterested"] };
}

/** Each item's words. The reason is worked out when the message is sent, against the bookmarks then.
 * `listDate`: the plan's snapshotDate. */
export function personalRenderer(deps: PlanDeps & { notInterested: NotInterestedStore }, user: UserRef, sub: DigestSubscription, localDate: string,
  listDate: string | null) {
  return (claim: Claim, items: LedgerItem[]): RenderItem => {
    let profile: Promise<string[]> | null = null;
    const seedIds = () => (profile ??= profileOf(deps, user).then((p) => p.seedIds));
    const count = items.filter((i) => i.kind === "paper").length;
    return async (item): Promise<Reply | null> => {
      const seeds = await seedIds();
      if (item.kind === "notice") return personalNothingNew(localDate, seeds.length >= MIN_SEEDS ? sub.topic : null);
      if (item.kind === "header") {
        const ids = items.flatMap((i) => (i.kind === "paper" && i.paperId ? [i.paperId] : []));
        const onTopic = sub.topic ? papersAbout(deps.catalog.index, sub.topic, { among: ids, limit: ids.length }).length : 0;
        const late = lateNote({ late: claim.late, claimedAt: claim.createdAt, timeZone: sub.timeZone, localTime: sub.localTime, localDate });
        return personalHeader(localDate, count, seeds.length, sub.topic, onTopic, { listDate, late });
      }
      const paper = item.paperId ? await deps.catalog.find(item.paperId) : null;
      if (!paper) return null;
      const why = seeds.length >= MIN_SEEDS ? reasonText(reasonsFor(deps, [paper], seeds)[0] ?? null) : null;
      return personalPaperReply(paper, item.position, why);
    };
  };
}
