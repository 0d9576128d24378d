// A paper's title as Slack shows it on a card: mrkdwn has no escape character, so a title's own * and _
// must not pair with the bold the card puts around it, nor with each other.
import { afterAll, beforeAll, expect, it } from "vitest";
import { blockText, startHarness, type SlackHarness } from "./harness.ts";

let h: SlackHarness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const TITLE = "V*: Guided Visual Search in *Zorvex* with snake_case_ names & ~tilde~ `ticks`";

it("a title holding * _ ~ ` shows as written: none of them can bold, italicize, strike or code part of the card", async () => {
  await h.services.papers.upsert([{ id: "2401.00001", arxivId: "2401.00001", title: TITLE, summary: "Zorvex search, guided.", authors: ["A. Person"],
    keywords: [], githubRepo: null, publishedAt: null, upvotes: 1 }], "hf");
  await h.services.catalog.sync();
  const id = h.nextResponseId();
  await h.requester.command("zorvex", h.emulator.responseUrl(id));
  const answer = (await h.emulator.response(id)).body;
  const card = (answer.blocks as any[]).find((b) => b.type === "section" && b.text.text.startsWith("*1. <"))!.text.text as string;
  const label = /^\*1\. <[^|>]+\|(.*)>\*$/m.exec(card)![1]!;
  // Each formatting character stands between zero-width spaces, where Slack reads it as a character, not markup.
  expect(label.replace(/\u200b[*_~`]\u200b/g, "")).not.toMatch(/[*_~`]/);
  expect(label.replace(/\u200b/g, "")).toBe(TITLE.replace("&", "&amp;"));
  expect(blockText(answer.blocks)).toContain("Papers for");
});

it("the answers that quote a title show it as written too: bookmarking it, noting it, more like it", async () => {
  const answer = async (command: string) => {
    const id = h.nextResponseId();
    await h.requester.command(command, h.emulator.responseUrl(id));
    return blockText((await h.emulator.response(id)).body.blocks);
  };
  for (const command of ["bookmark 2401.00001", "note 2401.00001 read it", "similar 2401.00001", "bookmarks unread 2401.00001"]) {
    const text = await answer(command);
    const quoted = /“(.*?)”/.exec(text)?.[1];
    expect(quoted, `${command}: ${text}`).toBeDefined();
    expect(quoted!.replace(/\u200b[*_~`]\u200b/g, ""), command).not.toMatch(/[*_~`]/);
    expect(quoted!.replace(/\u200b/g, ""), command).toBe(TITLE.replace("&", "&amp;"));
  }
});

it("a full card longer than a section goes on in the next, cut where a word ends: nothing lost, no escape split", async () => {
  const abstract = "We study Q&A retrieval where the loss satisfies x < y & y > z for all tokens. ".repeat(25).trim() + " The end.";
  const aiSummary = "Retrieval for Q&A with bounded loss (x < y) improves accuracy & robustness across benchmarks. ".repeat(7).trim();
  await h.services.papers.upsert([{ id: "2401.00031", arxivId: "2401.00031", title: "Bounded Losses for Q&A Retrieval", summary: abstract, aiSummary,
    authors: ["A. Person"], keywords: [], githubRepo: null, publishedAt: null, upvotes: 9 }], "hf");
  await h.services.catalog.sync();
  const id = h.nextResponseId();
  await h.requester.command("paper 2401.00031", h.emulator.responseUrl(id));
  const sections = ((await h.emulator.response(id)).body.blocks as any[]).filter((b) => b.type === "section").map((b) => b.text.text as string);
  const card = sections.slice(sections.findIndex((t) => t.startsWith("*<")));
  expect(card.length).toBeGreaterThan(1);
  for (const text of card) {
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).not.toMatch(/&[a-z]{0,3}$/);
  }
  const shown = card.join(" ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  expect(shown).toContain(abstract.split(". ").at(-2));
  expect(shown.endsWith("The end.")).toBe(true);
});

it("an abstract's and an author list's own * _ show as written, and the links in the abstract stay whole", async () => {
  // Slack bolded "$ and Q$^" in "A$^*$ and Q$^*$", and italicized between two subscripts "_{t}".
  const summary = "Zorvex planning with A$^*$ and Q$^*$ over x_{t} and y_{t}. Code: https://github.com/org/my_repo_name.";
  await h.services.papers.upsert([{ id: "2401.00041", arxivId: "2401.00041", title: "Zorvex Planning", summary, authors: ["Ann Smith*", "Bo Jones*"],
    keywords: [], githubRepo: null, publishedAt: null, upvotes: 2 }], "hf");
  await h.services.catalog.sync();
  const id = h.nextResponseId();
  await h.requester.command("paper 2401.00041", h.emulator.responseUrl(id));
  const text = blockText((await h.emulator.response(id)).body.blocks);
  const abstract = text.split("\n").find((line) => line.startsWith("Zorvex planning"))!;
  // Each formatting character stands between zero-width spaces, where Slack reads it as a character, not markup.
  expect(abstract.replace(/\u200b[*_~`]\u200b/g, "").replace("https://github.com/org/my_repo_name", "")).not.toMatch(/[*_~`]/);
  expect(abstract).toContain(" https://github.com/org/my_repo_name.");
  expect(abstract.replace(/\u200b/g, "")).toBe(summary);
  expect(text).toContain("Ann Smith\u200b*\u200b, Bo Jones\u200b*\u200b");
});
