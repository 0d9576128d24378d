// A paper named by its arXiv link in angle brackets, as Slack marks a link up (and as Discord users type one
// to keep its preview away): the paper itself, whichever command takes it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { blockText, startHarness, type SlackHarness } from "./harness.ts";

let h: SlackHarness;
beforeAll(async () => {
  h = await startHarness();
  await h.services.papers.upsert([{ id: "2401.00007", arxivId: "2401.00007", title: "Zorvex Routing for Sparse Experts", summary: "Zorvex routes tokens.",
    authors: ["A. Person"], keywords: [], githubRepo: null, publishedAt: null, upvotes: 1 }], "hf");
  await h.services.catalog.sync();
});
afterAll(async () => { await h?.close(); });

async function papers(text: string): Promise<string> {
  const id = h.nextResponseId();
  await h.requester.command(text, h.emulator.responseUrl(id));
  const answer = (await h.emulator.response(id)).body;
  return `${answer.text}\n${blockText(answer.blocks)}`;
}

it.each([
  ["&lt;https://arxiv.org/abs/2401.00007v2&gt;", /Zorvex Routing for Sparse Experts/],
  ["paper &lt;https://arxiv.org/abs/2401.00007v2&gt;", /Zorvex Routing for Sparse Experts/],
  ["paper <https://arxiv.org/pdf/2401.00007>", /Zorvex Routing for Sparse Experts/],
  ["bookmark &lt;https://arxiv.org/abs/2401.00007&gt;", /Bookmarked “Zorvex Routing for Sparse Experts”/],
])("/papers %s is that paper, not a paper it does not know", async (text, expected) => {
  const answer = await papers(text);
  expect(answer).toMatch(expected);
  expect(answer).not.toMatch(/don't know a paper/);
});
