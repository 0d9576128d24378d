// Signatures, Share to channel, the 🔖 reaction round trip, redeliveries, the App Home and exports,
// all through real Bolt over loopback against the Slack emulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { localDate } from "../../src/core/time.ts";
import { slackSignature } from "../emulators/slack/index.ts";
import { blockText, elements, openHome, SIGNING_SECRET, startHarness, type SlackHarness } from "./harness.ts";

let h: SlackHarness;
let paperId: string;
const alice = { platform: "slack" as const, workspaceId: "T0TEST", userId: "U0ALICE" };

beforeAll(async () => {
  h = await startHarness();
  paperId = (await h.services.papers.trending(localDate(new Date(), "UTC")))!.ids[0]!;
});
afterAll(async () => { await h?.close(); });
const settle = () => new Promise((r) => setTimeout(r, 150));
// Work after an ack (a Home refresh) can land just after a test ends: let it, then start clean.
beforeEach(async () => { await settle(); h.emulator.reset(); });

/** Clicks Share on `paperId` and returns the channel message the bot posted. */
async function share(id = paperId, channelId = "C0GENERAL") {
  // Each test shares afresh: within 10 minutes a second Share would point to the first one's message
  // instead of posting again (tests/hardening/duplicates.test.ts), so the earlier record and claim go.
  await h.services.db.postedMessage.deleteMany({ where: { paperId: id, channelId, kind: "share" } });
  await h.services.db.processedEvent.deleteMany({ where: { eventId: { startsWith: "share:" } } });
  const rid = h.nextResponseId();
  const ack = await h.requester.blockAction({ actionId: "paper_share", value: id }, { responseUrl: h.emulator.responseUrl(rid), channelId });
  expect(ack.status).toBe(200);
  const confirmation = await h.emulator.response(rid);
  return { confirmation: confirmation.body, post: h.emulator.okCalls("chat.postMessage").at(-1) };
}

async function bookmarkIds(): Promise<string[]> {
  if (h.registry.has("bookmarks")) {
    const rid = h.nextResponseId();
    await h.requester.command("bookmarks", h.emulator.responseUrl(rid));
    const answer = (await h.emulator.response(rid)).body;
    return elements(answer.blocks, "button").filter((b) => b.action_id === "paper_unbookmark").map((b) => b.value);
  }
  return (await h.services.bookmarks.list(alice)).entries.map((e) => e.paperId);
}

