// "More like this" and "for you" over the bundled trending capture, through the commands.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlePaperAction } from "../../src/command-kit/interactions.ts";
import type { Paper } from "../../src/core/paper.ts";
import { plainTyped } from "../../src/core/messages/typed.ts";
import type { TestServices } from "../support/services.ts";
import { recommendFor } from "../../src/core/recommend/person.ts";
import { MAX_DISLIKED, likeDisliked } from "../../src/core/recommend/sink.ts";
import { addPapers, bookmarkInOrder, contextFor, isMoeTitle, moeTitled, paper, person, registry, run, say, setup, teardown } from "./support.ts";

let services: TestServices;
let moe: Paper[];
let trending: string[];
beforeAll(async () => {
  services = await setup();
  moe = await moeTitled(services);
  trending = (await services.papers.trending())!.ids;
});
afterAll(() => teardown(services));

const byTitle = (start: string): Paper => {
  const found = moe.find((p) => p.title.startsWith(start));
  if (!found) throw new Error(`no MoE paper titled "${start}…" in the bundled capture`);
  return found;
};

describe("/papers foryou", () => {
  it("puts MoE papers first for someone who bookmarked three MoE papers, and none of those three", async () => {
    expect(moe.length).toBeGreaterThanOrEqual(6); // the capture really has enough MoE papers for this to mean something
    const reader = person("U-moe");
    const saved = [byTitle("A Survey on Mixture of Experts"), byTitle("OpenMoE"), byTitle("Harder Tasks Need More Experts")];
    await bookmarkInOrder(services, reader, saved.map((p) => p.id));

    const reply = await say(services, reader, "foryou");
    expect(reply.text).toMatch(/^Recommended for you, from your 3 bookmarks/);
    const titles = reply.papers!.map((p) => p.title);
    expect(titles).toHaveLength(5);
    expect(titles.slice(0, 3).every(isMoeTitle), titles.join(" | ")).toBe(true);
    expect(reply.papers!.map((p) => p.id)).not.toEqual(expect.arrayContaining([saved[0]!.id]));
    for (const p of saved) expect(reply.papers!.map((c) => c.id)).not.toContain(p.id);
    // Not simply the trending order: the top of trending is not about MoE.
    expect(reply.papers!.map((p) => p.id)).not.toEqual(trending.filter((id) => !saved.some((p) => p.id === id)).slice(0, 5));
  });

  it("counts the bookmarks it learns from, not one marked not interested", async () => {
    const reader = person("U-counted");
    const saved = [byTitle("A Survey on Mixture of Experts"), byTitle("OpenMoE"), byTitle("Harder Tasks Need More Experts"), moe[3]!];
    await bookmarkInOrder(services, reader, saved.map((p) => p.id));
    await say(services, reader, `not-interested ${saved[3]!.id}`);
    expect((await say(services, reader, "foryou")).text)
      .toBe("Recommended for you, from 3 of your 4 bookmarks, the one marked not interested left out (1–5; papers like the one you marked not interested come last):");
  });

  it("never brings back a paper marked not interested, however many were marked after it", async () => {
    // Services of its own: the filler papers would crowd the shared catalog.
    const own = await setup();
    try {
      const ownMoe = await moeTitled(own);
      const reader = person("U-many-marks");
      const saved = ["A Survey on Mixture of Experts", "OpenMoE", "Harder Tasks Need More Experts"].map((start) => ownMoe.find((p) => p.title.startsWith(start))!);
      await bookmarkInOrder(own, reader, saved.map((p) => p.id));
      const first = (await say(own, reader, "foryou")).papers![0]!;
      await own.notInterested.add(reader, first.id);
      await new Promise((r) => setTimeout(r, 5));
      // More marks than the sink profile reads, all newer than the first one.
      const fillers = Array.from({ length: MAX_DISLIKED + 5 }, (_, i) => paper({ id: `t-filler-${i}`, title: `Allotment gardening almanac volume ${i}` }));
      await addPapers(own, fillers);
      for (const filler of fillers) await own.notInterested.add(reader, filler.id);

      const reply = await say(own, reader, "foryou");
      expect(reply.text).toMatch(/^Recommended for you, from your 3 bookmarks/);
      expect(reply.papers!.map((p) => p.id)).not.toContain(first.id);
      // Nor anywhere further down, which the DM digest reads too.
      const rec = await recommendFor(own, reader, 100);
      expect(rec.papers.length).toBeGreaterThan(20);
      expect(rec.papers.map((p) => p.id)).not.toContain(first.id);
      expect(rec.notInterested.size).toBe(fillers.length + 1);
    } finally {
      await teardown(own);
    }
  });

  it("weighs a dislike against the bookmarks: one MoE paper marked not interested does not sink the MoE papers like the three saved", async () => {
    const reader = person("U-moe-but-not-that");
    const saved = [byTitle("A Survey on Mixture of Experts"), byTitle("OpenMoE"), byTitle("Harder Tasks Need More Experts")];
    await bookmarkInOrder(services, reader, saved.map((p) => p.id));
    const disliked = byTitle("Unchosen Experts Can Contribute Too");
    await say(services, reader, `not-interested ${disliked.id}`);
    const reply = await say(services, reader, "foryou");
    const titles = reply.papers!.map((p) => p.title);
    expect(titles).not.toContain(disliked.title);
    // The capture's other MoE papers still lead, as they did before the mark.
    const otherMoe = moe.filter((p) => p.id !== disliked.id && !saved.some((s) => s.id === p.id));
    expect(otherMoe.length).toBeGreaterThanOrEqual(3);
    expect(titles.slice(0, otherMoe.length).every(isMoeTitle), titles.join(" | ")).toBe(true);

    // A paper more like the dislike than like the bookmarks still sinks: an expert router, beside a disliked router.
    const index = services.catalog.index;
    const router = byTitle("Layerwise Recurrent Router");
    const glider = (await services.papers.all()).find((p) => p.title.startsWith("Glider"))!;
    const sunk = likeDisliked(index, [router.id], saved.map((p) => p.id));
    expect(sunk.has(glider.id)).toBe(true);
    expect(sunk.has(byTitle("A Survey on Inference Optimization").id)).toBe(false);
    // Without bookmarks to weigh against (a team's dislikes), the whole neighbourhood sinks as before.
    expect(likeDisliked(index, [router.id]).has(byTitle("A Survey on Inference Optimization").id)).toBe(true);
  });

  it("pages on with Show more, without repeating a paper", async () => {
    const reader = person("U-moe");
    const first = await say(services, reader, "foryou");
    expect(first.more).toEqual({ command: "foryou", input: { offset: 5 } });
    const second = await run(services, reader, first.more!.command, first.more!.input);
    expect(second.papers!.length).toBeGreaterThan(0);
    for (const card of second.papers!) expect(first.papers!.map((p) => p.id)).not.toContain(card.id);
  });

  it("says in one sentence that fewer than 3 bookmarks is not enough, and shows trending instead", async () => {
    const reader = person("U-two");
    await bookmarkInOrder(services, reader, [trending[0]!, trending[5]!]);
    const reply = await say(services, reader, "foryou");
    expect(reply.text).toBe("You have only 2 bookmarks, and recommendations need at least 3 (react with 🔖 or press Bookmark), so here is what's trending:");
    const expected = trending.filter((id) => id !== trending[0] && id !== trending[5]).slice(0, 5);
    expect(reply.papers!.map((p) => p.id)).toEqual(expected);

    const none = await say(services, person("U-none"), "foryou");
    expect(none.text).toMatch(/^You have no bookmarks yet, and recommendations need at least 3 /);
    expect(none.papers!.map((p) => p.id)).toEqual(trending.slice(0, 5));
  });

  it("sinks papers like one marked not interested in the trending it shows instead, as the personal digest does", async () => {
    const [first, second] = trending;
    // The capture's top two are both model-based RL papers: marking the first sinks the second by the bot's own measure.
    expect(likeDisliked(services.catalog.index, [first!]).has(second!)).toBe(true);
    const reader = person("U-new");
    await say(services, reader, "trending");
    await say(services, reader, "not-interested 1");
    const shown = (await say(services, reader, "foryou")).papers!.map((p) => p.id);
    expect(shown).not.toContain(first);
    expect(shown[0]).not.toBe(second);
  });

  it("learns from bookmarks in the asker's own workspace only", async () => {
    const sameName = person("U-moe", "T-other");
    const reply = await say(services, sameName, "foryou");
    expect(reply.text).toMatch(/^You have no bookmarks yet,/);
  });
});

