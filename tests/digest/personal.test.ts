// Personal digests, "not interested" and weekly digests against a real database, through the real tick
// and the real commands: once per person per local day, once per channel per ISO week.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestServices, manualClock, type TestServices } from "../support/services.ts";
import { runDigestTick } from "../../src/core/digest/tick.ts";
import { runText } from "../../src/command-kit/dispatch.ts";
import { createRegistry } from "../../src/commands/index.ts";
import type { CommandContext } from "../../src/command-kit/command.ts";
import { personalTarget } from "../../src/core/person-target.ts";
import { isoWeek } from "../../src/core/digest/weekly.ts";
import { likeDisliked } from "../../src/core/recommend/sink.ts";
import { rankForTeam } from "../../src/core/recommend/team.ts";
import { profileOf } from "../../src/core/recommend/person.ts";
import { personalHeader } from "../../src/core/digest/personal.ts";
import { RecordingTransport, fastRetry, paperIds, slackChannel } from "./support.ts";
import { plainTyped } from "../../src/core/messages/typed.ts";
import { Writable } from "node:stream";
import { ConsoleTransport } from "../../src/adapters/console/transport.ts";
import { papersAbout } from "../../src/core/relevance.ts";

const T0 = "2025-03-12T12:00:00Z";
const user = { platform: "slack" as const, workspaceId: "T1", userId: "U7" };
let services: TestServices;
let transport: RecordingTransport;
const clock = manualClock(T0);
const registry = createRegistry();
const tick = (at: string) => runDigestTick(services, new Map([["slack", transport]]), new Date(at), { retry: fastRetry });
const run = (text: string, at = T0, extra: Partial<CommandContext> = {}) => runText(registry, text,
  { services, user, channel: slackChannel("C1"), canManageChannel: false, now: new Date(at), ...extra });

beforeEach(async () => {
  services = await createTestServices({ clock });
  transport = new RecordingTransport("slack");
});
afterEach(async () => { await services.close(); });

