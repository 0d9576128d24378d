// Words addressed to the bot outside /papers, over real Bolt: "@papers-bot moe" in a channel (app_mention)
// and what a person types in the bot's Messages tab (message.im), answered as /papers answers them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockText, startHarness, type SlackHarness } from "./harness.ts";

let h: SlackHarness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

let n = 0;
const ts = () => `1741600000.${String(++n).padStart(6, "0")}`;
const said = (call: { params: Record<string, any> }) => blockText(call.params.blocks) || String(call.params.text);
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("a mention of the bot in a channel", () => {
  it("runs the words after it as /papers would, answered to the person in the mention's thread, once per event id", async () => {
    const at = ts();
    const event = { type: "app_mention", user: "U0ALICE", channel: "C0GENERAL", ts: at, text: `<@${h.emulator.botUserId}> moe` };
    expect((await h.requester.event(event, "EvMention1")).status).toBe(200);
    const note = await h.emulator.waitFor(() => h.emulator.okCalls("chat.postEphemeral").find((c) => c.params.thread_ts === at));
    expect(note.params).toMatchObject({ channel: "C0GENERAL", user: "U0ALICE" });
    expect(said(note)).toContain('Papers for "moe"');
    // Slack's retry of the same event, or a second replica hearing it, answers nothing more.
    await h.requester.event(event, "EvMention1");
    await settle();
    expect(h.emulator.okCalls("chat.postEphemeral").filter((c) => c.params.thread_ts === at)).toHaveLength(1);
  });

  it("answers a mention alone with the help, and a mistake with one sentence", async () => {
    const hello = ts(), wrong = ts();
    await h.requester.event({ type: "app_mention", user: "U0ALICE", channel: "C0GENERAL", ts: hello, text: `<@${h.emulator.botUserId}>` }, "EvMention2");
    const help = await h.emulator.waitFor(() => h.emulator.okCalls("chat.postEphemeral").find((c) => c.params.thread_ts === hello));
    expect(said(help)).toContain("/papers subscribe");
    await h.requester.event({ type: "app_mention", user: "U0ALICE", channel: "C0GENERAL", ts: wrong, text: `<@${h.emulator.botUserId}> bookmark 99` }, "EvMention3");
    const sentence = await h.emulator.waitFor(() => h.emulator.okCalls("chat.postEphemeral").find((c) => c.params.thread_ts === wrong));
    // The numbers are those of the list the first mention showed here, as after /papers.
    expect(said(sentence)).toMatch(/^Your last list here has numbers 1–\d+, not 99/);
    expect(said(sentence)).not.toMatch(/\n\s+at\s|Error:|\.ts:\d+/);
  });
});

describe("Slack's markup in what a person sent", () => {
  it("is quoted back as the person saw it, and the bot's own mention anywhere addresses it rather than being searched", async () => {
    const bot = h.emulator.botUserId;
    const plain = ts();
    await h.requester.event({ type: "app_mention", user: "U0ALICE", channel: "C0GENERAL", ts: plain, text: `<@${bot}> moe` }, "EvMarkup1");
    const expected = said(await h.emulator.waitFor(() => h.emulator.okCalls("chat.postEphemeral").find((c) => c.params.thread_ts === plain))).split("\n")[0];
    const after = ts();
    await h.requester.event({ type: "app_mention", user: "U0ALICE", channel: "C0GENERAL", ts: after, text: `moe <@${bot}>` }, "EvMarkup2");
    expect(said(await h.emulator.waitFor(() => h.emulator.okCalls("chat.postEphemeral").find((c) => c.params.thread_ts === after))).split("\n")[0]).toBe(expected);
    // In the bot's DM: "#general" typed (Slack sends <#C…|general>), "@here" (<!here>), a link (<https://…>).
    const dm = "D0ALICE";
    const answerTo = async (text: string, eventId: string) => {
      const before = h.emulator.okCalls("chat.postMessage").length;
      await h.requester.event({ type: "message", channel_type: "im", user: "U0ALICE", channel: dm, ts: ts(), text }, eventId);
      return said(await h.emulator.waitFor(() => h.emulator.okCalls("chat.postMessage").slice(before).find((c) => c.params.channel === dm)));
    };
    expect(await answerTo("subscribe 09:00 <#C0GENERAL|general>", "EvMarkup3")).toContain('"#general" names a channel');
    expect(await answerTo("<!here> moe", "EvMarkup4")).toContain('"@here moe"');
    const link = await answerTo("moe <https://example.org/moe?a=1&amp;b=2>", "EvMarkup5");
    expect(link).toContain('"moe https://example.org/moe?a=1&amp;b=2"');
    expect(link).not.toMatch(/&lt;|C0GENERAL/);
  });
});

describe("a message in the bot's own DM", () => {
  it("runs as /papers would, answered there with a message that stays; the bot's own messages and edits are nobody asking", async () => {
    const dm = "D0ALICE";
    const before = h.emulator.okCalls("chat.postMessage").length;
    await h.requester.event({ type: "message", channel_type: "im", user: "U0ALICE", channel: dm, ts: ts(), text: "trending 3" }, "EvDm1");
    const answer = await h.emulator.waitFor(() => h.emulator.okCalls("chat.postMessage").slice(before).find((c) => c.params.channel === dm));
    expect(said(answer)).toMatch(/trending/i);
    const count = h.emulator.okCalls("chat.postMessage").length;
    await h.requester.event({ type: "message", channel_type: "im", bot_id: "B0PAPERS", user: h.emulator.botUserId, channel: dm, ts: ts(), text: "moe" }, "EvDm2");
    await h.requester.event({ type: "message", subtype: "message_changed", channel_type: "im", channel: dm, ts: ts(), message: { text: "moe" } }, "EvDm3");
    await h.requester.event({ type: "message", channel_type: "channel", user: "U0ALICE", channel: "C0GENERAL", ts: ts(), text: "moe" }, "EvDm4");
    await settle();
    expect(h.emulator.okCalls("chat.postMessage")).toHaveLength(count);
  });
});
