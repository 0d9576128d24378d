// `ranked: team`: the digest's papers in the order the channel's people would pick, via rankForTeam.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelRef } from "../../src/core/channel.ts";
import type { Paper } from "../../src/core/paper.ts";
import { channelMembers, rankForTeam } from "../../src/core/recommend/team.ts";
import type { TestServices } from "../support/services.ts";
import { bookmarkInOrder, isMoeTitle, moeTitled, person, setup, teardown } from "./support.ts";

let services: TestServices;
let moe: Paper[];
let trending: string[];
const channel: ChannelRef = { platform: "slack", workspaceId: "T1", channelId: "C-ml" };
beforeAll(async () => {
  services = await setup();
  moe = await moeTitled(services);
  trending = (await services.papers.trending())!.ids;
});
afterAll(() => teardown(services));

describe("rankForTeam", () => {
  it("keeps trending order for a channel with no bookmark history", async () => {
    const day = trending.slice(0, 10);
    expect(await rankForTeam(services, channel, day)).toEqual(day);
    expect(await channelMembers(services, channel)).toEqual([]);
  });

  it("orders the day's papers by what the channel's members bookmarked before", async () => {
    // Two MoE papers were posted to the channel; Ana bookmarked one of them, and more MoE papers besides.
    const [postedA, postedB, ...otherMoe] = moe.filter((p) => !p.title.startsWith("PokéChamp"));
    await services.posted.record(channel, "m1", postedA!.id, "digest");
    await services.posted.record(channel, "m2", postedB!.id, "share");
    const ana = person("U-ana"), outsider = person("U-out");
    await bookmarkInOrder(services, ana, [postedA!.id, otherMoe[0]!.id]);
    // Someone who never bookmarked anything posted here does not shape the channel's order.
    const notMoe = trending.filter((id) => !moe.some((p) => p.id === id));
    await bookmarkInOrder(services, outsider, notMoe.slice(20, 23));
    expect(await channelMembers(services, channel)).toEqual(["U-ana"]);

    // The day: the top of trending (not about MoE) with the remaining MoE papers mixed in at the end.
    const dayMoe = otherMoe.slice(1, 4).map((p) => p.id);
    const day = [...notMoe.slice(0, 8), ...dayMoe, otherMoe[0]!.id];
    const ranked = await rankForTeam(services, channel, day);
    expect([...ranked].sort()).toEqual([...day].sort()); // nothing dropped, nothing added
    expect(ranked[0]).toBe(otherMoe[0]!.id); // a member already saved it
    expect(ranked.slice(1, 4).sort()).toEqual([...dayMoe].sort());
    const titles = ranked.slice(0, 4).map((id) => services.catalog.get(id)!.title);
    expect(titles.every(isMoeTitle), titles.join(" | ")).toBe(true);
  });

  it("weighs one member's not interested against the team's bookmarks: it does not sink the MoE papers the team saves", async () => {
    const ch: ChannelRef = { ...channel, channelId: "C-moe-team" };
    const byTitle = (start: string) => moe.find((p) => p.title.startsWith(start))!;
    const saved = [byTitle("A Survey on Mixture of Experts"), byTitle("OpenMoE"), byTitle("Harder Tasks Need More Experts")];
    const disliked = byTitle("Unchosen Experts Can Contribute Too");
    for (const [i, p] of [...saved, disliked].entries()) await services.posted.record(ch, `t${i}`, p.id, "digest");
    await bookmarkInOrder(services, person("U-saver"), saved.map((p) => p.id));
    await services.notInterested.add(person("U-critic"), disliked.id);

    const otherMoe = moe.filter((p) => p.id !== disliked.id && !saved.includes(p)).map((p) => p.id);
    const notMoe = trending.filter((id) => !moe.some((p) => p.id === id)).slice(0, 6);
    const ranked = await rankForTeam(services, ch, [...notMoe, disliked.id, ...otherMoe]);
    const titles = ranked.map((id) => services.catalog.get(id)!.title);
    expect(titles.slice(0, otherMoe.length).every(isMoeTitle), titles.join(" | ")).toBe(true);
    expect(ranked.at(-1)).toBe(disliked.id); // the marked paper itself still sinks
  });

  it("is per channel and per workspace", async () => {
    const elsewhere: ChannelRef = { platform: "slack", workspaceId: "T2", channelId: "C-ml" };
    const day = trending.slice(0, 6);
    expect(await rankForTeam(services, elsewhere, day)).toEqual(day);
    expect(await channelMembers(services, { ...channel, channelId: "C-random" })).toEqual([]);
  });
});
