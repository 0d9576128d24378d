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
    // Typed as written: Slack sends a typed < > & escaped (a bare "<!channel>" would be its @channel markup).
    const saved = await say("note 1 &lt;!channel&gt; compare &amp; contrast with *this*");
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

  it("the App Home of a long list with notes stays within Slack's 100 blocks, counting the papers it leaves out", async () => {
    const bob = { ...alice, userId: "U0BOB" };
    const trending = (await h.services.papers.trending(localDate(new Date(), "UTC")))!.ids.slice(0, 25);
    for (const id of trending) { await h.services.bookmarks.add(bob, id); await h.services.bookmarks.setNote(bob, id, "read the ablations"); }
    const earlier = h.emulator.okCalls("views.publish").length;
    await h.requester.event({ type: "app_home_opened", user: "U0BOB", channel: "D0BOB", tab: "home" }, "EvHomeLong");
    const call = await h.emulator.waitFor(() => h.emulator.calls.slice(earlier).find((c) => c.method === "views.publish" && c.params.user_id === "U0BOB"));
    expect(call.error).toBeUndefined(); // the emulator refuses a view of more than 100 blocks, as Slack does
    const blocks = JSON.parse(call.params.view).blocks;
    const shown = blocks.filter((b: { type: string }) => b.type === "divider").length;
    expect(shown).toBeLessThan(25);
    expect(blockText(blocks)).toContain(`…and ${25 - shown} more.`);
  });

  it("a note over the limit gets one sentence back and nothing changes", async () => {
    const reply = await say(`note 1 ${"x".repeat(600)}`);
    expect(reply.text).toMatch(/^:warning: Notes can be up to 500 characters|Notes can be up to 500 characters/);
    expect((await h.services.bookmarks.list(alice)).entries[0]!.note).toBe("<!channel> compare & contrast with *this*");
  });
});