describe("/papers similar and More like this", () => {
  it("returns MoE papers for an MoE paper, never the paper itself", async () => {
    const source = byTitle("Layerwise Recurrent Router");
    const reply = await say(services, person("U-sim"), `similar ${source.id}`);
    expect(plainTyped(reply.text)).toBe(`More like “${source.title}”:`);
    const titles = reply.papers!.map((p) => p.title);
    expect(titles).toHaveLength(5);
    expect(titles.filter(isMoeTitle).length, titles.join(" | ")).toBeGreaterThanOrEqual(4);
    expect(isMoeTitle(titles[0]!)).toBe(true);
    expect(reply.papers!.map((p) => p.id)).not.toContain(source.id);
  });

  it("takes words for the paper search finds best for them, saying which", async () => {
    const reply = await say(services, person("U-sim"), "similar mixture of experts");
    const { hits } = services.catalog.index.search("mixture of experts", { limit: 1 });
    const best = services.catalog.get(hits[0]!.id)!;
    expect(plainTyped(reply.text)).toBe(`More like “${best.title}”, the best match for "mixture of experts":`);
    expect(reply.papers!.map((p) => p.id)).toEqual((await say(services, person("U-sim"), `similar ${best.id}`)).papers!.map((p) => p.id));
    // Words no paper is about are still no paper.
    expect((await say(services, person("U-sim"), "similar zzyzx quux")).text).toMatch(/^I don't know a paper "zzyzx quux"/);
    // Nor are words too common for /papers search to search for: no paper is the "best match" for "the".
    for (const words of ["the", "of the"]) {
      const common = await say(services, person("U-sim"), `similar ${words}`);
      expect(common.tone, words).toBe("error");
      expect(plainTyped(common.text), words).toMatch(new RegExp(`^I don't know a paper "${words}"`));
    }
  });

  it("is what the More like this button runs", async () => {
    const source = byTitle("A Survey on Mixture of Experts");
    const viaButton = await handlePaperAction(contextFor(services, person("U-sim")), registry, "similar", source.id);
    const viaCommand = await say(services, person("U-sim"), `similar ${source.id}`);
    expect(viaButton.papers!.map((p) => p.id)).toEqual(viaCommand.papers!.map((p) => p.id));
  });

  it("answers an unknown paper, or none given, with one sentence", async () => {
    const unknown = await say(services, person("U-sim"), "similar 9999.99999");
    expect(unknown.tone).toBe("error");
    expect(unknown.text).toMatch(/^I don't know a paper "9999\.99999"; search for it with \/papers <words>/);
    const link = await say(services, person("U-sim"), "similar https://arxiv.org/abs/2101.00001v2");
    expect(link.text).toMatch(/I don't know a paper/);
    const missing = await say(services, person("U-sim"), "similar");
    expect(missing.tone).toBe("error");
    expect(missing.text).toMatch(/Say which paper: its number in the last list, like \/papers similar 2, its id or link, or words about it\./);
  });
});
