// subscribe / unsubscribe / subscriptions as people type them, through runText (what Slack and the
// terminal call), against a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, manualClock, type TestServices } from "../support/services.ts";
import { createRegistry } from "../../src/commands/index.ts";
import { runCommand, runText } from "../../src/command-kit/dispatch.ts";
import { runDigestTick } from "../../src/core/digest/tick.ts";
import type { ChannelRef } from "../../src/core/channel.ts";
import { RecordingTransport, fastRetry } from "./support.ts";
import { ChannelUnavailableError } from "../../src/core/transport.ts";
import { personalTarget } from "../../src/core/person-target.ts";
import { plainTyped } from "../../src/core/messages/typed.ts";
import { renderReply } from "../../src/adapters/slack/render.ts";

const clock = manualClock("2025-06-10T20:00:00Z"); // 22:00 in Berlin
let services: TestServices;
const registry = createRegistry();
const channel = (id: string): ChannelRef => ({ platform: "slack", workspaceId: "T1", channelId: id });
const ctx = (id = "C1", canManageChannel = true) => ({ services, user: { platform: "slack" as const, workspaceId: "T1", userId: "U1" },
  channel: channel(id), canManageChannel, now: clock() });
// What a person reads: the marks around text they typed (core/messages/typed.ts) are each platform's business.
const say = async (text: string, id?: string, manage?: boolean) => {
  const reply = await runText(registry, text, ctx(id, manage));
  return { ...reply, text: plainTyped(reply.text) };
};

/** Every page of `/papers subscriptions` (a long list pages), as one text. */
const listing = async (context = ctx()): Promise<string> => {
  const pages: string[] = [];
  for (let reply = await runText(registry, "subscriptions", context); ; reply = await runCommand(registry, reply.more.command, reply.more.input, context)) {
    pages.push(plainTyped(reply.text));
    if (!reply.more) return pages.join("\n");
  }
};

beforeAll(async () => { services = await createTestServices({ clock }); });
afterAll(async () => { await services.close(); });

