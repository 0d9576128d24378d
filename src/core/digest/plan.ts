// What a digest posts: the newest trending list at the subscriber's local date, narrowed to the topic
// when there is one, minus papers this channel was shown in the last 7 days, capped at the size.
import type { ChannelRef } from "../channel.ts";
import { parseArxivId } from "../paper.ts";
import type { Catalog } from "../catalog.ts";
import type { BookmarkStore } from "../stores/bookmarks.ts";
import type { NotInterestedStore } from "../stores/not-interested.ts";
import type { PlannedItem } from "../stores/deliveries.ts";
import type { PaperStore, TrendingList } from "../stores/papers.ts";
import type { PostedMessageStore } from "../stores/posted-messages.ts";
import { rankForTeam } from "../recommend/team.ts";
import { Coalescer } from "../coalesce.ts";
import { papersAbout } from "../relevance.ts";
import { addDays } from "./schedule.ts";

export const NO_REPEAT_DAYS = 7;

export interface DigestSubscription { topic: string | null; size: number; timeZone: string; localTime: string; ranking?: string;
  /** Where it posts: the terminal has no reactions, so its header says how to save a paper there. */
  platform?: string;
  /** Who set it up: told by DM if the channel's digest has to pause (paused.ts). */
  createdBy?: string }
/** `leftOut`: the list's papers (on the topic) this digest would have carried but for this channel being
 * shown them in the last NO_REPEAT_DAYS, which the header counts: the day's top papers missing from it is
 * otherwise a puzzle. */
export interface DigestPlan { items: PlannedItem[]; snapshotDate: string | null; candidates: number; leftOut: number }

/** "2403.07816v2" and "2403.07816" are the same paper. */
export function withoutVersion(id: string): string {
  return parseArxivId(id) ?? id;
}

/**
 * The tick asks once per local date, not once per channel: a fan-out to 1,000 channels would otherwise
 * read the same snapshot 1,000 times. Shared promise, so concurrent channels wait for one read.
 */
export function trendingPerTick(papers: PaperStore): (localDate: string) => Promise<TrendingList> {
  const lists = new Map<string, Promise<TrendingList>>();
  return (localDate) => {
    let list = lists.get(localDate);
    if (!list) { list = papers.trending(localDate); lists.set(localDate, list); list.catch(() => lists.delete(localDate)); }
    return list;
  };
}

/**
 * Papers each channel was shown in the last NO_REPEAT_DAYS before the tick, for many channels in one query:
 * the channels of a tick plan at about the same moment, so their look-ups are batched (core/coalesce.ts).
 */
export function recentPerTick(posted: PostedMessageStore, tickAt: Date): (channel: ChannelRef) => Promise<string[]> {
  const since = new Date(tickAt.getTime() - NO_REPEAT_DAYS * 24 * 3600_000);
  const batch = new Coalescer<ChannelRef, string[]>((channels) => posted.paperIdsSinceMany(channels, since));
  return (channel) => batch.submit(channel);
}

/** `trending` and `recent` are the tick's shared readers (trendingPerTick, recentPerTick); the stores
 * are for `ranked: team`. */
export interface PlanDeps { catalog: Catalog; bookmarks: BookmarkStore; posted: PostedMessageStore; notInterested: NotInterestedStore;
  trending: (localDate: string) => Promise<TrendingList>; recent: (channel: ChannelRef) => Promise<string[]> }

// A day's list shorter than this is still filling: the day before's follows it (candidates()).
const MIN_DAY_LIST = 10;

// How much a paper's place in the trending list counts against its relevance to the topic: enough to
// order papers about the topic equally well by what people read today, not enough to lift a weak match.
const TRENDING_WEIGHT = 0.3;

/**
 * The trending papers that are about `topic` (core/relevance.ts), best first by relevance blended with
 * trending rank: a topic digest is for the topic, and among its papers, for what is trending.
 */
export function aboutTopic(catalog: Catalog, topic: string, trending: string[]): string[] {
  const listed = new Map(trending.map((id, i) => [id, i]));
  const strong = papersAbout(catalog.index, topic, { among: trending, limit: trending.length });
  if (strong.length === 0) return [];
  const best = strong[0]!.score, n = trending.length;
  const blended = (h: { id: string; score: number }) =>
    (1 - TRENDING_WEIGHT) * (h.score / best) + TRENDING_WEIGHT * (1 - listed.get(h.id)! / n);
  return strong.map((h) => ({ id: h.id, rank: blended(h) })).sort((a, b) => b.rank - a.rank).map((h) => h.id);
}

/**
 * The day's trending list, and, while Hugging Face's list of the day is still filling (a morning's first few
 * papers), the day before's after it: a 09:00 digest is not one paper for the list having just begun.
 */
async function candidates(deps: PlanDeps, localDate: string): Promise<{ snapshot: TrendingList; ids: string[] }> {
  const snapshot = await deps.trending(localDate);
  const ids = snapshot?.ids ?? [];
  if (!snapshot || ids.length >= MIN_DAY_LIST) return { snapshot, ids };
  const before = await deps.trending(addDays(snapshot.date, -1));
  if (!before || before.date >= snapshot.date) return { snapshot, ids };
  const listed = new Set(ids);
  return { snapshot, ids: [...ids, ...before.ids.filter((id) => !listed.has(id))] };
}

export async function planDigest(deps: PlanDeps, channel: ChannelRef, sub: DigestSubscription, localDate: string): Promise<DigestPlan> {
  const { snapshot, ids: listed } = await candidates(deps, localDate);
  let ids = listed;
  if (sub.topic && ids.length > 0) ids = aboutTopic(deps.catalog, sub.topic, ids);
  const recent = new Set((await deps.recent(channel)).map(withoutVersion));
  let unseen = ids.filter((id) => !recent.has(withoutVersion(id)));
  // `ranked: team`: the same candidates, ordered by what this channel's people bookmarked before.
  if (sub.ranking === "team" && unseen.length > 1) unseen = await rankForTeam(deps, channel, unseen);
  const fresh = unseen.slice(0, sub.size);
  const items: PlannedItem[] = fresh.length === 0 ? [{ kind: "notice", paperId: null }]
    : [{ kind: "header", paperId: null }, ...fresh.map((paperId) => ({ kind: "paper" as const, paperId }))];
  return { items, snapshotDate: snapshot?.date ?? null, candidates: ids.length, leftOut: leftOut(ids, recent, fresh, sub.size) };
}

/** The papers shown here lately that this digest would otherwise have carried: those ranked above its
 * last paper, or all of them when it is short of its size (on day 3 of a slow list, "leaving out 2", not
 * the 10 below the cut that it would have left out anyway). */
function leftOut(ids: string[], recent: Set<string>, fresh: string[], size: number): number {
  const reach = fresh.length < size ? ids.length : Math.max(...fresh.map((id) => ids.indexOf(id))) + 1;
  return ids.slice(0, reach).filter((id) => recent.has(withoutVersion(id))).length;
}
