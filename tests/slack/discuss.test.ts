// Discuss on Slack (issue 15, item 3): a reply in the message's thread with the abstract, the links and
// who asked, once per message however often (and however concurrently) it is pressed. Real Bolt over
// loopback against the Slack emulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { localDate } from "../../src/core/time.ts";
import { blockText, elements, startHarness, type SlackHarness } from "./harness.ts";

let h: SlackHarness;
let paperId: string;
beforeAll(async () => {
  h = await startHarness();
  paperId = (await h.services.papers.trending(localDate(new Date(), "UTC")))!.ids[1]!;
});
afterAll(async () => { await h?.close(); });
beforeEach(async () => { await new Promise((r) => setTimeout(r, 100)); h.emulator.reset(); });

/** Shares the paper to the channel (a real channel message) and returns its ts. */
async function shared(id = paperId): Promise<string> {
  // A fresh message each time: within 10 minutes a second Share points to the first one instead of posting.
  await h.services.db.postedMessage.deleteMany({ where: { paperId: id, kind: "share" } });
  await h.services.db.processedEvent.deleteMany({ where: { eventId: { startsWith: "share:" } } });
  const rid = h.nextResponseId();
  await h.requester.blockAction({ actionId: "paper_share", value: id }, { responseUrl: h.emulator.responseUrl(rid) });
  await h.emulator.response(rid);
  return h.emulator.messages.at(-1)!.ts;
}

async function pressDiscuss(ts: string, userId: string, id = paperId) {
  const rid = h.nextResponseId();
  const ack = await h.requester.blockAction({ actionId: "paper_discuss", value: id }, { responseUrl: h.emulator.responseUrl(rid), messageTs: ts, userId });
  expect(ack.status).toBe(200);
  return (await h.emulator.response(rid)).body;
}

const threadReplies = (ts: string) => h.emulator.messages.filter((m) => m.threadTs === ts);

describe("Discuss on Slack", () => {
  it("shared papers carry a Discuss button; pressing it replies in the message's thread with the abstract, links and who asked", async () => {
    const ts = await shared();
    const parent = h.emulator.messages.find((m) => m.ts === ts)!;
    expect(elements(parent.blocks, "button").map((b) => b.action_id)).toContain("paper_discuss");
    const answer = await pressDiscuss(ts, "U0ALICE");
    const paper = h.services.catalog.get(paperId)!;
    expect(answer.text).toBe(`💬 Opened a discussion of “${paper.title}” in this message's thread.`);
    const replies = threadReplies(ts);
    expect(replies).toHaveLength(1);
    const text = blockText(replies[0]!.blocks);
    expect(text).toContain("<@U0ALICE> started a discussion of");
    expect(text).toContain(paper.summary.slice(0, 80).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
    expect(text).toContain(`|Hugging Face>`);
    if (paper.arxivId) expect(text).toContain(`<https://arxiv.org/pdf/${paper.arxivId}|PDF>`);
    for (const block of replies[0]!.blocks as any[]) if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
  });

  it("a 🔖 on the thread's first message, which shows the paper in full, bookmarks the paper", async () => {
    const ts = await shared();
    await pressDiscuss(ts, "U0ALICE");
    const starter = threadReplies(ts)[0]!;
    await h.requester.reaction(true, { channel: "C0GENERAL", ts: starter.ts }, "EvDiscussBookmark", { userId: "U0CAROL" });
    const note = await h.emulator.waitFor(() => h.emulator.okCalls("chat.postEphemeral").find((c) => c.params.user === "U0CAROL"));
    expect(note.params.text).toMatch(/^🔖 Bookmarked “/);
    // Said in the thread, where Carol reacted, not only in the channel's main view.
    expect(note.params.thread_ts).toBe(ts);
    expect(await h.services.bookmarks.has({ platform: "slack", workspaceId: h.emulator.teamId, userId: "U0CAROL" }, paperId)).toBe(true);
    // The thread's first message is no new post of the paper in the channel: sharing it again still posts.
    h.emulator.reset();
    expect(await shared()).not.toBe(ts);
  });

  it("a thread lookup Slack rate-limits does not hold the 🔖 note back: it comes at once, in the channel", async () => {
    const ts = await shared();
    await pressDiscuss(ts, "U0ALICE");
    const starter = threadReplies(ts)[0]!;
    h.emulator.failMethod("conversations.replies", { kind: "ratelimited", retryAfter: 30 });
    const started = Date.now();
    await h.requester.reaction(true, { channel: "C0GENERAL", ts: starter.ts }, "EvDiscussSlowLookup", { userId: "U0DAVE" });
    const note = await h.emulator.waitFor(() => h.emulator.okCalls("chat.postEphemeral").find((c) => c.params.user === "U0DAVE"));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(note.params.text).toMatch(/^🔖 Bookmarked “/);
    expect(note.params.thread_ts).toBeUndefined();
    h.emulator.failures.clear();
  });

  it("pressing again (by anyone) opens no second thread and says where the discussion is", async () => {
    const ts = await shared();
    await pressDiscuss(ts, "U0ALICE");
    const again = await pressDiscuss(ts, "U0BOB");
    expect(again.text).toMatch(/is already open in this message's thread/);
    expect(threadReplies(ts)).toHaveLength(1);
  });

  it("concurrent presses still give one thread", async () => {
    const ts = await shared();
    const answers = await Promise.all(["U0A1", "U0A2", "U0A3", "U0A4"].map((u) => pressDiscuss(ts, u)));
    expect(threadReplies(ts)).toHaveLength(1);
    expect(answers.filter((a) => /^💬 Opened/.test(a.text))).toHaveLength(1);
    const rows = await h.services.db.discussThread.findMany({ where: { messageId: ts } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "open", threadId: ts });
  });

  it("a failed thread reply leaves nothing claimed, so the next press opens it", async () => {
    const ts = await shared();
    h.emulator.failMethod("chat.postMessage", { kind: "server", status: 503 }, 1);
    const failed = await pressDiscuss(ts, "U0ALICE");
    expect(failed.text).toMatch(/busy right now; press Discuss again/);
    expect(threadReplies(ts)).toHaveLength(0);
    const retried = await pressDiscuss(ts, "U0ALICE");
    expect(retried.text).toMatch(/^💬 Opened/);
    expect(threadReplies(ts)).toHaveLength(1);
  });

  it("a message deleted before Discuss is pressed is said to be gone", async () => {
    const ts = await shared();
    h.emulator.messages.splice(h.emulator.messages.findIndex((m) => m.ts === ts), 1);
    expect((await pressDiscuss(ts, "U0ALICE")).text).toBe("That message was deleted, so there is no thread to open on it; share the paper again and press Discuss on the new one.");
    expect(threadReplies(ts)).toHaveLength(0);
  });

  it("on a private reply (no channel message) it says to share the paper first", async () => {
    const rid = h.nextResponseId();
    await h.requester.blockAction({ actionId: "paper_discuss", value: paperId }, { responseUrl: h.emulator.responseUrl(rid) });
    const answer = (await h.emulator.response(rid)).body;
    expect(answer.text).toMatch(/share the paper first/);
    expect(h.emulator.okCalls("chat.postMessage")).toHaveLength(0);
  });
});