describe("personal digest", () => {
  it("arrives once per local day at the person's time (Slack's zone), skipping saved and already-shown papers", async () => {
    const reply = await run("subscribe me 08:30", T0, { userTimeZone: async () => "America/New_York" });
    expect(reply.tone).not.toBe("error");
    expect(reply.text).toMatch(/08:30 America\/New_York/);
    const trending = (await services.papers.trending("2025-03-12"))!.ids;
    await services.bookmarks.add(user, trending[0]!);
    const me = personalTarget(user);
    // 08:30 in New York is 12:30 UTC (daylight time).
    expect((await tick("2025-03-12T12:29:00Z")).channels).toEqual([]);
    const first = await tick("2025-03-12T12:30:00Z");
    expect(first.channels).toMatchObject([{ outcome: "posted", localDate: "2025-03-12" }]);
    const posts = transport.to(me);
    expect(posts[0]!.reply.text).toMatch(/only 1 bookmark.*Bookmark papers you like/);
    const shown = paperIds(posts);
    expect(shown).toHaveLength(5);
    expect(shown).not.toContain(trending[0]);
    // Reruns the same day post nothing; the next day leaves out what was shown.
    await tick("2025-03-12T12:31:00Z");
    await tick("2025-03-12T23:00:00Z");
    expect(transport.to(me)).toHaveLength(6);
    await tick("2025-03-13T12:30:00Z");
    const next = paperIds(transport.to(me).slice(6));
    expect(next.filter((id) => shown.includes(id))).toEqual([]);
    expect(await services.posted.paperFor(me, transport.to(me)[1]!.messageId)).toBe(shown[0]);
  });

  it("with 3 bookmarks, each paper's card says why it is there, and its text is only the title", async () => {
    expect((await run("subscribe me 13:00 UTC")).tone).not.toBe("error");
    for (const hit of services.catalog.index.search("reinforcement learning", { limit: 3 }).hits) await services.bookmarks.add(user, hit.id);
    await tick("2025-03-12T13:00:00Z");
    const cards = transport.to(personalTarget(user)).slice(1).map((p) => ({ text: p.reply.text, card: p.reply.papers![0]! }));
    expect(cards).toHaveLength(5);
    expect(cards.filter(({ card }) => /^like “.+”, which you saved$/.test(card.reason ?? "")).length).toBeGreaterThan(0);
    // The title is the notification text; the reason rides on the card, so no client says it twice.
    for (const { text, card } of cards) expect(text).toBe(card.title);
  });

  // The topic used to count only below 3 bookmarks: from 3 on, "starcraft" was answered and then dropped, and
  // the DM listed papers like the bookmarks (model-based RL), none on StarCraft.
  it("with 3 bookmarks and a topic, picks the topic's papers, ranked by the bookmarks, and says when none is new", async () => {
    for (const hit of services.catalog.index.search("model-based reinforcement learning", { limit: 3 }).hits) await services.bookmarks.add(user, hit.id);
    const reply = await run("subscribe me 08:30 UTC size 3 starcraft");
    expect(plainTyped(reply.text)).toContain('(3 papers, about "starcraft"; the topic\'s papers, ranked by your bookmarks)');
    await tick("2025-03-13T08:30:00Z");
    const posts = transport.to(personalTarget(user));
    const about = new Set(papersAbout(services.catalog.index, "starcraft", { limit: 100 }).map((h) => h.id));
    expect(about.size).toBeGreaterThan(0);
    const picked = paperIds(posts);
    expect(picked.length).toBeGreaterThan(0);
    for (const id of picked) expect(about.has(id), id).toBe(true);
    expect(plainTyped(posts[0]!.reply.text)).toMatch(/^Your papers for .+: \d papers? on "starcraft", ranked by your 3 bookmarks/);
    // A topic no paper is about: a quiet day, said as a topic digest says it, not the bookmarks' picks.
    await run("subscribe me 08:30 UTC size 3 zorblax");
    await tick("2025-03-14T08:30:00Z");
    const quiet = transport.to(personalTarget(user)).slice(posts.length);
    expect(quiet).toHaveLength(1);
    expect(plainTyped(quiet[0]!.reply.text)).toMatch(/^No new papers on "zorblax" for you on /);
  });

  it("asks a Discord person for a zone, and needs no channel rights; unsubscribe me stops it", async () => {
    const discord = { platform: "discord" as const, workspaceId: "G1", userId: "42" };
    const ctx = { services, user: discord, channel: { platform: "discord" as const, workspaceId: "G1", channelId: "99" }, canManageChannel: false, now: new Date(T0) };
    expect((await runText(registry, "subscribe me 08:30", ctx)).text).toMatch(/Which time zone/);
    expect((await runText(registry, "subscribe me 08:30 Europe/Berlin", ctx)).text).toMatch(/08:30 Europe\/Berlin/);
    expect((await runText(registry, "subscribe 08:30", ctx)).text).toMatch(/Only people who can manage/);
    expect(await services.subscriptions.get(personalTarget(discord))).toMatchObject({ timeZone: "Europe/Berlin" });
    // A new time without a zone keeps the zone it had; the examples it is shown carry a zone, so they work as typed.
    await runText(registry, "subscribe me 07:45 Asia/Tokyo", ctx);
    expect((await runText(registry, "subscribe me 08:15", ctx)).text).toMatch(/08:15 Asia\/Tokyo/);
    expect((await runText(registry, "subscribe me weekly", ctx)).text).toContain("/papers subscribe who:me time:08:15 zone:Asia/Tokyo sets its time");
    expect((await runText(registry, "unsubscribe me", ctx)).text).toBe("You'll get no more personal digests. Start again any time with /papers subscribe who:me time:08:15 zone:Asia/Tokyo.");
    expect(await services.subscriptions.get(personalTarget(discord))).toBeNull();
    expect((await runText(registry, "unsubscribe me", ctx)).text).toContain("/papers subscribe who:me time:08:30 zone:Europe/Berlin.");
  });
});