describe("subscribe", () => {
  it("echoes a long topic cut at a word, with an ellipsis, and keeps it whole", async () => {
    const topic = "large language models for mathematical reasoning with reinforcement learning from human feedback";
    const reply = await say(`subscribe 09:00 UTC size:5 ${topic}`, "CLONG");
    expect(reply.text).toContain('(5 papers, about "large language models for mathematical reasoning with reinforcement learning…")');
    expect(await services.subscriptions.get(channel("CLONG"))).toMatchObject({ topic });
    // The digest it replaces is named the same way.
    expect((await say("subscribe 10:00 UTC", "CLONG")).text).toContain('about "large language models for mathematical reasoning with reinforcement learning…")');
    await services.subscriptions.remove(channel("CLONG"));
  });

  it("reads time, zone (any case), size, ranking and topic in any order and says when the next digest comes", async () => {
    const reply = await say("subscribe mixture of experts europe/berlin size:3 09:00 ranked:team");
    expect(reply.tone).toBe("info");
    expect(reply.text).toMatch(/^Subscribed <#C1>: next digest tomorrow 09:00 Europe\/Berlin, in 11 h \(3 papers, ranked by this team, about "mixture of experts"\)/);
    expect(await services.subscriptions.get(channel("C1"))).toMatchObject({ localTime: "09:00", timeZone: "Europe/Berlin",
      topic: "mixture of experts", size: 3, ranking: "team", createdBy: "U1", pausedReason: null });
  });

  it("defaults to 09:00 UTC, 5 papers, trending, and accepts 9:30pm", async () => {
    expect((await say("subscribe", "C2")).text).toMatch(/next digest tomorrow 09:00 UTC, in 13 h \(5 papers\)/);
    expect((await say("subscribe 9:30pm UTC", "C3")).text).toMatch(/next digest today 21:30 UTC, in 1 h 30 min/);
    expect(await services.subscriptions.get(channel("C3"))).toMatchObject({ localTime: "21:30", timeZone: "UTC", size: 5, ranking: "trending", topic: null });
  });

  // A topic in quotes is a phrase, as a search in quotes is: it keeps its quotes (it used to lose them, and
  // '"mixture of experts"' was stored as the three words apart). One word in quotes is just the word.
  it("reads am and pm typed apart, a.m., and 9.30, and a topic in quotes as its phrase", async () => {
    for (const [text, time, topic] of [["9:00 pm America/New_York", "21:00", null], ["9 pm UTC", "21:00", null], ["8:30 a.m. UTC moe", "08:30", "moe"],
      ["9.30 UTC", "09:30", null], ['09:00 UTC "mixture of experts"', "09:00", '"mixture of experts"'], ["07:00 UTC “state space models”", "07:00", "“state space models”"],
      ['07:00 UTC "moe"', "07:00", "moe"], ['07:00 UTC "world model', "07:00", '"world model"'], ["07:00 UTC “world model", "07:00", '"world model"'],
      // A number with a dot after a topic word is a version, not the time.
      ["UTC qwen 2.5", "09:00", "qwen 2.5"], ["llama 3.1 08:00 UTC", "08:00", "llama 3.1"], ["08:00 UTC gemini 2.50", "08:00", "gemini 2.50"],
      // Seconds, a 24-hour time without its colon, and times by name: the time, never a topic.
      ["17:30:00 UTC", "17:30", null], ["1730 UTC moe", "17:30", "moe"], ["0900", "09:00", null], ["noon UTC", "12:00", null], ["midnight", "00:00", null],
      ["moe at noon", "12:00", "moe"], ["UTC top 1000 papers", "09:00", "top 1000 papers"]] as const) {
      expect((await say(`subscribe ${text}`, "CTIME")).tone, text).toBe("info");
      expect(await services.subscriptions.get(channel("CTIME")), text).toMatchObject({ localTime: time, topic });
    }
    await services.subscriptions.remove(channel("CTIME"));
  });

  it("answers a bad time, zone or size with one sentence naming what to type", async () => {
    for (const [text, pattern] of [
      ["subscribe 25:00", /^"25:00" isn't a time of day\. Type the time as HH:MM/],
      ["subscribe 09:00 Mars/Olympus", /^I don't know the time zone "Mars\/Olympus"\. Type an IANA zone like Europe\/Berlin/],
      // Java's three-letter ids, which the runtime reads as zones nobody typing them means (BST: Bangladesh).
      ["subscribe 09:00 zone:BST", /^"BST" names more than one time zone; type yours, like Europe\/London/],
      ["subscribe 09:00 zone:ast", /^"ast" names more than one time zone/],
      // Typed in capitals right after the time, where a zone goes: asked about, not the topic "bst".
      ["subscribe 08:00 BST", /^"BST" names more than one time zone/],
      ["subscribe 13pm", /^"13pm" isn't a time of day/],
      ["subscribe 9:5", /^"9:5" isn't a time I can read/],
      ["subscribe size:50", /^The size is how many papers per digest, a number from 1 to 20/],
      ["subscribe ranked:random", /^Ranked is "trending" .* or "team"/],
      ["subscribe weekly funday 09:00", /^The day is one of mon, tue, wed, thu, fri, sat, sun/],
      // Typed twice, or as an offset: a mistake to point out, not a topic ("09:30", "tue", "UTC+2").
      ["subscribe 09:00 09:30", /^I didn't expect "09:30" there\. Try: \/papers subscribe/],
      ["subscribe weekly mon tue 09:00", /^I didn't expect "tue" there/],
      ["subscribe 09:00 UTC+2", /^"UTC\+2" is an offset; a digest keeps a time zone, which follows daylight saving where there is one\. Type your zone instead, like [A-Z][a-z]+\/\w+ or [A-Z][a-z]+\/\w+ \(UTC\+02:00 now\)\./],
      ["subscribe 09:00 UTC+5:30", /Type your zone instead, like Asia\/Kolkata or Asia\/Colombo \(UTC\+05:30 now\)\./],
      // POSIX's sign: Etc/GMT+2 is two hours behind UTC, rarely what someone typing it means.
      ["subscribe 09:00 Etc/GMT+2", /^"Etc\/GMT\+2" is 2 hours behind UTC \(its sign is reversed\), which is rarely what is meant; type your zone instead/],
      // Names every object has: not a zone or a city for it (the lookups read own keys only).
      ["subscribe zone:__proto__", /^I don't know the time zone "__proto__"\. Type an IANA zone/],
      ["subscribe 09:00 zone:constructor", /^I don't know the time zone "constructor"\. Type an IANA zone/],
      ["subscribe zone:toString", /^I don't know the time zone "toString"\. Type an IANA zone/],
    ] as const) {
      const reply = await say(text, "CBAD");
      expect(reply.tone, text).toBe("error");
      expect(reply.text, text).toMatch(pattern);
      expect(reply.text.split("\n")).toHaveLength(1);
    }
    expect((await say("subscribe help", "CBAD")).text).toMatch(/^\/papers subscribe \[me\]/);
    expect(await services.subscriptions.get(channel("CBAD"))).toBeNull();
    expect((await say("subscribe 9am", "C9")).text).toMatch(/next digest tomorrow 09:00 UTC/);
  });

  it("reads a lone number as the hour, a day only when it is one, and numbers beside words as the topic", async () => {
    const nine = await say("subscribe 9", "CN1");
    expect(nine.text).toMatch(/next digest tomorrow 09:00 UTC/);
    expect(nine.text).not.toMatch(/about/);
    expect((await say("subscribe 17 Europe/Berlin", "CN2")).text).toMatch(/17:00 Europe\/Berlin/);
    expect((await say("subscribe 08:00 gpt 4", "CN3")).text).toMatch(/08:00 UTC.*about "gpt 4"/);
    const satellite = await say("subscribe weekly satellite imagery", "CN4");
    expect(satellite.text).toMatch(/weekly on Monday.*about "satellite imagery"/);
    expect((await say("subscribe weekly Thursdays 10:00 agents", "CN5")).text).toMatch(/weekly on Thursday.*10:00 UTC.*about "agents"/);
    expect((await say("subscribe weekly 10:00 midday agents", "CN6")).text).toMatch(/weekly on Monday.*about "midday agents"/);
    // A day first without "weekly" means a weekly digest on it, unless it starts a topic.
    expect((await say("subscribe fri 09:00", "CN7")).text).toMatch(/weekly on Friday/);
    expect(await services.subscriptions.get(channel("CN7"), "weekly")).toMatchObject({ cadence: "weekly", weekday: 5 });
    expect(await services.subscriptions.get(channel("CN7"))).toBeNull();
    expect((await say("subscribe Friday moe", "CN8")).text).toMatch(/weekly on Friday.*about "moe"/);
    for (const [text, id] of [["subscribe 09:00 fri", "CN11"], ["subscribe Europe/Berlin fri", "CN12"]] as const) {
      expect((await say(text, id)).text, text).toMatch(/weekly on Friday/);
      expect(await services.subscriptions.get(channel(id)), text).toBeNull();
    }
    expect((await say("subscribe 09:00 sat solvers", "CN13")).text).toMatch(/about "sat solvers"/);
    for (const [text, id] of [["subscribe 09:00 fri moe", "CN14"], ["subscribe moe fri", "CN15"], ["subscribe 9 fri", "CN16"]] as const) {
      const reply = await say(text, id);
      expect(reply.text, text).toMatch(/weekly on Friday/);
      expect(reply.text, text).not.toMatch(/about "[^"]*fri/);
    }
    expect((await say("subscribe sunday 10:00 diffusion", "CN17")).text).toMatch(/weekly on Sunday.*about "diffusion"/);
    const sat = await say("subscribe sat solvers", "CN9");
    expect(sat.text).not.toMatch(/weekly/);
    expect(sat.text).toMatch(/about "sat solvers"/);
    expect((await say("subscribe daily fri 09:00", "CN10")).text).toBe("A daily digest comes every day; for one on fri only, use /papers subscribe weekly fri 09:00.");
    expect(await services.subscriptions.get(channel("CN10"))).toBeNull();
  });

  it("takes the zone people mean from an abbreviation, keeps a zone as typed, and offers the zone for a city", async () => {
    expect((await say("subscribe 09:00 PST", "CZ1")).text).toMatch(/09:00 America\/Los_Angeles/);
    expect((await say("subscribe 9am est agents", "CZ2")).text).toMatch(/09:00 America\/New_York.*about "agents"/);
    // Nepal's, Pakistan's, Jakarta's and Brasília's as well, which read as a topic in UTC.
    expect((await say("subscribe 9:00 NPT", "CZ2")).text).toMatch(/09:00 Asia\/Kathmandu/);
    expect((await say("subscribe 9:00 brt", "CZ2")).text).toMatch(/09:00 America\/Sao_Paulo/);
    // ICU would answer Asia/Calcutta, an alias the person did not type.
    expect((await say("subscribe 08:30 Asia/Kolkata", "CZ3")).text).toMatch(/08:30 Asia\/Kolkata/);
    const berlin = await say("subscribe 09:00 Berlin", "CZ4");
    expect(berlin.text).toMatch(/No paper mentions "Berlin" yet.* If you meant the time zone, subscribe again with Europe\/Berlin\./);
    // A city some paper's words make up ("new", "york") is offered as its zone all the same.
    expect((await say("subscribe 09:00 New York", "CZ4")).text).toMatch(/about "New York".* If you meant the time zone, subscribe again with America\/New_York\./);
    // MST, as PST and EST are, and Z for UTC, as ISO times write it.
    expect((await say("subscribe 9am MST", "CZ4")).text).toMatch(/09:00 America\/Denver/);
    expect((await say("subscribe 09:00 Z", "CZ4")).text).toMatch(/09:00 UTC[^"]*$/);
    // Only where a zone goes: elsewhere they are a topic's words, as BST is.
    expect((await say("subscribe 09:00 UTC MST pruning", "CZ4")).text).toMatch(/09:00 UTC.*about "MST pruning"/);
    expect((await say("subscribe 09:00 UTC gen z", "CZ4")).text).toMatch(/09:00 UTC.*about "gen z"/);
    // Abbreviations that are topics as often stay topics: CT (computed tomography), BST (binary search trees).
    expect((await say("subscribe 09:00 CT segmentation", "CZ5")).text).toMatch(/09:00 UTC.*about "CT segmentation"/);
    expect((await say("subscribe 09:00 BST pruning", "CZ6")).text).toMatch(/09:00 UTC.*about "BST pruning"/);
    // A day-like word after the day and the time is the topic's.
    expect((await say("subscribe weekly fri 09:00 SAT solvers", "CZ7")).text).toMatch(/weekly on Friday.*about "SAT solvers"/);
    // A zone typed in the wrong case is stored as the zone is spelled.
    expect((await runCommand(registry, "subscribe", { time: "9:00", zone: "America/New_york" }, ctx("CZ8"))).text).toMatch(/America\/New_York/);
  });

  it("names a Slack DM as the DM, not as a channel link", async () => {
    expect((await say("subscribe 09:00 UTC", "D0ALICE")).text).toMatch(/^Subscribed this DM: next digest/);
  });

  it("needs channel-manager permission", async () => {
    const reply = await say("subscribe 09:00", "CNOPE", false);
    expect(reply.tone).toBe("error");
    expect(await services.subscriptions.get(channel("CNOPE"))).toBeNull();
  });

  it("takes Discord-style named options the same way", async () => {
    const reply = await runCommand(registry, "subscribe", { time: "7:15", zone: "america/new_york", size: 2, topic: "agents" }, ctx("CD"));
    expect(reply.text).toMatch(/next digest tomorrow 07:15 America\/New_York/);
    // A zone option typed as a city rather than picked from the list.
    expect((await runCommand(registry, "subscribe", { time: "8:00", zone: "berlin" }, ctx("CD2"))).text).toMatch(/08:00 Europe\/Berlin/);
  });

  it("says when a topic word is in no paper yet (nothing is picked for it until one is), and not otherwise", async () => {
    const unmet = await say("subscribe 09:00 sparse autoencoders", "CSAE");
    expect(unmet.text).toMatch(/about "sparse autoencoders"\)\. No paper mentions "autoencoders" yet, so nothing is picked for the topic until one does\./);
    expect((await say("subscribe 09:00 mixture of experts", "CSAE")).text).not.toMatch(/No paper mentions/);
  });

  it("picks a quoted topic's papers as a quoted search finds them: the words together, not apart", async () => {
    const reply = await say('subscribe 21:00 UTC size 4 "world model"', "CPHRASE");
    expect(reply.text).toContain('(4 papers, about "world model")');
    expect(await services.subscriptions.get(channel("CPHRASE"))).toMatchObject({ topic: '"world model"' });
    const transport = new RecordingTransport("slack");
    await runDigestTick(services, new Map([["slack", transport]]), new Date("2025-06-10T21:00:00Z"), { retry: fastRetry });
    const cards = transport.to(channel("CPHRASE")).flatMap((p) => p.reply.papers ?? []);
    expect(cards.length).toBeGreaterThan(0);
    // Each says "world model" (the words apart, "Model Discovery" in BoxingGym's, do not count).
    for (const card of cards) {
      expect(`${card.title} ${card.summary ?? ""}`.toLowerCase(), card.title).toMatch(/world[- ]models?/);
    }
    await services.subscriptions.remove(channel("CPHRASE"));
  });

  it("waits for tomorrow when today's time already passed, instead of posting a late digest now", async () => {
    await say("subscribe 08:00 UTC", "CPASS");
    const transport = new RecordingTransport("slack");
    const report = await runDigestTick(services, new Map([["slack", transport]]), clock(), { retry: fastRetry });
    expect(report.channels.filter((c) => c.channel.channelId === "CPASS")).toEqual([]);
    expect(transport.to(channel("CPASS"))).toHaveLength(0);
    const tomorrow = await runDigestTick(services, new Map([["slack", transport]]), new Date("2025-06-11T08:00:00Z"), { retry: fastRetry });
    expect(tomorrow.channels.find((c) => c.channel.channelId === "CPASS")).toMatchObject({ outcome: "posted" });
  });
});

describe("subscribe after today's digest went out", () => {
  it("says why the next one is tomorrow, and counts a week's wait in days", async () => {
    await say("subscribe 20:30 UTC", "CSENT");
    const transport = new RecordingTransport("slack");
    await runDigestTick(services, new Map([["slack", transport]]), new Date("2025-06-10T20:30:00Z"), { retry: fastRetry });
    expect(transport.to(channel("CSENT")).length).toBeGreaterThan(0);
    expect((await say("subscribe 21:00 UTC", "CSENT")).text).toMatch(/next digest tomorrow 21:00 UTC, in 25 h \(today's went out already; 5 papers\)/);
    // A time already past today is no delivery: just tomorrow's.
    expect((await say("subscribe 08:00 UTC", "CSENT2")).text).toMatch(/next digest tomorrow 08:00 UTC, in 12 h \(5 papers\)/);
    expect((await say("subscribe weekly mon 09:00 UTC", "CSENT3")).text).toMatch(/next digest Mon 16 Jun 09:00 UTC, in 5 days 13 h/);
    expect((await listing(ctx("CSENT3")))).toContain("• <#CSENT3>: weekly on Monday 09:00 UTC, 5 papers; the week's most-upvoted papers; next Mon 16 Jun 09:00 UTC");
    for (const id of ["CSENT", "CSENT2"]) await services.subscriptions.remove(channel(id));
    await services.subscriptions.remove(channel("CSENT3"), "weekly");
  });

  it("brings today's digest after all when it failed before sending anything and the channel subscribes again", async () => {
    await say("subscribe 20:30 UTC", "CFAIL");
    const transport = new RecordingTransport("slack");
    transport.hook = () => ({ error: new ChannelUnavailableError("not_in_channel") });
    await runDigestTick(services, new Map([["slack", transport]]), new Date("2025-06-10T20:30:00Z"), { retry: fastRetry });
    expect(transport.to(channel("CFAIL"))).toHaveLength(0);
    // The bot invited, the digest subscribed again for later today: today's, not "went out already".
    expect((await say("subscribe 21:00 UTC", "CFAIL")).text).toMatch(/next digest today 21:00 UTC, in 1 h \(5 papers\)/);
    transport.hook = undefined;
    await runDigestTick(services, new Map([["slack", transport]]), new Date("2025-06-10T21:00:00Z"), { retry: fastRetry });
    expect(transport.to(channel("CFAIL")).length).toBeGreaterThan(0);
    await services.subscriptions.remove(channel("CFAIL"));
  });

  it("brings today's digest late when a digest paused at its time is typed again as it was, the channel fixed", async () => {
    clock.set("2025-06-10T19:00:00Z");
    try { await say("subscribe 19:30 UTC size 2", "CFIXED"); } finally { clock.set("2025-06-10T20:00:00Z"); }
    const transport = new RecordingTransport("slack");
    transport.hook = () => ({ error: new ChannelUnavailableError("not_in_channel") });
    await runDigestTick(services, new Map([["slack", transport]]), new Date("2025-06-10T19:30:00Z"), { retry: fastRetry });
    expect(await services.subscriptions.get(channel("CFIXED"))).toMatchObject({ pausedReason: "not_in_channel" });
    // The bot invited at 20:00, and the command the pause's DM gave typed again: today's was never posted.
    const reply = await say("subscribe 19:30 UTC size 2", "CFIXED");
    expect(reply.text).toMatch(/^Subscribed <#CFIXED>: next digest within a minute, late, as its time passed while none went out \(2 papers\)\. It was paused, and is back on as it was\. /);
    transport.hook = undefined;
    const report = await runDigestTick(services, new Map([["slack", transport]]), new Date("2025-06-10T20:01:00Z"), { retry: fastRetry });
    expect(report.channels).toMatchObject([{ localDate: "2025-06-10", outcome: "posted", posted: 3, late: true }]);
    expect(transport.to(channel("CFIXED"))).toHaveLength(3);
    await services.subscriptions.remove(channel("CFIXED"));
  });

  it("resumes the channel's other digest, paused with it, when the channel subscribes again, and says so", async () => {
    await say("subscribe 20:30 UTC size 2", "CBOTH");
    await say("subscribe weekly tue 20:30 UTC size 2", "CBOTH");
    const transport = new RecordingTransport("slack");
    transport.hook = () => ({ error: new ChannelUnavailableError("not_in_channel") });
    await runDigestTick(services, new Map([["slack", transport]]), new Date("2025-06-10T20:30:00Z"), { retry: fastRetry });
    expect(await services.subscriptions.get(channel("CBOTH"), "weekly")).toMatchObject({ pausedReason: "not_in_channel" });
    expect(await services.subscriptions.get(channel("CBOTH"))).toMatchObject({ pausedReason: "not_in_channel" });
    const reply = await say("subscribe 11:00 UTC size 2", "CBOTH");
    expect(reply.text).toMatch(/^Subscribed <#CBOTH>: next digest tomorrow 11:00 UTC, in 15 h \(2 papers\); the weekly digest here, paused with it, is back on too\. /);
    expect(await services.subscriptions.get(channel("CBOTH"), "weekly")).toMatchObject({ pausedReason: null });
    expect(await listing(ctx("CBOTH"))).toMatch(/• <#CBOTH>: weekly on Tuesday 20:30 UTC, 2 papers; the week's most-upvoted papers; next Tue 17 Jun 20:30 UTC/);
    // Nothing was paused this time: nothing to say.
    expect((await say("subscribe weekly tue 20:30 UTC size 2", "CBOTH")).text).not.toContain("back on");
    await services.subscriptions.remove(channel("CBOTH"));
    await services.subscriptions.remove(channel("CBOTH"), "weekly");
  });

  it("refuses a team ranking for a personal digest, which is ranked for the person", async () => {
    const reply = await say("subscribe me 08:00 UTC ranked:team");
    expect(reply.tone).toBe("error");
    expect(reply.text).toMatch(/^Your personal digest is ranked for you, from your bookmarks; ranked:team is for a channel's digest/);
  });
});

describe("subscribe with a new zone", () => {
  // The ledger keys on (channel, local date): London's 11 March, delivered, is also Los Angeles' 11 March.
  // The answer used to promise "tomorrow 09:00 America/Los_Angeles" and that tick posted nothing.
  it("names the first date the ledger has no digest for, when the new zone's next date went out under the old one", async () => {
    const transport = new RecordingTransport("slack");
    const tick = (iso: string) => runDigestTick(services, new Map([["slack", transport]]), new Date(iso), { retry: fastRetry });
    const at = (iso: string, text: string) => { clock.set(iso); return say(text, "CZONE"); };
    try {
      await at("2025-03-11T05:00:00Z", "subscribe 06:00 Europe/London size 2");
      await tick("2025-03-11T06:00:00Z");
      const london = transport.to(channel("CZONE")).length;
      expect(london).toBeGreaterThan(0);
      // 06:30Z is 23:30 on 10 March in Los Angeles.
      const reply = await at("2025-03-11T06:30:00Z", "subscribe 09:00 America/Los_Angeles size 2");
      expect(reply.text).toMatch(/next digest Wed 12 Mar 09:00 America\/Los_Angeles, in 34 h \(the digest for tomorrow went out already at 06:00 Europe\/London, as it was set before; 2 papers\)/);
      expect(await listing(ctx("CZONE"))).toContain("• <#CZONE>: 09:00 America/Los_Angeles, 2 papers; next Wed 12 Mar 09:00 America/Los_Angeles (the digest for tomorrow went out already)");
      // As promised: nothing on the 11th, the digest on the 12th.
      await tick("2025-03-11T16:00:00Z");
      expect(transport.to(channel("CZONE"))).toHaveLength(london);
      await tick("2025-03-12T16:00:00Z");
      expect(transport.to(channel("CZONE")).length).toBeGreaterThan(london);

      // A weekly digest the same way: this week's went out in London.
      await at("2025-03-11T05:00:00Z", "subscribe weekly tue 06:00 Europe/London size 2");
      await tick("2025-03-11T06:00:00Z");
      const weekly = await at("2025-03-11T06:30:00Z", "subscribe weekly tue 09:00 America/Los_Angeles size 2");
      expect(weekly.text).toMatch(/next digest Tue 18 Mar 09:00 America\/Los_Angeles, in 7 days 10 h \(this week's went out already at 06:00 Europe\/London, as it was set before; /);

      // A personal digest the same way, whose answer gave no reason at all for the later date.
      await at("2025-03-11T05:00:00Z", "subscribe me 06:00 Europe/London");
      await tick("2025-03-11T06:00:00Z");
      const mine = await at("2025-03-11T06:30:00Z", "subscribe me 09:00 America/Los_Angeles");
      expect(mine.text).toMatch(/next Wed 12 Mar 09:00 America\/Los_Angeles, in 34 h \(the digest for tomorrow went out already at 06:00 Europe\/London, as it was set before; /);
    } finally {
      clock.set("2025-06-10T20:00:00Z");
      await services.subscriptions.remove(channel("CZONE"));
      await services.subscriptions.remove(channel("CZONE"), "weekly");
      await services.subscriptions.remove(personalTarget(ctx().user));
    }
  });
});

describe("subscribe on a spring-forward day", () => {
  // 02:30 does not exist in New York on 9 March 2025; the digest goes at the first minute after the gap,
  // 07:00Z = 03:00 EDT. The answers said "02:30", a time that day does not have.
  it("names the time the next digest really goes, and keeps the subscription's own time where it is described", async () => {
    try {
      clock.set("2025-03-08T12:00:00Z");
      const reply = await say("subscribe 02:30 America/New_York", "CDST");
      expect(reply.text).toMatch(/^Subscribed <#CDST>: next digest tomorrow 03:00 America\/New_York, in 19 h /);
      clock.set("2025-03-09T05:00:00Z");
      expect(await listing(ctx("CDST"))).toContain("• <#CDST>: 02:30 America/New_York, 5 papers; next today 03:00 America/New_York");
      // A day with 02:30: the stored time again.
      clock.set("2025-03-09T08:00:00Z");
      expect(await listing(ctx("CDST"))).toContain("• <#CDST>: 02:30 America/New_York, 5 papers; next tomorrow 02:30 America/New_York");
    } finally {
      clock.set("2025-06-10T20:00:00Z");
      await services.subscriptions.remove(channel("CDST"));
    }
  });
});

describe("subscriptions and unsubscribe", () => {
  it("lists this workspace's digests with times, zones, topics and a paused reason", async () => {
    await services.subscriptions.pause(channel("C2"), "channel_not_found");
    await services.subscriptions.upsert({ platform: "slack", workspaceId: "OTHER", channelId: "CX" }, { localTime: "10:00", timeZone: "UTC", topic: null, size: 5, ranking: "trending", createdBy: "U9" });
    const reply = { text: await listing() };
    expect(reply.text).toMatch(/^Digests in this workspace \((\d+–\d+ of )?\d+\):/);
    // The tick at 2025-06-11T08:00Z above ("waits for tomorrow …") already delivered C1's 11 June digest, so
    // its next is the 12th (this said "tomorrow", the ledger's rows after today once unread).
    expect(reply.text).toContain('• <#C1>: 09:00 Europe/Berlin, 3 papers, ranked by this team, topic "mixture of experts"; next Thu 12 Jun 09:00 Europe/Berlin (the digest for tomorrow went out already)');
    expect(reply.text).toContain("• <#C2>: 09:00 UTC, 5 papers; paused: the channel is gone, or private without me in it (invite me with /invite {bot}) [channel_not_found]");
    expect(reply.text).not.toContain("CX");
  });

  it("pages a list too long for one message, each page within Slack's limits, every digest listed once", async () => {
    const channels = Array.from({ length: 40 }, (_, i) => channel(`CPAGE${String(i).padStart(2, "0")}`));
    // "&" is five characters in Slack's mrkdwn ("&amp;"): the page still fits.
    const topic = (i: number) => `large language models & mathematical reasoning & reinforcement learning from human feedback & process supervision ${i}`;
    for (const [i, c] of channels.entries()) await services.subscriptions.upsert(c, { localTime: "09:00", timeZone: "UTC", topic: topic(i), size: 5, ranking: "trending", createdBy: "U1" });
    try {
      const listed: string[] = [];
      let reply = await runCommand(registry, "subscriptions", {}, ctx());
      for (let pages = 1; ; pages++) {
        expect(pages).toBeLessThan(20);
        const [message, ...rest] = renderReply(reply);
        expect(rest).toEqual([]);
        expect(message!.blocks.length).toBeLessThanOrEqual(50);
        for (const block of message!.blocks) if (block.type === "section") expect(block.text!.text.length).toBeLessThanOrEqual(3000);
        const text = plainTyped(reply.text);
        for (const line of text.split("\n").slice(1)) {
          const id = /^• (?:<#(\w+)>|you \(by DM\)|a direct message):/.exec(line)?.[0];
          expect(id, line).toBeDefined();
          const [, page, i] = /^• <#(CPAGE\d+)>: .*topic "(?:.*) (\d+)"; next /.exec(line) ?? [];
          if (id!.includes("CPAGE")) expect(page).toBe(channels[Number(i)]!.channelId);
          listed.push(page ?? id!);
        }
        if (!reply.more) break;
        expect(text).toMatch(/^Digests in this workspace \(\d+–\d+ of \d+\):/);
        reply = await runCommand(registry, reply.more.command, reply.more.input, ctx());
      }
      expect(listed.filter((id) => id.startsWith("CPAGE"))).toEqual(channels.map((c) => c.channelId));
      expect(new Set(listed).size).toBe(listed.length);
    } finally {
      for (const c of channels) await services.subscriptions.remove(c);
    }
  });

  it("lists a digest whose time zone this runtime does not know on its own line, and the others as ever", async () => {
    await say("subscribe 09:00 UTC", "CZOK");
    await say("subscribe 09:00 UTC", "CZBAD");
    // As a replica on a newer Node, whose ICU knows a zone this one's does not, may have stored it.
    await services.db.subscription.updateMany({ where: { channelId: "CZBAD" }, data: { timeZone: "America/Nowhere_New" } });
    const text = await listing(ctx("CZOK"));
    expect(text).toContain("• <#CZOK>: 09:00 UTC, 5 papers; next tomorrow 09:00 UTC");
    expect(text).toContain('• <#CZBAD>: 09:00 America/Nowhere_New, 5 papers; not sent from here: its time zone "America/Nowhere_New" is unknown to this bot (subscribe in that channel again with another zone)');
    for (const id of ["CZOK", "CZBAD"]) await services.subscriptions.remove(channel(id));
  });

  it("names the digest a subscribe replaces, since what was not typed again goes back to its default", async () => {
    expect((await say("subscribe 07:30 Europe/Berlin size:3 rlhf", "CREP")).text).not.toContain("replaces");
    expect((await say("subscribe 08:00", "CREP")).text).toContain('It replaces the one before (07:30 Europe/Berlin, 3 papers, about "rlhf").');
    expect((await say("subscribe weekly fri 09:00", "CREP")).text).not.toContain("replaces"); // a weekly beside the daily
    // The same digest typed again replaced nothing; paused, it is back on.
    expect((await say("subscribe 08:00", "CREP")).text).toMatch(/\. It was set up so already; nothing changed\. /);
    await services.subscriptions.pause(channel("CREP"), "channel_not_found");
    expect((await say("subscribe 08:00", "CREP")).text).toMatch(/\. It was paused, and is back on as it was\. /);
    await services.subscriptions.remove(channel("CREP"));
    await services.subscriptions.remove(channel("CREP"), "weekly");
  });

  it("reads cadence and 'me' anywhere before the topic, options typed without their colon, 'at 9am', and full-width digits", async () => {
    for (const [text, expected] of [
      ["09:00 weekly", { cadence: "weekly", localTime: "09:00", topic: null }],
      ["at 9am UTC", { cadence: "daily", localTime: "09:00", topic: null }],
      ["09:00 size 3 ranked team", { size: 3, ranking: "team", topic: null }],
      ["２１：３０ UTC moe", { localTime: "21:30", topic: "moe" }],
      ["09:00 UTC 3d printing size 4", { size: 4, topic: "3d printing" }],
      // Not a size: past 20, or inside the topic.
      ["09:00 UTC batch size 32", { size: 5, topic: "batch size 32" }],
      ["09:00 UTC model size 3 pruning", { size: 5, topic: "model size 3 pruning" }],
      ["at 8 UTC", { localTime: "08:00", topic: null }],
      // At the end: the options and the cadence, however many ("diffusion at 9pm" too).
      ["UTC diffusion models size 3 ranked team", { size: 3, ranking: "team", topic: "diffusion models" }],
      ["UTC diffusion models size 3 ranked:team", { size: 3, ranking: "team", topic: "diffusion models" }],
      ["UTC llm agents weekly", { cadence: "weekly", topic: "llm agents" }],
      ["UTC diffusion at 9pm", { localTime: "21:00", topic: "diffusion" }],
      // A zone typed by name over several words, quoted or a city's.
      ["09:00 zone:\"New York\" moe", { timeZone: "America/New_York", topic: "moe" }],
      ["09:00 zone:new york moe", { timeZone: "America/New_York", topic: "moe" }],
      // "top 3" is the size, as people say it, first or last.
      ["09:00 UTC top 3 moe", { size: 3, topic: "moe" }],
      ["09:00 UTC moe top 3", { size: 3, topic: "moe" }],
      // "5 papers" is the size as people say it, before the topic ("on"/"about" leading it is no topic word); after
      // a topic, "llama 3 papers" stays papers about Llama 3.
      ["5 papers", { size: 5, topic: null }],
      ["09:00 UTC 3 papers on mixture of experts", { size: 3, topic: "mixture of experts" }],
      ["top 3 papers about diffusion", { size: 3, topic: "diffusion" }],
      ["UTC llama 3 papers", { size: 5, topic: "llama 3 papers" }],
    ] as const) {
      const reply = await say(`subscribe ${text}`, "CWORDS");
      expect(reply.tone, text).toBe("info");
      const cadence = "cadence" in expected ? expected.cadence : "daily";
      expect(await services.subscriptions.get(channel("CWORDS"), cadence), text).toMatchObject(expected);
      await services.subscriptions.remove(channel("CWORDS"), cadence);
    }
  });

  it("refuses a second zone and a topic of only common words, keeping the digest there was", async () => {
    await say("subscribe 08:00 UTC rlhf", "CVAGUE");
    for (const [text, pattern] of [
      ["subscribe 09:00 Europe/Berlin Europe/Paris", /^I didn't expect "Europe\/Paris" there/],
      ["subscribe 09:00 Europe/Berlin PST", /^I didn't expect "PST" there/],
      ["subscribe daily weekly 09:00", /^I didn't expect "weekly" there/],
      ["subscribe size 30 diffusion", /^The size is how many papers per digest, a number from 1 to 20/],
      ["subscribe 30 papers diffusion", /^The size is how many papers per digest, a number from 1 to 20/],
      ["subscribe 09:00 diffusion size 1.5", /^The size is how many papers per digest, a number from 1 to 20/],
      ["subscribe weekly mon-fri 9am", /^A weekly digest goes out on one day: pick one, like \/papers subscribe weekly mon 09:00, or for every day leave "weekly" out, like \/papers subscribe 09:00\.$/],
      ["subscribe weekly tue,thu 9am", /^A weekly digest goes out on one day: pick one/],
      ["subscribe at 25 diffusion", /^"25" isn't a time of day/],
      ["subscribe 09:00 the", /^"the" has no word specific enough for a topic; try a few keywords, like \/papers subscribe 09:00 mixture of experts/],
      ["subscribe weekly fri 09:00 UTC the", /like \/papers subscribe weekly fri 09:00 UTC mixture of experts,/],
      ["subscribe 09:00 🚀", /^"🚀" has no word specific enough for a topic/],
      // When to start, not a topic: a digest starts at its next time by itself.
      ["subscribe tomorrow", /^"tomorrow" isn't a topic or a time I can read: a digest comes at its time of day, starting with the next one, like \/papers subscribe 09:00\.$/],
      ["subscribe 07:30 Europe/Berlin now", /like \/papers subscribe 07:30 Europe\/Berlin\.$/],
      ["subscribe every morning", /^"every morning" isn't a topic/],
      ["subscribe 9 tomorrow", /^"9 tomorrow" isn't a topic/],
      // A cadence the digest does not have: subscribing "hourly" replaced the digest with one about "hourly".
      ["subscribe hourly", /^"hourly" isn't a schedule I have: a digest comes every day, like \/papers subscribe 09:00, or once a week on one day, like \/papers subscribe weekly mon 09:00\.$/],
      ["subscribe 10:00 monthly", /^"monthly" isn't a schedule I have: .* like \/papers subscribe 10:00, or .* like \/papers subscribe weekly mon 10:00\.$/],
      ["subscribe every weekday", /^"every weekday" isn't a schedule I have/],
      ["subscribe twice a day", /^"twice a day" isn't a schedule I have/],
      ["subscribe biweekly", /^"biweekly" isn't a schedule I have/],
      ["subscribe me 08:30 weekdays", /^"weekdays" isn't a schedule I have: your own digest comes every day, like \/papers subscribe me 08:30\.$/],
      // Meant to stop the digest: subscribing "off" replaced it with one about "off".
      ["subscribe off", /^"off" isn't a topic: to stop this channel's digest, use \/papers unsubscribe \(its answer gives the subscribe command that brings it back\)\.$/],
      ["subscribe stop", /^"stop" isn't a topic: to stop this channel's digest, use \/papers unsubscribe /],
      ["subscribe weekly pause", /^"pause" isn't a topic: to stop this channel's weekly digest, use \/papers unsubscribe weekly /],
      ["subscribe me cancel", /^"cancel" isn't a topic: to stop your own digest, use \/papers unsubscribe me /],
      ["subscribe 09:00 -survey", /^"-survey" only says what to leave out; add what to look for, like \/papers subscribe 09:00 mixture of experts -survey, or leave/],
    ] as const) {
      const reply = await say(text, "CVAGUE");
      expect(reply.tone, text).toBe("error");
      expect(reply.text, text).toMatch(pattern);
    }
    expect(await services.subscriptions.get(channel("CVAGUE"))).toMatchObject({ localTime: "08:00", topic: "rlhf" });
    await services.subscriptions.remove(channel("CVAGUE"));
  });

  it("names the personal digest a subscribe me replaces", async () => {
    await say("subscribe me 08:00 UTC moe");
    expect((await say("subscribe me 08:00 UTC size:3")).text).toContain('It replaces the one before (08:00 UTC, 5 papers, about "moe").');
    await say("unsubscribe me");
  });

  it("refuses a team ranking for a weekly digest, which is the week's most-upvoted papers", async () => {
    const reply = await say("subscribe weekly mon 09:00 ranked:team", "CWEEK");
    expect(reply.tone).toBe("error");
    expect(reply.text).toBe("A weekly digest lists the week's most-upvoted papers, so it has no team ranking; ranked:team is for a daily digest, like /papers subscribe 09:00 ranked:team.");
    expect(await services.subscriptions.forWorkspace("slack", "T1").then((subs) => subs.filter((s) => s.channelId === "CWEEK"))).toEqual([]);
  });

  it("says how to restart a paused personal digest: subscribing yourself again, not in a channel", async () => {
    const mine = { platform: "slack" as const, workspaceId: "T1", channelId: "@U1" };
    await services.subscriptions.upsert(mine, { localTime: "07:15", timeZone: "Europe/Berlin", topic: "rlhf", size: 3, ranking: "trending", createdBy: "U1" });
    await services.subscriptions.pause(mine, "your direct messages are closed to me");
    // Everything it had, since subscribing again replaces it whole.
    expect(await listing()).toContain("• you (by DM): 07:15 Europe/Berlin, 3 papers, topic \"rlhf\"; paused: your direct messages are closed to me (fix it, then /papers subscribe me 07:15 Europe/Berlin size:3 rlhf)");
    await services.subscriptions.remove(mine);
  });

  it("shows another person's digest in a channel without its topic, and one in their DM with the bot not at all", async () => {
    const ceo = { createdBy: "U0CEO", localTime: "08:00", timeZone: "UTC", size: 5, ranking: "trending" as const };
    await services.subscriptions.upsert(channel("G0SECRET"), { ...ceo, topic: "acquisition of competitor" });
    await services.subscriptions.upsert(channel("D0CEODM"), { ...ceo, topic: "reinforcement learning" });
    const seen = await listing();
    expect(seen).toContain("• <#G0SECRET>: 08:00 UTC, 5 papers, on a topic set there; next");
    expect(seen).not.toMatch(/acquisition|reinforcement|a direct message: 08:00/);
    // Their owner sees both in full; so does anyone asking in that channel.
    const own = await listing({ ...ctx("C9"), user: { platform: "slack", workspaceId: "T1", userId: "U0CEO" } });
    expect(own).toContain('• <#G0SECRET>: 08:00 UTC, 5 papers, topic "acquisition of competitor"');
    expect(own).toContain('• a direct message: 08:00 UTC, 5 papers, topic "reinforcement learning"');
    expect(await listing(ctx("G0SECRET"))).toContain('topic "acquisition of competitor"');
    await services.subscriptions.remove(channel("G0SECRET"));
    await services.subscriptions.remove(channel("D0CEODM"));
  });

  it("removes only this channel's subscription, and says so when there is none", async () => {
    expect((await say("unsubscribe", "C1")).text).toMatch(/^<#C1> will get no more daily digests\. Subscribe again/);
    expect(await services.subscriptions.get(channel("C1"))).toBeNull();
    expect(await services.subscriptions.get(channel("C3"))).not.toBeNull();
    expect((await say("unsubscribe", "C1")).text).toMatch(/^<#C1> has no digest to stop/);
  });

  it("points to the digest a channel has when unsubscribe names the other kind", async () => {
    await say("subscribe weekly mon 09:00", "CONLYWEEK");
    expect((await say("unsubscribe", "CONLYWEEK")).text).toBe("<#CONLYWEEK> has no daily digest, only a weekly one; /papers unsubscribe weekly stops that.");
    // Stopping one kind where both are: the other goes on, and the answer says so.
    await say("subscribe 09:00 UTC", "CONLYWEEK");
    expect((await say("unsubscribe", "CONLYWEEK")).text).toMatch(/^<#CONLYWEEK> will get no more daily digests\. Its weekly digest goes on \(\/papers unsubscribe weekly stops it\)\./);
    expect(await services.subscriptions.get(channel("CONLYWEEK"), "weekly")).not.toBeNull();
    await say("unsubscribe weekly", "CONLYWEEK");
  });

  it("changes nothing when the same digest is typed again after its time: one still owed goes out late", async () => {
    const transport = new RecordingTransport("slack");
    try {
      clock.set("2025-06-10T08:50:00Z");
      await say("subscribe 09:00 UTC size 1", "CAGAIN");
      clock.set("2025-06-10T09:05:00Z"); // no tick ran at 09:00 (the bot was down)
      expect((await say("subscribe 09:00 UTC size 1", "CAGAIN")).text)
        .toMatch(/^Subscribed <#CAGAIN>: next digest within a minute, late, as its time passed while none went out \(1 paper\)\. It was set up so already; nothing changed\./);
      const report = await runDigestTick(services, new Map([["slack", transport]]), new Date("2025-06-10T09:06:00Z"), { retry: fastRetry });
      expect(report.channels.find((c) => c.channel.channelId === "CAGAIN")).toMatchObject({ outcome: "posted", localDate: "2025-06-10", late: true });
      // A changed one still starts from its next time, as it says.
      clock.set("2025-06-10T09:10:00Z");
      await say("subscribe 09:00 UTC size 1", "CCHANGED");
      const after = await runDigestTick(services, new Map([["slack", transport]]), new Date("2025-06-10T09:11:00Z"), { retry: fastRetry });
      expect(after.channels.find((c) => c.channel.channelId === "CCHANGED")).toBeUndefined();
    } finally {
      clock.set("2025-06-10T20:00:00Z");
      await say("unsubscribe", "CAGAIN");
      await say("unsubscribe", "CCHANGED");
    }
  });

  it("answers an unsubscribe with the command that brings the same digest back", async () => {
    // A topic whose own words read as options ("weekly", "size 3", "daily") comes back named, so it stays the topic.
    for (const typed of ["subscribe 10:00 Asia/Tokyo size:7 ranked:team diffusion -video", "subscribe weekly fri 17:30 UTC size:3 moe",
      "subscribe 09:00 UTC topic:weekly benchmark updates", "subscribe 09:00 UTC topic:size 3 models", "subscribe 09:00 UTC topic:daily life agents"]) {
      await say(typed, "CUNDO");
      const weekly = / weekly /.test(typed) && !typed.includes("topic:");
      const before = await services.subscriptions.get(channel("CUNDO"), weekly ? "weekly" : "daily");
      const answer = (await say(weekly ? "unsubscribe weekly" : "unsubscribe", "CUNDO")).text;
      const again = /Subscribe again any time with \/papers (subscribe .*)\.$/.exec(answer)?.[1];
      expect(again, answer).toBe(typed);
      await say(again!, "CUNDO");
      const after = await services.subscriptions.get(channel("CUNDO"), weekly ? "weekly" : "daily");
      for (const key of ["localTime", "timeZone", "topic", "size", "ranking", "cadence", "weekday"] as const) expect(after?.[key], key).toEqual(before?.[key]);
      await say(weekly ? "unsubscribe weekly" : "unsubscribe", "CUNDO");
    }
  });
});
