// Reading-list search and notes on Slack (issue 15, item 5), through Bolt and the emulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDate } from "../../src/core/time.ts";
import { blockText, startHarness, type SlackHarness } from "./harness.ts";
import { homeCards } from "../../src/adapters/slack/home.ts";
import { renderHome } from "../../src/adapters/slack/render.ts";

let h: SlackHarness;
let ids: string[];
const alice = { platform: "slack" as const, workspaceId: "T0TEST", userId: "U0ALICE" };
beforeAll(async () => {
  h = await startHarness();
  ids = (await h.services.papers.trending(localDate(new Date(), "UTC")))!.ids.slice(0, 3);
  for (const id of ids) { await h.services.bookmarks.add(alice, id); await new Promise((r) => setTimeout(r, 5)); }
});
afterAll(async () => { await h?.close(); });

async function say(text: string) {
  const rid = h.nextResponseId();
  await h.requester.command(text, h.emulator.responseUrl(rid));
  return (await h.emulator.response(rid)).body;
}

describe("reading list on Slack", () => {
  it("a note shows under its bookmark, escaped, and a search inside the bookmarks finds it", async () => {
    await say("bookmarks"); // a number means the paper so numbered in the last list seen
    const saved = await say("note 1 <!channel> compare & contrast with *this*");
    expect(saved.text).toMatch(/^📝 Saved your note on/);
    const list = await say("bookmarks");
    const text = blockText(list.blocks);
    expect(text).toContain(":memo: _Your note:_ &lt;!channel&gt; compare &amp; contrast with *this*");
    const newest = h.services.catalog.get(ids[2]!)!;
    const found = await say("bookmarks contrast");
    expect(blockText(found.blocks)).toContain(newest.title.slice(0, 30).replace(/&/g, "&amp;"));
    expect(found.text).toMatch(/^Your bookmarks matching "contrast" \(1 of 1\)/);
  });

  it("the App Home shows the note under its bookmark too", async () => {
    const { cards } = await homeCards(h.services, alice);
    expect(blockText(renderHome(cards, cards.length).blocks)).toContain(":memo: _Your note:_ &lt;!channel&gt; compare &amp; contrast with *this*");
  });

  it("a note over the limit gets one sentence back and nothing changes", async () => {
    const reply = await say(`note 1 ${"x".repeat(600)}`);
    expect(reply.text).toMatch(/^:warning: Notes can be up to 500 characters|Notes can be up to 500 characters/);
    expect((await h.services.bookmarks.list(alice)).entries[0]!.note).toBe("<!channel> compare & contrast with *this*");
  });
});
