// Weekly and personal digests draw their topic's papers through the same relevance floor as daily ones
// (core/relevance.ts papersAbout): a "moe" week is its Mixture-of-Experts papers, not every paper that says
// "expert" with more upvotes, and a topic with a word no paper has gets none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planWeekly } from "../../src/core/digest/weekly.ts";
import { planPersonal } from "../../src/core/digest/personal.ts";
import type { DigestSubscription } from "../../src/core/digest/plan.ts";
import { personalTarget } from "../../src/core/person-target.ts";
import { createTestServices, type TestServices } from "../support/services.ts";

const isMoe = (title: string) => /mixture.of.experts|\bmoe\b/i.test(title);
let services: TestServices;
beforeAll(async () => { services = await createTestServices(); });
afterAll(async () => { await services?.close(); });

const deps = () => ({ ...services, trending: (date: string) => services.papers.trending(date), recent: async () => [] });
const sub = (topic: string, size = 10): DigestSubscription => ({ topic, size, timeZone: "UTC", localTime: "09:00" });
const titles = (items: { kind: string; paperId: string | null }[]) =>
  items.filter((i) => i.kind === "paper").map((i) => services.catalog.get(i.paperId!)!.title);

describe("weekly topic digests", () => {
  it("hold only the topic's papers (the bundled week's MoE papers), however upvoted the others", async () => {
    const week = titles(await planWeekly(deps(), sub("moe"), "2025-03-16"));
    expect(week.length).toBeGreaterThanOrEqual(5);
    expect(week.filter((t) => !isMoe(t))).toEqual([]);
  });

  it("hold the week's own lists only, not an older one a day without its list falls back to", async () => {
    const all = (await services.papers.trending("2025-03-11"))!.ids;
    // An old list on 1 Mar, and one of the week's own on 14 Mar with two other papers.
    const lists = new Map([["2025-03-01", all.slice(0, 5)], ["2025-03-14", all.slice(10, 12)]]);
    const trending = async (date: string) => {
      const on = [...lists.keys()].filter((d) => d <= date).sort().at(-1);
      return on ? { date: on, ids: lists.get(on)! } : null;
    };
    const week = await planWeekly({ ...deps(), trending }, { ...sub(""), topic: null }, "2025-03-16");
    expect(week.filter((i) => i.kind === "paper").map((i) => i.paperId).sort()).toEqual(all.slice(10, 12).sort());
    // A week with no list of its own: the newest there is (its header says whose it is).
    const old = await planWeekly({ ...deps(), trending }, { ...sub(""), topic: null }, "2025-03-09");
    expect(old.filter((i) => i.kind === "paper").map((i) => i.paperId).sort()).toEqual(all.slice(0, 5).sort());
  });

  it("post the one-line notice when a word of the topic is in no paper", async () => {
    expect(await planWeekly(deps(), sub("sparse autoencoders"), "2025-03-16")).toEqual([{ kind: "notice", paperId: null }]);
  });
});

describe("personal digests with a topic (before 3 bookmarks)", () => {
  it("lead with the topic's papers only, then trending", async () => {
    const user = { platform: "slack" as const, workspaceId: "T1", userId: "U0TOPIC" };
    const { items } = await planPersonal(deps(), personalTarget(user), sub("moe", 5), "2025-03-11");
    const picks = titles(items);
    expect(picks).toHaveLength(5);
    expect(picks.filter((t) => !isMoe(t))).toEqual([]);
  });
});