describe("not interested", () => {
  it("changes the next for-you: the paper leaves, papers like it sink, and each pick says why", async () => {
    const all = services.catalog.index.search("reinforcement learning", { limit: 10 }).hits.map((h) => h.id);
    for (const id of all.slice(0, 3)) await services.bookmarks.add(user, id);
    const before = await run("foryou");
    const picks = before.papers!.map((p) => p.id);
    // Each card says why it is there: the saved paper it is most like.
    expect(before.papers!.some((p) => /^like “.+”, which you saved$/.test(p.reason ?? ""))).toBe(true);
    expect(before.papers!.every((p) => p.reason)).toBe(true);
    const victim = picks[0]!;
    const marked = await run(`not-interested ${victim}`);
    expect(marked.text).toMatch(/will sink/);
    const after = await run("foryou");
    const again = after.papers!.map((p) => p.id);
    expect(again).not.toContain(victim);
    // Papers like the marked one (more than like the bookmarks) come after every other pick.
    const sunk = likeDisliked(services.catalog.index, [victim], all.slice(0, 3));
    const firstSunk = again.findIndex((id) => sunk.has(id));
    if (firstSunk >= 0) expect(again.slice(firstSunk).every((id) => sunk.has(id))).toBe(true);
    expect(again).not.toEqual(picks);
    // A number means that paper of the last list seen here: the third for-you pick.
    const third = after.papers![2]!;
    expect((await run("not-interested 3")).text).toContain(third.title);
    expect((await run("not-interested undo")).text).toMatch(/Taken back/); // the latest mark: the third pick
    expect((await run(`not-interested undo ${victim}`)).text).toMatch(/Taken back/);
    expect((await run("foryou")).papers!.map((p) => p.id)).toContain(victim);
  });
});

describe("not interested in a paper you saved", () => {
  it("keeps the bookmark and its note, says so, and the paper no longer seeds your for-you", async () => {
    const saved = services.catalog.index.search("diffusion", { limit: 1 }).hits[0]!.id;
    await services.bookmarks.add(user, saved);
    await services.bookmarks.setNote(user, saved, "read before Friday");
    const marked = await run(`not-interested ${saved}`);
    expect(marked.text).toMatch(/will sink.*It stays in your reading list \(\/papers unbookmark \S+ removes it\)/);
    expect((await services.bookmarks.list(user)).entries.find((e) => e.paperId === saved)).toMatchObject({ note: "read before Friday" });
    expect((await run(`not-interested undo ${saved}`)).text).toMatch(/Taken back/);
    expect(await services.bookmarks.has(user, saved)).toBe(true);
    await services.bookmarks.remove(user, saved);
  });
});

describe("the personal digest's header", () => {
  it("names the topic only as far as the papers meet it", () => {
    const text = (onTopic: number) => plainTyped(personalHeader("2025-03-11", 5, 0, "sparse autoencoders", onTopic).text);
    expect(text(0)).toContain(`based on today's trending papers (none is about your topic "sparse autoencoders" yet)`);
    expect(text(2)).toContain(`based on your topic "sparse autoencoders" (2 of them) and today's trending papers`);
    expect(text(5)).toContain(`based on your topic "sparse autoencoders", since`);
  });
});

