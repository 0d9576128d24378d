// /papers through real Bolt over loopback: ack first (empty, fast), the answer at the response_url.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDate } from "../../src/core/time.ts";
import { toCard } from "../../src/core/messages/reply.ts";
import { escapeText } from "../../src/adapters/slack/render.ts";
import { blockText, elements, startHarness, type SlackHarness } from "./harness.ts";

let h: SlackHarness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

/** Sends `/papers <text>` and returns the ack and the first answer at its response_url. */
async function papers(text: string) {
  const id = h.nextResponseId();
  const ack = await h.requester.command(text, h.emulator.responseUrl(id));
  const answer = await h.emulator.response(id);
  return { ack, answer: answer.body, id };
}

const STACK = /\n\s+at\s|Error:|\.ts:\d+|node_modules|TypeError|undefined/;

describe("/papers over real Bolt", () => {
  it("reads the words after the bot's own handle, picked or typed, as the command", async () => {
    const header = (answer: Record<string, any>) => blockText(answer.blocks).split("\n")[0]!.replace(/"[^"]*"/, '"…"');
    const plain = header((await papers("moe")).answer);
    expect(plain).toMatch(/^Papers for/);
    for (const addressed of [`<@${h.emulator.botUserId}> moe`, `<@${h.emulator.botUserId}|papers-bot> moe`, "@papers-bot moe", "@Papers-Bot, moe"]) {
      const { answer } = await papers(addressed);
      expect(blockText(answer.blocks), addressed).toContain('Papers for "moe"');
      expect(header(answer), addressed).toBe(plain);
    }
    // Somebody else's handle is no address to the bot: searched as typed.
    expect(blockText((await papers("@ada moe")).answer.blocks)).not.toContain('Papers for "moe"');
  });

  it("acks help with an empty 200 and answers with escaped Block Kit built from the registry", async () => {
    const { ack, answer } = await papers("help");
    expect(ack.status).toBe(200);
    expect(ack.body).toBe("");
    expect(answer.response_type).toBe("ephemeral");
    expect(answer.replace_original).toBe(false);
    const text = blockText(answer.blocks);
    for (const command of h.registry.visible()) expect(text).toContain(`/papers ${command.data.name}`);
    // "<words>" unescaped would be a broken Slack link.
    expect(text).toContain("/papers &lt;words&gt;");
    expect(text).not.toMatch(/<words>/);
  });

  // Answers echo the query; Slack parses <!channel>, <!here> and <@U…> in the notification text as well as in
  // the blocks, so an echo must be escaped in both or it notifies the channel. Slack sends & < > escaped.
  it("echoes a query holding mentions without mentioning anyone, and reads Slack's escaped & < >", async () => {
    const { answer } = await papers("&lt;!channel&gt; &lt;@U0BOB&gt; q&amp;a moe");
    for (const text of [answer.text as string, blockText(answer.blocks)]) {
      expect(text).toContain("&lt;!channel&gt; &lt;@U0BOB&gt; q&amp;a moe");
      expect(text).not.toMatch(/<!channel>|<@U0BOB>|&amp;amp;/);
    }
  });

  it("links the channel it names ('Subscribed #general'), as a channel link, in the text and the blocks", async () => {
    const { answer } = await papers("subscribe 09:00 UTC");
    for (const text of [answer.text as string, blockText(answer.blocks)]) {
      expect(text).toMatch(/^Subscribed <#C\w+>: next digest/m);
      expect(text).not.toContain("&lt;#");
    }
    await papers("unsubscribe");
  });

  // A slash command runs in any conversation; the bot posts only where Slack lets it. Refused at once, with where
  // it works, instead of accepted and paused at the first digest.
  it("subscribe where the bot could never post (a DM between people, a private channel without it) is refused in one sentence; in a public channel it joins", async () => {
    h.emulator.addConversation("D0ALICEBOB", { type: "im", members: ["U0ALICE", "U0BOB"] });
    h.emulator.addConversation("C0SECRET", { type: "private", members: ["U0ALICE"] });
    h.emulator.addConversation("C0OPEN", { type: "public", members: ["U0ALICE"] });
    const subscribeIn = async (channelId: string, text = "subscribe 09:00 UTC") => {
      const id = h.nextResponseId();
      await h.requester.command(text, h.emulator.responseUrl(id), { channelId });
      return (await h.emulator.response(id)).body.text as string;
    };
    const channel = (channelId: string) => ({ platform: "slack" as const, workspaceId: "T0TEST", channelId });
    expect(await subscribeIn("D0ALICEBOB")).toBe("I can't post in a direct message between people, so a digest here could never arrive: " +
      "subscribe in a channel I'm in (or in your DM with me), or /papers subscribe me 09:00 for your own picks by DM.");
    expect(await subscribeIn("C0SECRET")).toBe("I'm not in this conversation, so its digest could never arrive: invite me with /invite <@U0BOT> " +
      "and subscribe again, or /papers subscribe me 09:00 for your own picks by DM.");
    for (const id of ["D0ALICEBOB", "C0SECRET"]) expect(await h.services.subscriptions.get(channel(id))).toBeNull();
    // Where the bot can post: a public channel it is not in (chat:write.public), its own DM with the person.
    const open = await subscribeIn("C0OPEN");
    expect(open).toMatch(/^Subscribed <#C0OPEN>/);
    expect(await subscribeIn("DU0ALICE")).toMatch(/^Subscribed this DM/);
    // Slack sends reactions only from channels the app is in: the bot joins the public channel, so a 🔖 on the
    // digest reaches it; one that may not join (an install without channels:join) says to invite it.
    expect(h.emulator.okCalls("conversations.join").map((c) => c.params.channel)).toEqual(["C0OPEN"]);
    expect(h.emulator.conversations.get("C0OPEN")!.members).toContain("U0BOT");
    expect(open).not.toMatch(/invite/);
    h.emulator.addConversation("C0OLDAPP", { type: "public", members: ["U0ALICE"] });
    h.emulator.failMethod("conversations.join", { kind: "error", error: "missing_scope" }, 1);
    expect(await subscribeIn("C0OLDAPP")).toMatch(/^Subscribed <#C0OLDAPP>.* Invite me with \/invite <@U0BOT> too, so a :bookmark: on its papers reaches me\. /);
    // A personal digest comes by the bot's own DM, wherever it is asked for.
    expect(await subscribeIn("D0ALICEBOB", "subscribe me 08:30")).toMatch(/^You'll get your own papers by direct message/);
    for (const [id, text] of [["C0OPEN", "unsubscribe"], ["C0OLDAPP", "unsubscribe"], ["DU0ALICE", "unsubscribe"], ["D0ALICEBOB", "unsubscribe me"]]) await subscribeIn(id!, text);
  });

  // The subscribe command unsubscribe offers back is to be copied: its topic shows as typed, not as bold and italics.
  it("unsubscribe offers back the topic as typed, its * and _ kept from formatting", async () => {
    await papers("subscribe 09:00 UTC *world* _model_");
    const { answer } = await papers("unsubscribe");
    const offered = /Subscribe again any time with (.*)\.$/.exec(blockText(answer.blocks))![1]!;
    expect(offered.replace(/\u200b[*_]\u200b/g, "")).not.toMatch(/[*_]/);
    expect(offered.replace(/\u200b/g, "")).toBe("/papers subscribe 09:00 UTC *world* _model_");
  });

  // As Slack's /remind takes "#channel": the person meant the digest for #random, not this channel's about "random".
  it("a channel named with subscribe is not taken as the topic of this channel's digest: it says where to run it", async () => {
    for (const text of ["subscribe #random 09:00 UTC", "subscribe 09:00 UTC &lt;#C0RANDOM|random&gt; diffusion"]) {
      const { answer } = await papers(text);
      expect(answer.text).toMatch(/^"(#random|&lt;#C0RANDOM\|random&gt;)" names a channel, and a digest goes to the channel it is set up in: run \/papers subscribe 09:00 UTC( diffusion)? in that channel itself/);
      expect(blockText(answer.blocks)).toMatch(/^:warning: /);
    }
    expect(await h.services.subscriptions.get({ platform: "slack", workspaceId: h.emulator.teamId, channelId: "C0GENERAL" })).toBeNull();
  });

  it("acks before doing the work: the ack arrives while the answer's delivery is still held open", async () => {
    const hold = h.emulator.holdResponses();
    try {
      const id = h.nextResponseId();
      const ack = await h.requester.command("trending", h.emulator.responseUrl(id));
      expect(ack.status).toBe(200);
      expect(ack.body).toBe("");
      // The answer reaches the response_url too, but its HTTP call has not been answered yet.
      expect((await h.emulator.response(id)).body.blocks.length).toBeGreaterThan(3);
    } finally {
      hold.release();
    }
  });

  it("empty text is help, not an error", async () => {
    const { answer } = await papers("   ");
    expect(blockText(answer.blocks)).toContain("/papers trending");
  });

  it("trending answers top 5 cards: linked title, summary, context, three buttons, and Show more pages on", async () => {
    const { ack, answer, id } = await papers("trending");
    expect(ack.status).toBe(200);
    const sections = (answer.blocks as any[]).filter((b) => b.type === "section" && /^\*\d+\. </.test(b.text.text));
    expect(sections).toHaveLength(5);
    const snapshot = await h.services.papers.trending(localDate(new Date(), "UTC"));
    const first = h.services.catalog.get(snapshot!.ids[0]!)!;
    expect(sections[0].text.text.startsWith(`*1. <${toCard(first).url}|`)).toBe(true);
    expect(sections[0].text.text).toContain(escapeText(first.title));
    const buttons = elements(answer.blocks, "button");
    const paperButtons = buttons.filter((b) => b.action_id.startsWith("paper_"));
    expect(paperButtons.map((b) => b.action_id).slice(0, 3)).toEqual(["paper_bookmark", "paper_share", "paper_similar"]);
    expect(paperButtons[0]!.value).toBe(first.id);
    expect(paperButtons[1]!.text.text).toBe("Share to channel");
    const more = buttons.find((b) => b.action_id === "more");
    expect(more, "Show more button").toBeDefined();
    expect(more!.value.length).toBeLessThanOrEqual(2000);

    await h.requester.blockAction({ actionId: "more", value: more!.value }, { responseUrl: h.emulator.responseUrl(id) });
    const page2 = (await h.emulator.response(id, 2)).body;
    const ranks = (page2.blocks as any[]).filter((b) => b.type === "section").map((b) => /^\*(\d+)\. /.exec(b.text.text)?.[1]).filter(Boolean);
    expect(ranks).toEqual(["6", "7", "8", "9", "10"]);
  });

  it("a long trending list stays within Slack's 50-block limit per message", async () => {
    const id = h.nextResponseId();
    await h.requester.command("trending 50", h.emulator.responseUrl(id));
    const first = (await h.emulator.response(id)).body;
    expect(first.blocks.length).toBeLessThanOrEqual(50);
    const overflow = elements(first.blocks, "overflow");
    expect(overflow.length).toBeGreaterThan(5);
    expect(overflow[0]!.options.map((o: any) => o.value.split(":")[0])).toEqual(["bookmark", "share", "similar", "notInterested"]);
  });

  it("unknown words are a search: top 5 with titles linked, two-line summaries and buttons", async () => {
    const { answer } = await papers("language models reasoning");
    const cards = (answer.blocks as any[]).filter((b) => b.type === "section" && /^\*\d+\. </.test(b.text.text));
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.length).toBeLessThanOrEqual(5);
    for (const card of cards) {
      expect(card.text.text).toMatch(/^\*\d+\. <https?:\/\/[^|]+\|[^>]+>\*\n.{20,}/s);
      // Two lines' worth: the summary is cut at about 220 characters.
      expect(card.text.text.split("\n")[1].length).toBeLessThanOrEqual(240);
    }
    expect(blockText(answer.blocks)).toContain("Papers for");
  });

  it("no results says so in one sentence and suggests a broader query", async () => {
    const { answer } = await papers("zqxjvw qqpzzk");
    expect(answer.text).toMatch(/^No papers match "zqxjvw qqpzzk"\. Try fewer or broader words/);
    expect(elements(answer.blocks, "button")).toHaveLength(0);
  });

  it("a query that only weak matches touch says none are about it, not that nothing matched", async () => {
    // No bundled paper is about KV caches, or says "cache"; some have words near these ("key", "cached"-like typos).
    const { answer } = await papers("kv cache");
    expect(answer.text).toMatch(/^No papers are about "kv cache" \(\d+ only mention some of its words in passing; no paper mentions "cache"\)\. Try fewer/);
  });

  it("says which typed word no paper has, when the papers listed match only the others", async () => {
    const { answer } = await papers("sparse autoencoders");
    expect(blockText(answer.blocks)).toMatch(/Papers for "sparse autoencoders" \(.*; no paper mentions "autoencoders"\):/);
    // A word papers have in another form (an acronym's expansion, a typo of one) is not missing.
    for (const query of ["moe", "mixture of experts", "mamab"]) {
      expect(blockText((await papers(query)).answer.blocks)).not.toMatch(/no paper mentions/);
    }
    // Named as typed, not as searched (accents folded).
    expect(blockText((await papers("über transformer")).answer.blocks)).toMatch(/; no paper mentions "über"\):/);
    expect(blockText((await papers("transformer (zorblax),")).answer.blocks)).toMatch(/; no paper mentions "zorblax"\):/);
  });

  it("names a pasted chunk holding several unknown words once, and marks a long one as cut", async () => {
    expect((await papers("transformer zorblaxquux/qwvxyzzy/plimfrob")).answer.text).toMatch(/; no paper mentions "zorblaxquux\/qwvxyzzy\/plimfrob"\)\./);
    expect((await papers("moe supercalifragilisticexpialidociousabcdefg1 zorblax")).answer.text)
      .toMatch(/; no paper mentions "supercalifragilisticexpialido…" or "zorblax"\)\./);
  });

  it("a single word no paper writes is said to be in none, though papers have words related to it", async () => {
    // No bundled paper says RAG; some say "retrieval" or "generation".
    expect((await papers("rag")).answer.text).toMatch(/^No paper mentions "rag" \(\d+ mention related words in passing\)\. Try another word for it, or see \/papers trending\./);
    // However it was asked: the word is what no paper mentions, not the question.
    expect((await papers("what is rag?")).answer.text).toMatch(/^No paper mentions "rag" \(\d+ mention related words in passing\)\. Try another word for it/);
  });

  it("echoes a query typed in quotes with one pair of quotes, closed or not, long or short", async () => {
    expect(blockText((await papers('"mixture of experts"')).answer.blocks)).toMatch(/^Papers for "mixture of experts" \(/);
    expect(blockText((await papers('"mixture of experts')).answer.blocks)).toMatch(/^Papers for "mixture of experts" \(/);
    const long = `"${"mixture of experts routing ".repeat(4).trim()}"`;
    // No paper has those words word for word: the answer says so, quoting them once, and lists papers with the words.
    expect((await papers(long)).answer.text).toMatch(/^(Papers for|No papers are about|No paper has) "mixture of experts routing[^"]*…"/);
  });

  it("names the word no paper has when no paper is about the words either", async () => {
    expect((await papers("zorblax agents")).answer.text).toMatch(/^No papers are about "zorblax agents" \(\d+ only mention some of its words in passing; no paper mentions "zorblax"\)\./);
  });

  const badInputs: Array<[string, string, RegExp]> = [
    // Words after trending are a topic ("trending moe"); a second number is not.
    ["trending 3 4", "trending 3 4", /number from 1 to 50/],
    ["trending 999", "trending 999", /number from 1 to 50/],
    ["foryou extra words", "foryou extra words", /didn't expect "extra words"/],
    ["paper nope", "paper nope", /don't know a paper "nope"/],
    ["paper", "paper", /number in the last list, like \/papers paper 2, or its id or link/],
    ["similar", "similar", /number in the last list, like \/papers similar 2, its id or link, or words about it/],
    ["similar nope", "similar nope", /don't know a paper "nope"/],
    // Words after "bookmarks" search inside the list (issue 15); a number that is not a page is still refused.
    ["bookmarks 0", "bookmarks 0", /page is a number/],
    ["note 1 (too long)", `note 1 ${"x".repeat(600)}`, /Notes can be up to 500 characters/],
    ["export pdf", "export pdf", /bibtex or markdown/],
    ["subscribe 25:99", "subscribe 25:99", /isn't a time/],
    ["subscribe 09:00 Mars/Olympus", "subscribe 09:00 Mars/Olympus", /time zone/],
    ["10 kB of text", "x".repeat(10_000), /keep a search under 500/],
  ];
  it.each(badInputs)("bad input \"%s\" gets one ephemeral sentence, never a stack trace", async (_label, text, expected) => {
    const before = h.emulator.responses.length;
    const { ack, answer, id } = await papers(text);
    expect(ack.status).toBe(200);
    expect(answer.response_type).toBe("ephemeral");
    expect(answer.text).toMatch(expected);
    expect(answer.text).not.toMatch(STACK);
    expect(answer.text.length).toBeLessThan(300);
    expect(blockText(answer.blocks)).toMatch(/^:warning: /);
    // Exactly one answer for that request.
    await new Promise((r) => setTimeout(r, 50));
    expect(h.emulator.responsesTo(id)).toHaveLength(1);
    expect(h.emulator.responses.length).toBe(before + 1);
  });
});
