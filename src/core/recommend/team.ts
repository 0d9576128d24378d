// `ranked: team` digests: the day's papers ordered by what the channel's own people have saved before.
// A channel's members, as far as the bot can know them without extra scopes, are the people who
// bookmarked papers it posted there; their bookmarks (anywhere in the workspace) are the team's profile.
import type { ChannelRef } from "../channel.ts";
import type { Services } from "../services.ts";
import { MAX_DISLIKED, likeDisliked } from "./sink.ts";
import { rankByLikeness } from "./likeness.ts";

// Bounds on the history read per digest: recent enough to reflect the team now, small enough to be cheap.
const MAX_POSTED = 2_000;
const MAX_SEEDS = 500;

/** The people who bookmarked any paper the bot posted in this channel. */
export async function channelMembers(services: Pick<Services, "posted" | "bookmarks">, channel: ChannelRef): Promise<string[]> {
  return saversOf(services, channel, await services.posted.recentPaperIds(channel, MAX_POSTED));
}

/** The people who bookmarked any of `posted` (the papers the bot posted in this channel). */
function saversOf(services: Pick<Services, "bookmarks">, channel: ChannelRef, posted: string[]): Promise<string[]> {
  return posted.length === 0 ? Promise.resolve([]) : services.bookmarks.savers(channel, [...new Set(posted)]);
}

/**
 * `paperIds` (given in trending order) reordered for the channel: papers its members already bookmarked
 * first (most members first), then by content similarity to everything they bookmarked, then trending
 * order, which is also the whole answer when the channel has no bookmark history. Never drops or adds ids.
 */
export async function rankForTeam(services: Pick<Services, "posted" | "bookmarks" | "catalog" | "notInterested">, channel: ChannelRef, paperIds: string[]): Promise<string[]> {
  if (paperIds.length < 2) return [...paperIds];
  // What the bot posted here names both the members and the papers whose "not interested" marks are heard.
  const posted = await services.posted.recentPaperIds(channel, MAX_POSTED);
  const members = await saversOf(services, channel, posted);
  const savedBy = new Map<string, number>();
  for (const paperId of members.length ? await services.bookmarks.savedBy(channel, members, MAX_SEEDS * 4) : []) savedBy.set(paperId, (savedBy.get(paperId) ?? 0) + 1);
  const seeds = [...savedBy.keys()].slice(0, MAX_SEEDS);
  // Whoever marked "not interested" on a paper posted here (or a bookmarking member who marked any) is
  // heard too: those papers and papers like them sink below the rest (recommend/sink.ts), weighed against
  // the team's bookmarks as a person's picks are against theirs, so one member's mark does not bury a
  // topic the others keep saving.
  const dislikers = [...new Set([...members, ...await services.notInterested.markers(channel, [...new Set([...posted, ...paperIds])])])];
  const sunk = likeDisliked(services.catalog.index, await services.notInterested.forUsers(channel, dislikers, MAX_DISLIKED), seeds);
  if (members.length === 0) return sunk.size ? [...paperIds].sort((a, b) => Number(sunk.has(a)) - Number(sunk.has(b))) : [...paperIds];
  // Papers sharing no strong term with the profile score 0 and stay in trending order.
  return rankByLikeness(services.catalog.index, seeds, paperIds, sunk, (id) => savedBy.get(id) ?? 0);
}