describe("a saved paper later marked not interested", () => {
  it("no longer counts among the bookmarks picks are made from, in subscribe's answer and the digest's header alike", async () => {
    const reader = { ...user, userId: "U-three" };
    const ctx3 = { user: reader, channel: { platform: "slack" as const, workspaceId: "T1", channelId: "D3" } };
    const three = services.catalog.index.search("mixture of experts", { limit: 3 }).hits.map((h) => h.id);
    for (const id of three) await services.bookmarks.add(reader, id);
    await run(`not-interested ${three[2]}`, T0, ctx3);
    expect((await profileOf(services, reader)).seedIds).toEqual(expect.not.arrayContaining([three[2]]));
    expect((await run("subscribe me 09:00 UTC", T0, ctx3)).text).toMatch(/from today's trending papers until you have 3 bookmarks/);
    expect(personalHeader("2025-03-11", 5, (await profileOf(services, reader)).seedIds.length, null).text).toMatch(/since you have only 2 bookmarks/);
    await run("unsubscribe me", T0, ctx3);
  });
});

describe("not interested in ranked: team digests", () => {
  it("sinks the marked paper and papers like it below the rest of the day's list", async () => {
    const ch = slackChannel("C1");
    const ids = (await services.papers.trending("2025-03-12"))!.ids.slice(0, 10);
    await services.posted.record(ch, "m1", ids[0]!, "digest");
    await services.bookmarks.add(user, ids[0]!);
    const before = await rankForTeam(services, ch, ids);
    const victim = before[1]!;
    await run(`not-interested ${victim}`);
    const after = await rankForTeam(services, ch, ids);
    expect(after.indexOf(victim)).toBeGreaterThan(before.indexOf(victim));
    const sunk = likeDisliked(services.catalog.index, [victim]);
    // The paper a member saved stays first (savedBy ranks before everything); below it, the sunk ones last.
    const rest = after.filter((id) => id !== ids[0]);
    const firstSunk = rest.findIndex((id) => sunk.has(id));
    expect(firstSunk).toBeGreaterThanOrEqual(0);
    expect(rest.slice(firstSunk).every((id) => sunk.has(id))).toBe(true);
    expect([...after].sort()).toEqual([...ids].sort());
  });
});

describe("a personal digest's header", () => {
  it("names an older trending list by its date, and says when it went out late, as a channel digest's does", async () => {
    await run("subscribe me 02:30 Europe/Berlin", "2025-03-19T00:00:00Z");
    // 13:00 in Berlin on 20 Mar, with only the bundled list of 11 Mar.
    await tick("2025-03-20T12:00:00Z");
    expect(plainTyped(transport.to(personalTarget(user))[0]!.reply.text)).toMatch(
      /^Your papers for Thu 20 Mar: 5 papers, based on the trending papers of 2025-03-11, since you have no bookmarks yet\. \(late: delivered at 13:00 instead of 02:30\) Bookmark papers/);
  });
});

describe("a weekly or personal digest's numbers", () => {
  it("mean its papers where it was read: the channel for a weekly one, the person's DMs for their own", async () => {
    await run("subscribe weekly wed 09:00 size 3", "2025-03-10T08:00:00Z", { canManageChannel: true });
    await run("subscribe me 10:00 UTC", "2025-03-10T08:00:00Z");
    await tick("2025-03-12T10:00:00Z");
    const weekly = paperIds(transport.to(slackChannel("C1"))), mine = paperIds(transport.to(personalTarget(user)));
    expect(weekly).toHaveLength(3);
    expect(mine.length).toBeGreaterThan(1);
    const title = async (id: string) => (await services.catalog.find(id))!.title;
    // Someone else in the channel, and the person in their DMs (a Slack DM's own D… id).
    const bob = { ...user, userId: "U0BOB" };
    expect(plainTyped((await run("bookmark 2", "2025-03-12T10:05:00Z", { user: bob })).text)).toBe(`🔖 Bookmarked “${await title(weekly[1]!)}”.`);
    expect(plainTyped((await run("bookmark 2", "2025-03-12T10:05:00Z", { channel: slackChannel("D0U7") })).text)).toBe(`🔖 Bookmarked “${await title(mine[1]!)}”.`);
    // Not in a channel where the person saw no list.
    expect((await run("bookmark 2", "2025-03-12T10:05:00Z", { channel: slackChannel("C2") })).text).toMatch(/^There is no numbered list here/);
  });

  it("in the terminal, mean the papers of the digest printed last, when the channel's and the person's own are due together", async () => {
    const me = { platform: "console" as const, workspaceId: "local", userId: "you" };
    const terminal = { channel: { ...me, channelId: "terminal" }, user: me };
    let printed = "";
    const screen = new ConsoleTransport(new Writable({ write(chunk, _encoding, done) { printed += String(chunk); done(); } }));
    await run("subscribe 10:00 UTC", "2025-03-10T08:00:00Z", { ...terminal, canManageChannel: true });
    await run("subscribe me 10:00 UTC", "2025-03-10T08:00:00Z", terminal);
    await runDigestTick(services, new Map([["console", screen]]), new Date("2025-03-12T10:00:00Z"), { retry: fastRetry });
    // The terminal has no reactions: its channel digest's header says how to save a paper there.
    expect(printed).toContain("Save one with /papers bookmark <number>.");
    expect(printed).not.toContain("React with");
    // One digest whole, then the other: the channel a line is in changes once.
    const channels = [...printed.matchAll(/^\[#([^\]]+)\]/gm)].map((m) => m[1]!);
    expect(channels.filter((c, i) => i > 0 && c !== channels[i - 1])).toHaveLength(1);
    // The last "1. …" printed is the first paper of the digest that printed last.
    const firsts = [...printed.matchAll(/^\[#[^\]]+\] 1\. (.+)$/gm)].map((m) => m[1]!);
    expect(firsts).toHaveLength(2);
    expect(plainTyped((await run("bookmark 1", "2025-03-12T10:05:00Z", terminal)).text)).toBe(`🔖 Bookmarked “${firsts[1]}”.`);
  });

  it("mean the person's own papers in the terminal, which prints that digest in the session", async () => {
    const me = { platform: "console" as const, workspaceId: "local", userId: "you" };
    const terminal = { channel: { ...me, channelId: "terminal" }, user: me };
    const console = new RecordingTransport("console");
    await run("subscribe me 10:00 UTC", "2025-03-10T08:00:00Z", terminal);
    await runDigestTick(services, new Map([["console", console]]), new Date("2025-03-12T10:00:00Z"), { retry: fastRetry });
    const mine = paperIds(console.to(personalTarget(me)));
    expect(mine.length).toBeGreaterThan(1);
    const title = (await services.catalog.find(mine[1]!))!.title;
    expect(plainTyped((await run("bookmark 2", "2025-03-12T10:05:00Z", terminal)).text)).toBe(`🔖 Bookmarked “${title}”.`);
  });
});

describe("weekly digest", () => {
  it("follows a daily digest due at the same minute in the same channel, each whole, never interleaved", async () => {
    await run("subscribe 09:00 UTC size 3", "2025-03-10T08:00:00Z", { canManageChannel: true });
    await run("subscribe weekly wed 09:00 UTC size 3", "2025-03-10T08:00:00Z", { canManageChannel: true });
    await tick("2025-03-12T09:00:00Z");
    // Each digest is its header and then its papers: no header after the first paper but the second digest's.
    const kinds = transport.to(slackChannel("C1")).map((p) => (p.reply.papers?.length ? "paper" : "header"));
    expect(kinds).toEqual(["header", "paper", "paper", "paper", "header", "paper", "paper", "paper"]);
    expect(transport.to(slackChannel("C1"))[4]!.reply.text).toMatch(/week/i);
  });

  it("posts the week's most-upvoted papers once per ISO week", async () => {
    const reply = await run("subscribe weekly wed 09:00", "2025-03-10T08:00:00Z", { canManageChannel: true });
    expect(reply.text).toMatch(/weekly on Wednesday/);
    const ch = slackChannel("C1");
    expect((await tick("2025-03-12T08:59:00Z")).channels).toEqual([]);
    const first = await tick("2025-03-12T09:00:00Z");
    expect(first.channels).toMatchObject([{ outcome: "posted", localDate: isoWeek("2025-03-12") }]);
    const count = transport.to(ch).length;
    expect(transport.to(ch)[0]!.reply.text).toMatch(/most-upvoted papers of the week/);
    expect(transport.to(ch)[0]!.reply.text).not.toMatch(/From Hugging Face's trending list/); // the week's own list
    await tick("2025-03-13T09:00:00Z");
    await tick("2025-03-16T23:00:00Z");
    expect(transport.to(ch)).toHaveLength(count);
    const nextWeek = await tick("2025-03-19T09:00:00Z");
    expect(nextWeek.channels).toMatchObject([{ outcome: "posted", localDate: "2025-W12" }]);
    // Only the 2025-03-11 list until then (and no newer one): the week to Wed 26 Mar says whose papers they are.
    await tick("2025-03-26T09:00:00Z");
    const headers = transport.to(ch).map((m) => m.reply.text).filter((t) => /most-upvoted papers of the week/.test(t));
    expect(headers.at(-1)).toMatch(/of the week to Wed 26 Mar \(W13\): \d+ papers?\. From Hugging Face's trending list of 2025-03-11\./);
  });
});