describe("request verification", () => {
  it("a forged signature gets 401 and nothing runs", async () => {
    const rid = h.nextResponseId();
    const res = await h.requester.command("trending", h.emulator.responseUrl(rid), {}, { signature: slackSignature("not-the-secret", Math.floor(Date.now() / 1000), "x") });
    expect(res.status).toBe(401);
    await settle();
    expect(h.emulator.calls).toHaveLength(0);
    expect(h.emulator.responses).toHaveLength(0);
  });

  it("a correctly signed request older than 5 minutes gets 401 and nothing runs", async () => {
    const rid = h.nextResponseId();
    const res = await h.requester.command("trending", h.emulator.responseUrl(rid), {}, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    const events = await h.requester.reaction(true, { channel: "C0GENERAL", ts: "1.000001" }, "EvStale", {}, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(events.status).toBe(401);
    await settle();
    expect(h.emulator.calls).toHaveLength(0);
    expect(h.emulator.responses).toHaveLength(0);
  });

  it("a signed body that is JSON but not an object (null, a number) gets 400, and the next request is answered", async () => {
    for (const body of ["null", "42", '"text"']) {
      const res = await h.requester.send(body, "application/json");
      expect(res.status, body).toBe(400);
    }
    const rid = h.nextResponseId();
    expect((await h.requester.command("help", h.emulator.responseUrl(rid))).status).toBe(200);
    await h.emulator.response(rid);
  });

  it("the same request signed with the real secret passes (the 401s are about the signature)", async () => {
    const rid = h.nextResponseId();
    expect(SIGNING_SECRET).toBeTruthy();
    const res = await h.requester.command("help", h.emulator.responseUrl(rid));
    expect(res.status).toBe(200);
    await h.emulator.response(rid);
  });
});

describe("share and the 🔖 reaction round trip", () => {
  it("Share posts a real channel message with metadata-free Block Kit and records which paper it shows", async () => {
    const { confirmation, post } = await share();
    expect(post, "chat.postMessage").toBeDefined();
    expect(post!.params.channel).toBe("C0GENERAL");
    // Form bodies carry blocks as a JSON string, JSON bodies (the digest transport's) as an array.
    const blocks = typeof post!.params.blocks === "string" ? JSON.parse(post!.params.blocks) : post!.params.blocks;
    const title = h.services.catalog.get(paperId)!.title;
    expect(post!.params.text).toContain(title);
    // A bot's "<@U…>" would notify the sharer: no mention, and the title once, in the card, not above it too.
    expect(post!.params.text).toBe(`Shared by a teammate: ${title}`);
    expect(blocks[0].text.text).toBe("Shared by a teammate:");
    expect(blockText(blocks)).toContain("React with :bookmark:");
    expect(elements(blocks, "button").map((b) => b.action_id)).toEqual(["paper_bookmark", "paper_similar", "paper_discuss", "paper_notInterested"]);
    const ts = h.emulator.messages.at(-1)!.ts;
    expect(await h.services.posted.paperFor({ platform: "slack", workspaceId: "T0TEST", channelId: "C0GENERAL" }, ts)).toBe(paperId);
    expect(confirmation.response_type).toBe("ephemeral");
    expect(confirmation.text).toMatch(/^Shared/);
  });

  it("react → bookmarked (ephemeral note to the reactor only) → un-react → gone", async () => {
    await share();
    const ts = h.emulator.messages.at(-1)!.ts;
    h.emulator.reset();

    const added = await h.requester.reaction(true, { channel: "C0GENERAL", ts }, "EvAdd1");
    expect(added.status).toBe(200);
    const note = await h.emulator.waitFor(() => h.emulator.okCalls("chat.postEphemeral")[0]);
    expect(note.params).toMatchObject({ channel: "C0GENERAL", user: "U0ALICE" });
    expect(note.params.text).toMatch(/Bookmarked/);
    expect(note.params.thread_ts).toBeUndefined(); // a message in no thread: the note is in the channel
    expect(h.emulator.callsTo("chat.postMessage")).toHaveLength(0); // the channel sees nothing extra
    expect(await bookmarkIds()).toContain(paperId);
    // The App Home follows the reading list when next opened.
    await openHome(h, "U0ALICE", "EvHomeAfterReaction");
    const home = await h.emulator.waitFor(() => h.emulator.okCalls("views.publish").find((c) => c.params.user_id === "U0ALICE"));
    expect(blockText(JSON.parse(home.params.view).blocks)).toContain(h.services.catalog.get(paperId)!.title.slice(0, 30).replace(/&/g, "&amp;"));
    // Numbered like every list a person sees (issue 14), as /papers bookmarks numbers it.
    expect(blockText(JSON.parse(home.params.view).blocks)).toMatch(/\*1\. </);

    const removed = await h.requester.reaction(false, { channel: "C0GENERAL", ts }, "EvRemove1");
    expect(removed.status).toBe(200);
    const second = await h.emulator.waitFor(() => h.emulator.okCalls("chat.postEphemeral")[1]);
    expect(second.params.text).toMatch(/^Removed/);
    expect(await bookmarkIds()).not.toContain(paperId);
  });

  it("a reaction on a message the bot did not post, or another emoji, is ignored silently", async () => {
    await h.requester.reaction(true, { channel: "C0GENERAL", ts: "1700000000.123456" }, "EvOther1", { author: "U0CAROL" });
    const { post } = await share();
    h.emulator.reset();
    await h.requester.reaction(true, { channel: "C0GENERAL", ts: String(post!.params.ts ?? h.emulator.messages.at(-1)?.ts ?? "") }, "EvOther2", { reaction: "tada" });
    await settle();
    expect(h.emulator.calls).toHaveLength(0);
    expect(h.emulator.responses).toHaveLength(0);
    expect(await h.services.db.processedEvent.count({ where: { eventId: { in: ["EvOther1", "EvOther2"] } } })).toBe(1); // only the 🔖 one was claimed
  });

  it("a 🔖 added or taken back by another app's bot user (users.info says is_bot) bookmarks nothing and says nothing, as on Discord", async () => {
    const { post } = await share();
    const ts = String(post!.params.ts ?? h.emulator.messages.at(-1)!.ts);
    h.emulator.botUsers.add("U0WORKFLOW");
    const workflow = { platform: "slack" as const, workspaceId: "T0TEST", userId: "U0WORKFLOW" };
    h.emulator.reset();
    await h.requester.reaction(true, { channel: "C0GENERAL", ts }, "EvBotAdd", { userId: "U0WORKFLOW" });
    await h.requester.reaction(false, { channel: "C0GENERAL", ts }, "EvBotRemove", { userId: "U0WORKFLOW" });
    await h.requester.reaction(true, { channel: "C0GENERAL", ts }, "EvSelfAdd", { userId: "U0BOT" });
    await settle();
    expect(await h.services.bookmarks.has(workflow, paperId)).toBe(false);
    expect(h.emulator.callsTo("chat.postEphemeral")).toHaveLength(0);
    expect(h.emulator.callsTo("users.info")).toHaveLength(1); // asked once per user; the bot's own id not at all
    // A person's 🔖 right after still bookmarks.
    await h.services.bookmarks.remove(alice, paperId);
    await h.requester.reaction(true, { channel: "C0GENERAL", ts }, "EvPersonAfterBot");
    await h.emulator.waitFor(() => h.emulator.okCalls("chat.postEphemeral")[0]);
    expect(await h.services.bookmarks.has(alice, paperId)).toBe(true);
  });

  it("a 🔖 on the bot's own message that shows no one paper (a digest's header) says where a 🔖 bookmarks", async () => {
    h.emulator.reset();
    await h.requester.reaction(true, { channel: "C0GENERAL", ts: "1700000000.654321" }, "EvHeader1");
    const note = await h.emulator.waitFor(() => h.emulator.okCalls("chat.postEphemeral")[0]);
    expect(note.params).toMatchObject({ channel: "C0GENERAL", user: "U0ALICE" });
    expect(note.params.text).toBe("That message shows no one paper, so there is nothing on it to bookmark; react with 🔖 on a paper's own message, or press its Bookmark button.");
    // Taking it back says nothing more.
    await h.requester.reaction(false, { channel: "C0GENERAL", ts: "1700000000.654321" }, "EvHeader2");
    await settle();
    expect(h.emulator.okCalls("chat.postEphemeral")).toHaveLength(1);
  });

  it("the same event delivered twice (and as a Slack retry) bookmarks once and confirms once", async () => {
    await share();
    const ts = h.emulator.messages.at(-1)!.ts;
    await h.services.bookmarks.remove(alice, paperId);
    h.emulator.reset();
    await Promise.all([
      h.requester.reaction(true, { channel: "C0GENERAL", ts }, "EvDup1"),
      h.requester.reaction(true, { channel: "C0GENERAL", ts }, "EvDup1"),
    ]);
    await h.requester.reaction(true, { channel: "C0GENERAL", ts }, "EvDup1", {}, { retryNum: 1 });
    await h.emulator.waitFor(() => h.emulator.okCalls("chat.postEphemeral")[0]);
    await settle();
    expect(h.emulator.callsTo("chat.postEphemeral")).toHaveLength(1);
    expect((await h.services.bookmarks.list(alice)).entries.filter((e) => e.paperId === paperId)).toHaveLength(1);
  });

  // chat:write.public posts the share, but Slack sends reactions only from channels the app is in: the bot joins
  // first, as subscribing there does, so a 🔖 on the shared paper bookmarks it.
  it("Share into a public channel the bot is not in joins it, so a 🔖 on the shared paper bookmarks it; one it may not join says to invite it", async () => {
    h.emulator.addConversation("C0LOBBY", { type: "public", members: ["U0ALICE"] });
    await h.services.bookmarks.remove(alice, paperId);
    const { confirmation, post } = await share(paperId, "C0LOBBY");
    expect(post!.params.channel).toBe("C0LOBBY");
    expect(h.emulator.okCalls("conversations.join").map((c) => c.params.channel)).toEqual(["C0LOBBY"]);
    expect(h.emulator.conversations.get("C0LOBBY")!.members).toContain("U0BOT");
    expect(confirmation.text).toMatch(/^Shared .* React with 🔖 to bookmark it\.$/);
    await h.requester.reaction(true, { channel: "C0LOBBY", ts: h.emulator.messages.at(-1)!.ts }, "EvLobbyAdd");
    await h.emulator.waitFor(() => h.emulator.okCalls("chat.postEphemeral")[0]);
    expect(await h.services.bookmarks.has(alice, paperId)).toBe(true);

    h.emulator.addConversation("C0OLDAPP", { type: "public", members: ["U0ALICE"] });
    h.emulator.failMethod("conversations.join", { kind: "error", error: "missing_scope" }, 1);
    const unheard = await share(paperId, "C0OLDAPP");
    expect(unheard.post!.params.channel).toBe("C0OLDAPP");
    expect(unheard.confirmation.text).toMatch(/^Shared .* Invite me with \/invite <@U0BOT> so a 🔖 on it bookmarks it\.$/);
  });

  it("Share in a channel the bot cannot post to says how to fix it, in one sentence", async () => {
    h.emulator.failChannel("C0PRIVATE", { kind: "error", error: "not_in_channel" });
    const { confirmation } = await share(paperId, "C0PRIVATE");
    // The bot as Slack shows it (the name the admin gave the app), not a name written into the code.
    expect(confirmation.text).toBe("I can't post in this channel yet; add me with /invite <@U0BOT> and click Share again.");
    expect(await h.services.db.postedMessage.count({ where: { channelId: "C0PRIVATE" } })).toBe(0);
  });
});

describe("share in a direct message", () => {
  it("a list in a DM offers no Share, and an old Share button pressed there posts nothing and says where sharing works", async () => {
    const rid = h.nextResponseId();
    await h.requester.command("moe", h.emulator.responseUrl(rid), { channelId: "D0ALICE" });
    const listed = (await h.emulator.response(rid)).body;
    const buttons = elements(listed.blocks, "button").map((b) => b.action_id);
    expect(buttons).toContain("paper_bookmark");
    expect(buttons).not.toContain("paper_share");
    const { confirmation } = await share(paperId, "D0ALICE");
    expect(confirmation.text).toBe("I can only share papers to channels; run the search in a channel to share from it.");
    expect(h.emulator.okCalls("chat.postMessage").filter((c) => c.params.channel === "D0ALICE")).toHaveLength(0);
  });
});

describe("buttons, App Home and exports", () => {
  it("Bookmark and Remove buttons answer privately; in the Home tab the refreshed list is the answer", async () => {
    await h.services.bookmarks.remove(alice, paperId);
    const rid = h.nextResponseId();
    await h.requester.blockAction({ actionId: "paper_bookmark", value: paperId }, { responseUrl: h.emulator.responseUrl(rid) });
    expect((await h.emulator.response(rid)).body.text).toMatch(/^🔖 Bookmarked/);
    expect(await h.services.bookmarks.has(alice, paperId)).toBe(true);
    // The Home Slack shows Alice has the paper once she opens it (published then, unless it showed it already).
    await openHome(h, "U0ALICE", "EvHomeBeforeRemove");
    await h.emulator.waitFor(() => elements(h.emulator.homeViews.get("U0ALICE")?.blocks, "button")
      .some((b) => b.action_id === "paper_unbookmark" && b.value === paperId));

    h.emulator.reset();
    await h.requester.blockAction({ actionId: "paper_unbookmark", value: paperId }, { inHome: true });
    const home = await h.emulator.waitFor(() => h.emulator.okCalls("views.publish")[0]);
    expect(blockText(JSON.parse(home.params.view).blocks)).toContain("Nothing saved yet.");
    expect(await h.services.bookmarks.has(alice, paperId)).toBe(false);
    expect(h.emulator.responses).toHaveLength(0);
  });

  it("a button this version does not know (an old message's) is answered, not dropped", async () => {
    const rid = h.nextResponseId();
    await h.requester.blockAction({ actionId: "paper_frobnicate", value: paperId }, { responseUrl: h.emulator.responseUrl(rid) });
    expect((await h.emulator.response(rid)).body.text).toMatch(/That button has expired; run the command again\./);
  });

  it("overflow menu options run the same actions as buttons", async () => {
    const rid = h.nextResponseId();
    await h.requester.blockAction({ actionId: "paper_menu", selectedValue: `bookmark:${paperId}` }, { responseUrl: h.emulator.responseUrl(rid) });
    expect((await h.emulator.response(rid)).body.text).toMatch(/Bookmarked|already in your bookmarks/);
    expect(await h.services.bookmarks.has(alice, paperId)).toBe(true);
  });

  // Slack shows the view last published each time the tab opens, and says so with app_home_opened: the Home is
  // brought up to date then, whatever changed the list, and an unchanged one is not published again.
  it("the App Home is current when next opened, whatever changed the list, and costs no call while it is", async () => {
    const ids = (await h.services.papers.trending(localDate(new Date(), "UTC")))!.ids.slice(4, 6);
    for (const id of ids) await h.services.bookmarks.remove(alice, id);
    h.emulator.homeViews.delete("U0ALICE"); // opened for the first time
    await openHome(h, "U0ALICE", "EvHomeFresh1");
    await h.emulator.waitFor(() => h.emulator.okCalls("views.publish")[0]);
    await openHome(h, "U0ALICE", "EvHomeFresh2");
    await settle();
    expect(h.emulator.callsTo("views.publish")).toHaveLength(1);
    // Slash commands, a 🔖 and buttons in a channel change the list without publishing a Home nobody is looking at.
    const say = async (text: string) => { const rid = h.nextResponseId(); await h.requester.command(text, h.emulator.responseUrl(rid)); await h.emulator.response(rid); };
    await say(`bookmark ${ids[0]}`);
    await say("note 1 compare with the MoE survey");
    await h.requester.blockAction({ actionId: "paper_bookmark", value: ids[1] }, { responseUrl: h.emulator.responseUrl(h.nextResponseId()) });
    await h.emulator.waitFor(() => h.emulator.responses.length >= 3 && h.emulator.responses[2]);
    await settle();
    expect(h.emulator.callsTo("views.publish")).toHaveLength(1);
    await openHome(h, "U0ALICE", "EvHomeFresh3");
    const home = await h.emulator.waitFor(() => h.emulator.okCalls("views.publish")[1]);
    const shown = JSON.parse(home.params.view);
    expect(elements(shown.blocks, "button").filter((b) => b.action_id === "paper_unbookmark").map((b) => b.value).slice(0, 2)).toEqual([ids[1], ids[0]]);
    expect(blockText(shown.blocks)).toContain("compare with the MoE survey");
  });

  it("opening the App Home publishes the person's bookmarks, newest first", async () => {
    const ids = (await h.services.papers.trending(localDate(new Date(), "UTC")))!.ids.slice(1, 4);
    for (const id of ids) { await h.services.bookmarks.add(alice, id); await new Promise((r) => setTimeout(r, 5)); }
    const earlier = h.emulator.okCalls("views.publish").length;
    await h.requester.event({ type: "app_home_opened", user: "U0ALICE", channel: "D0ALICE", tab: "home" }, "EvHome1");
    // The view this event published: an earlier test's click may still be refreshing the Home on a loaded machine.
    const shownIn = (call: { params: Record<string, any> }) => elements(JSON.parse(call.params.view).blocks, "button")
      .filter((b) => b.action_id === "paper_unbookmark").map((b) => b.value);
    const call = await h.emulator.waitFor(() => h.emulator.okCalls("views.publish").slice(earlier)
      .find((c) => shownIn(c).slice(0, 3).join() === [...ids].reverse().join()));
    expect(JSON.parse(call.params.view).type).toBe("home");
  });

  it("/papers export bibtex uploads the file to the person's DM (files.uploadV2 flow)", async () => {
    await h.services.bookmarks.add(alice, paperId);
    const rid = h.nextResponseId();
    await h.requester.command("export bibtex", h.emulator.responseUrl(rid));
    const answer = (await h.emulator.response(rid)).body;
    expect(answer.text).toMatch(/sent papers-bookmarks\.bib to you in a direct message/);
    const file = [...h.emulator.files.values()][0]!;
    expect(file).toMatchObject({ filename: "papers-bookmarks.bib", channel: "DU0ALICE", completed: true });
    expect(file.content).toMatch(/^@\w+\{/m);
    expect(h.emulator.okCalls("files.getUploadURLExternal")).toHaveLength(1);
    expect(h.emulator.okCalls("files.completeUploadExternal")).toHaveLength(1);
  });

  it("when the upload fails, the export arrives inline as a code block", async () => {
    await h.services.bookmarks.add(alice, paperId);
    h.emulator.failMethod("files.getUploadURLExternal", { kind: "error", error: "missing_scope" });
    const rid = h.nextResponseId();
    await h.requester.command("export bibtex", h.emulator.responseUrl(rid));
    const answer = (await h.emulator.response(rid)).body;
    expect(blockText(answer.blocks)).toMatch(/```@\w+\{/);
    expect(answer.response_type).toBe("ephemeral");
    expect(h.services.logs.text).toContain("slack file upload failed");
  });

  it("logs carry no token", async () => {
    expect(h.services.logs.text.length).toBeGreaterThan(0);
    expect(h.services.logs.text).not.toContain(h.emulator.token);
    expect(h.services.logs.text).not.toContain(SIGNING_SECRET);
  });
});
