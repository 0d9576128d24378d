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

export const NO_REPEAT_DAYS = 7;

export interface DigestSubscription { topic: string | null; size: number; timeZone: string; localTime: string; ranking?: string }
export interface DigestPlan { items: PlannedItem[]; snapshotDate: string | null; candidates: number }

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

export async function planDigest(deps: PlanDeps, channel: ChannelRef, sub: DigestSubscription, localDate: string): Promise<DigestPlan> {
  const snapshot = await deps.trending(localDate);
  let ids = snapshot?.ids ?? [];
  if (sub.topic && ids.length > 0) {
    const listed = new Set(ids);
    const hits = new Set(deps.catalog.index.search(sub.topic, { limit: ids.length, filter: (id) => listed.has(id) }).hits.map((h) => h.id));
    ids = ids.filter((id) => hits.has(id)); // keep trending order: it is a trending digest, narrowed
  }
  const recent = new Set((await deps.recent(channel)).map(withoutVersion));
  let unseen = ids.filter((id) => !recent.has(withoutVersion(id)));
  // `ranked: team`: the same candidates, ordered by what this channel's people bookmarked before.
  if (sub.ranking === "team" && unseen.length > 1) unseen = await rankForTeam(deps, channel, unseen);
  const fresh = unseen.slice(0, sub.size);
  const items: PlannedItem[] = fresh.length === 0 ? [{ kind: "notice", paperId: null }]
    : [{ kind: "header", paperId: null }, ...fresh.map((paperId) => ({ kind: "paper" as const, paperId }))];
  return { items, snapshotDate: snapshot?.date ?? null, candidates: ids.length };
}
