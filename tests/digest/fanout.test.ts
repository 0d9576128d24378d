// The digest tick against a real database: exactly once per channel per local day through reruns,
// crashes and transient failures; catch-up within the day only; one bad channel never stops the rest.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReplica, createTestServices, manualClock, type TestServices } from "../support/services.ts";
import { runDigestTick } from "../../src/core/digest/tick.ts";
import { DeliveryLedger, LEASE_MS } from "../../src/core/delivery/ledger.ts";
import { ChannelUnavailableError, MessageRefusedError, TransientPostError, type ChatTransport } from "../../src/core/transport.ts";
import { RecordingTransport, fastRetry, paperIds, passLeaseTime, slackChannel, subscribe } from "./support.ts";
import { personalTarget } from "../../src/core/person-target.ts";
import { plainTyped } from "../../src/core/messages/typed.ts";

const T0 = "2025-03-12T09:00:00Z";
let services: TestServices;
let transport: RecordingTransport;
const clock = manualClock(T0);
const tick = (at: string | Date, options = {}) => runDigestTick(services, new Map([["slack", transport]]), new Date(at), { retry: fastRetry, ...options });

beforeEach(async () => {
  services = await createTestServices({ clock });
  transport = new RecordingTransport("slack");
});
afterEach(async () => { await services.close(); });

describe("a digest's header", () => {
  // A ranked:team topic digest's header said "most relevant first", though rankForTeam had reordered it.
  it("says how the papers are ordered: by relevance for a topic, by the team's bookmarks for ranked:team", async () => {
    const sub = (id: string, topic: string | null, ranking: "trending" | "team") => services.subscriptions.upsert(slackChannel(id),
      { localTime: "09:00", timeZone: "UTC", topic, size: 3, ranking, createdBy: "U1" });
    await sub("CTOPIC", "agents", "trending");
    await sub("CTEAMTOPIC", "agents", "team");
    await sub("CTEAM", null, "team");
    await tick(T0);
    const header = (id: string) => plainTyped(transport.to(slackChannel(id))[0]!.reply.text);
    expect(header("CTOPIC")).toMatch(/^Trending papers on "agents" for Wed 12 Mar, most relevant first: 3 papers\./);
    expect(header("CTEAMTOPIC")).toMatch(/^Trending papers on "agents" for Wed 12 Mar, ranked by this team's bookmarks: 3 papers\./);
    expect(header("CTEAM")).toMatch(/^Trending papers for Wed 12 Mar, ranked by this team's bookmarks: 3 papers\./);
  });
});

describe("digest tick", () => {
  it("posts a header and then each paper as its own message, recorded for reactions", async () => {
    const ch = slackChannel("C1");
    await subscribe(services, ch, { size: 5 });
    expect((await tick("2025-03-12T08:59:00Z")).channels).toEqual([]);
    const report = await tick(T0);
    expect(report.channels).toMatchObject([{ outcome: "posted", posted: 6, localDate: "2025-03-12" }]);
    const posts = transport.to(ch);
    expect(posts).toHaveLength(6);
    expect(posts[0]!.reply.text).toMatch(/^Trending papers for Wed 12 Mar: 5 papers/);
    expect(posts[0]!.reply.text).not.toMatch(/late|leaving out/);
    // The newest list is the bundled capture of the day before: said, not passed off as the 12th's.
    expect(posts[0]!.reply.text).toContain("From Hugging Face's trending list of 2025-03-11.");
    const trending = (await services.papers.trending("2025-03-12"))!.ids.slice(0, 5);
    expect(paperIds(posts)).toEqual(trending);
    for (const post of posts.slice(1)) {
      expect(await services.posted.paperFor(ch, post.messageId)).toBe(post.reply.papers![0]!.id);
    }
    expect(new Set(posts.map((p) => p.key)).size).toBe(6);
    const job = await services.db.jobRun.findUnique({ where: { name: "digest" } });
    expect(job?.lastSuccessAt).toBeTruthy();
  });

  it("posts yesterday's late digest after midnight when no tick sent it (the bot down at 23:58), once, and never one from before it was set up", async () => {
    const ch = slackChannel("CNIGHT"), fresh = slackChannel("CNEW");
    const sub = await subscribe(services, ch, { localTime: "23:58", size: 2 });
    // Set up days before (the store dates it by the real clock, years after these instants).
    await services.db.subscription.update({ where: { id: sub.id }, data: { updatedAt: new Date("2025-03-01T00:00:00Z") } });
    await subscribe(services, fresh, { localTime: "23:58", size: 2 }); // set up "now": after the 12th's 23:58
    expect((await tick("2025-03-12T23:57:00Z")).channels).toEqual([]);
    const after = await tick("2025-03-13T00:01:00Z");
    expect(after.channels).toMatchObject([{ channel: ch, outcome: "posted", posted: 3, localDate: "2025-03-12" }]);
    expect(plainTyped(transport.to(ch)[0]!.reply.text)).toMatch(/^Trending papers for Wed 12 Mar: .*\(late: delivered at 00:01 on Thu 13 Mar instead of 23:58\)$/);
    expect((await tick("2025-03-13T00:02:00Z")).channels).toEqual([]);
    // The 13th's at its own time; past twelve hours a missed evening is not brought back.
    expect((await tick("2025-03-13T23:58:00Z")).channels.find((c) => c.channel.channelId === "CNIGHT")).toMatchObject({ localDate: "2025-03-13" });
    await services.db.subscription.updateMany({ where: { channelId: "CNEW" }, data: { updatedAt: new Date("2025-03-01T00:00:00Z") } });
    expect((await tick("2025-03-15T12:30:00Z")).channels).toEqual([]);
    expect(transport.to(fresh).filter((p) => p.reply.text.includes("12 Mar"))).toEqual([]);
  });

  it("says a topic's quiet day is one of papers already posted here, or of none about it, not 'no new papers' either way", async () => {
    const seen = slackChannel("CSEEN"), none = slackChannel("CNONE");
    await subscribe(services, seen, { topic: "pokemon" });
    await subscribe(services, none, { topic: "quantum chemistry" });
    await tick(T0);
    await tick("2025-03-13T09:00:00Z");
    expect(transport.to(seen).map((p) => plainTyped(p.reply.text)).at(-1)).toBe("No new papers on \"pokemon\" today: the one about it was posted here in the last 7 days.");
    expect(transport.to(none).map((p) => plainTyped(p.reply.text))).toEqual(Array(2).fill("No trending paper is about \"quantum chemistry\" today."));
  });

  it("posts nothing on a rerun of the same minute, or later that day", async () => {
    await subscribe(services, slackChannel("C1"));
    await tick(T0);
    const again = await tick(T0);
    const later = await tick("2025-03-12T15:00:00Z");
    expect(transport.posts).toHaveLength(6);
    expect([...again.channels, ...later.channels].every((c) => c.posted === 0)).toBe(true);
    // The next local day gets the next digest (the already-posted papers are excluded).
    const tomorrow = await tick("2025-03-13T09:00:00Z");
    expect(tomorrow.channels[0]).toMatchObject({ outcome: "posted", localDate: "2025-03-13" });
  });

  it("resumes a digest whose run failed after 2 messages: exactly the rest, on the next tick", async () => {
    const ch = slackChannel("C1");
    await subscribe(services, ch, { size: 5 });
    transport.hook = (_c, _attempt, delivered) => delivered === 2 ? { error: new Error("process died") } : undefined;
    const first = await tick(T0);
    expect(first.channels[0]).toMatchObject({ outcome: "failed", posted: 2 });
    transport.hook = undefined;
    // A run that fails in a live process releases the row (a killed one cannot: its lease runs out, next
    // test), so the next tick resumes it at once, from any process. (This once asked a second tick at the
    // same injected instant to skip the row: true only while that tick reached its claim sooner than the
    // first had released it, which a loaded machine did not always do.)
    const next = await runDigestTick(services, new Map([["slack", transport]]), new Date(Date.parse(T0) + 60_000), { retry: fastRetry, owner: "other" });
    expect(next.channels[0]).toMatchObject({ outcome: "posted", posted: 4, resumed: true });
    await tick(new Date(Date.parse(T0) + LEASE_MS + 60_000)); // and later ticks that day send nothing more
    const posts = transport.to(ch);
    expect(posts).toHaveLength(6);
    expect(new Set(paperIds(posts)).size).toBe(5);
    expect(posts[0]!.reply.text).toMatch(/^Trending papers/);
  });

  it("plans and sends the whole digest for a row claimed by a process that died before writing its plan", async () => {
    const ch = slackChannel("C1");
    await subscribe(services, ch, { size: 5 });
    // The claim and its plan are two statements: this is the row a crash between them leaves, its lease just begun.
    await services.db.delivery.create({ data: { platform: ch.platform, workspaceId: ch.workspaceId, channelId: ch.channelId, localDate: "2025-03-12",
      status: "claimed", claimedBy: "died", leaseUntil: new Date(Date.now() + LEASE_MS), createdAt: new Date(T0) } });
    expect((await tick(T0)).channels[0]).toMatchObject({ outcome: "skipped", posted: 0 });
    await passLeaseTime(services.db, LEASE_MS + 60_000);
    const resumed = await tick(new Date(Date.parse(T0) + LEASE_MS + 60_000));
    expect(resumed.channels[0]).toMatchObject({ outcome: "posted", posted: 6, resumed: true });
    expect(transport.findCalls).toBe(0); // nothing was "sending": no need to ask the platform
    expect(transport.to(ch)).toHaveLength(6);
    expect(await services.db.deliveryItem.count({ where: { status: "sent" } })).toBe(6);
  });

  it("hands a killed claimer's digest to the tick two minutes after the one that claimed it, though the claim came after that tick began", async () => {
    const ch = slackChannel("C1");
    await subscribe(services, ch, { size: 5 });
    // kill -9 right after claiming: a claim is made a moment after its tick began (here 0.1 s; seconds in a big fan-out).
    expect(await new DeliveryLedger(services.deliveries, "killed").claim(ch, "2025-03-12", new Date(Date.parse(T0) + 100), false)).toMatchObject({ resumed: false });
    // The tick a minute later finds the lease held; the one two minutes after the claiming tick takes over
    // (README: "takes over after the 2-minute lease"), its own claim again a moment after it began.
    await passLeaseTime(services.db, 60_000 - 100);
    expect((await tick(new Date(Date.parse(T0) + 60_000))).channels[0]).toMatchObject({ outcome: "skipped", posted: 0 });
    await passLeaseTime(services.db, 60_000);
    expect((await tick(new Date(Date.parse(T0) + 120_000))).channels[0]).toMatchObject({ outcome: "posted", posted: 6, resumed: true });
  });

  // Each replica once judged a lease by its own clock: one running ahead of the claimer by more than the
  // lease saw a live claim as run out and posted the digest a second time (one behind waited past a dead
  // claimer's lease). Leases are now judged by the database's clock, which every replica shares.
  it("leaves a live claim to its claimer when the replica ticking beside it runs 3 minutes ahead: one digest", async () => {
    const ch = slackChannel("C1");
    await subscribe(services, ch, { size: 5 });
    const ahead = manualClock(new Date(Date.parse(T0) + 3 * 60_000));
    const replica = await createReplica(services, { clock: ahead });
    try {
      let replicaTick: ReturnType<typeof runDigestTick> | undefined;
      // The claimer's transport: after its first two messages the replica ticks, while the claim is live.
      const claimer: ChatTransport = { platform: "slack", findPosted: (c, k, s) => transport.findPosted(c, k, s),
        post: async (c, reply, options) => {
          const posted = await transport.post(c, reply, options);
          if (transport.posts.length === 2) await (replicaTick ??= runDigestTick(replica, new Map([["slack", transport]]), ahead(), { retry: fastRetry, owner: "ahead" }));
          return posted;
        } };
      const report = await runDigestTick(services, new Map([["slack", claimer]]), clock(), { retry: fastRetry, owner: "claimer" });
      expect(report.channels[0]).toMatchObject({ outcome: "posted", posted: 6 });
      expect((await replicaTick!).channels[0]).toMatchObject({ outcome: "skipped", posted: 0 });
      expect(transport.to(ch)).toHaveLength(6);
      expect(new Set(transport.to(ch).map((p) => p.key)).size).toBe(6);
    } finally {
      await replica.close();
    }
  });

  // A live claimer renewed its lease only between messages, so one message whose 429s kept it waiting past
  // the lease (Retry-After up to 30 s, six tries) let another replica take the digest over and post it
  // again, the waiting message included. It now renews before each retry.
  it("keeps its lease while one message waits out 429s longer than the lease: the replica ticking meanwhile posts nothing", async () => {
    const ch = slackChannel("C1");
    await subscribe(services, ch, { size: 3 });
    const replica = await createReplica(services);
    try {
      let waits = 0;
      let replicaTick: ReturnType<typeof runDigestTick> | undefined;
      const retry = { ...fastRetry, sleep: async () => {
        await passLeaseTime(services.db, 30_000); // each Retry-After wait is 30 s on the database's clock
        if (++waits === 4) replicaTick = runDigestTick(replica, new Map([["slack", transport]]), clock(), { retry: fastRetry, owner: "replica" });
        if (replicaTick) await replicaTick;
      } };
      transport.hook = (_c, attempt) => attempt >= 2 && attempt <= 5 ? { error: new TransientPostError("429", 30_000) } : undefined;
      const report = await tick(T0, { retry, owner: "claimer" });
      expect(report.channels[0]).toMatchObject({ outcome: "posted", posted: 4 });
      expect((await replicaTick!).channels[0]).toMatchObject({ outcome: "skipped", posted: 0 });
      expect(transport.to(ch)).toHaveLength(4);
      expect(new Set(transport.to(ch).map((p) => p.key)).size).toBe(4);
    } finally {
      await replica.close();
    }
  });

  it("posts nothing more once its lease was taken over during one wait, and the taker sends the rest once", async () => {
    const ch = slackChannel("C1");
    await subscribe(services, ch, { size: 3 });
    const replica = await createReplica(services);
    try {
      let replicaTick: ReturnType<typeof runDigestTick> | undefined;
      const retry = { ...fastRetry, sleep: async () => {
        await passLeaseTime(services.db, 5 * 60_000); // a stall of minutes: the lease runs out, the replica takes over
        await (replicaTick ??= runDigestTick(replica, new Map([["slack", transport]]), clock(), { retry: fastRetry, owner: "replica" }));
      } };
      transport.hook = (_c, attempt) => attempt === 2 ? { error: new TransientPostError("HTTP 503") } : undefined;
      const report = await tick(T0, { retry, owner: "claimer" });
      expect(report.channels[0]).toMatchObject({ outcome: "skipped", posted: 1, reason: "taken over by another process" });
      expect((await replicaTick!).channels[0]).toMatchObject({ outcome: "posted", posted: 3, resumed: true });
      expect(transport.to(ch)).toHaveLength(4);
      expect(new Set(transport.to(ch).map((p) => p.key)).size).toBe(4);
    } finally {
      await replica.close();
    }
  });

  it("asks the platform about a message left in 'sending' instead of posting it twice", async () => {
    const ch = slackChannel("C1");
    await subscribe(services, ch, { size: 3 });
    // The third message reaches the channel, then the process dies before marking it sent.
    transport.hook = (_c, attempt) => attempt === 3 ? { error: new Error("killed after send"), after: true } : undefined;
    await tick(T0);
    expect(transport.posts).toHaveLength(3);
    const items = await services.db.deliveryItem.findMany({ orderBy: { position: "asc" } });
    expect(items.map((i) => i.status)).toEqual(["sent", "sent", "sending", "pending"]);
    transport.hook = undefined;
    await tick(new Date(Date.parse(T0) + LEASE_MS + 60_000));
    expect(transport.findCalls).toBe(1);
    expect(transport.posts).toHaveLength(4);
    expect(new Set(paperIds(transport.posts)).size).toBe(3);
    const after = await services.db.deliveryItem.findMany({ orderBy: { position: "asc" } });
    expect(after.map((i) => i.messageId)).toEqual(["m1", "m2", "m3", "m4"]);
  });

  it("finds a message left in 'sending' by a tick run as of a later instant than the wall clock (digest run --now)", async () => {
    // The platform stamps messages by the wall clock, hours before the instant the tick claimed by.
    const ahead = new Date(`${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T09:00:00Z`); // tomorrow, 09:00 UTC
    const ch = slackChannel("C1");
    await subscribe(services, ch, { size: 3 });
    transport.hook = (_c, attempt) => attempt === 3 ? { error: new Error("killed after send"), after: true } : undefined;
    await tick(ahead);
    transport.hook = undefined;
    await tick(new Date(ahead.getTime() + LEASE_MS + 60_000));
    expect(transport.findCalls).toBe(1);
    expect(transport.posts).toHaveLength(4); // the third was found, not posted again
  });

  it("settles a window whose PostedMessage row another process already wrote, keeping that row", async () => {
    const ch = slackChannel("C1");
    await subscribe(services, ch, { size: 2 });
    const first = (await services.papers.trending("2025-03-12"))!.ids[0]!;
    // The transport's second message will be "m2": as if a process that took the row over had recorded it.
    await services.posted.record(ch, "m2", first, "digest", new Date(T0));
    expect((await tick(T0)).channels[0]).toMatchObject({ outcome: "posted", posted: 3 });
    const items = await services.db.deliveryItem.findMany({ orderBy: { position: "asc" } });
    expect(items.map((i) => [i.status, i.messageId])).toEqual([["sent", "m1"], ["sent", "m2"], ["sent", "m3"]]);
    expect(await services.db.postedMessage.count()).toBe(2);
    expect(await services.posted.paperFor(ch, "m3")).toBe(paperIds(transport.posts)[1]);
  });

  it("re-sends a message left in 'sending' that never arrived", async () => {
    await subscribe(services, slackChannel("C1"), { size: 2 });
    transport.hook = (_c, attempt) => attempt === 2 ? { error: new Error("killed before send") } : undefined;
    await tick(T0);
    transport.hook = undefined;
    await services.db.deliveryItem.updateMany({ where: { position: 1 }, data: { status: "sending" } });
    await tick(new Date(Date.parse(T0) + LEASE_MS + 60_000));
    expect(transport.findCalls).toBe(1);
    expect(transport.posts).toHaveLength(3);
  });

  it("retries 429 bursts (honouring Retry-After) and 5xx, without duplicating a 5xx that did post", async () => {
    const ch = slackChannel("C1");
    await subscribe(services, ch, { size: 3 });
    const waits: number[] = [];
    const retry = { ...fastRetry, sleep: async (ms: number) => { waits.push(ms); } };
    transport.hook = (_c, attempt) => {
      if (attempt <= 3) return { error: new TransientPostError("429", 7) };
      if (attempt === 5) return { error: new TransientPostError("HTTP 500"), after: true }; // posted, then 500
      if (attempt === 6 || attempt === 7) return { error: new TransientPostError("HTTP 503") };
      return undefined;
    };
    const report = await tick(T0, { retry });
    expect(report.channels[0]).toMatchObject({ outcome: "posted" });
    expect(waits.slice(0, 3)).toEqual([7, 7, 7]);
    const posts = transport.to(ch);
    expect(posts).toHaveLength(4);
    expect(new Set(posts.map((p) => p.key)).size).toBe(4);
  });

  it("gives up for this tick after bounded attempts and delivers the rest on the next", async () => {
    await subscribe(services, slackChannel("C1"), { size: 2 });
    transport.hook = (_c, _a, delivered) => delivered === 1 ? { error: new TransientPostError("429", 1) } : undefined;
    const first = await tick(T0);
    expect(first.channels[0]).toMatchObject({ outcome: "failed", posted: 1 });
    expect(transport.attempts).toBe(1 + fastRetry.maxAttempts);
    expect((await services.db.jobRun.findUnique({ where: { name: "digest" } }))?.lastFailureAt).toBeTruthy();
    transport.hook = undefined;
    const next = await tick("2025-03-12T09:01:00Z");
    expect(next.channels[0]).toMatchObject({ outcome: "posted", posted: 2 });
    expect(transport.posts).toHaveLength(3);
  });

  it("pauses a channel that is gone, with the reason, while the other channels get theirs", async () => {
    const [a, gone, c] = [slackChannel("CA"), slackChannel("CGONE"), slackChannel("CC")];
    for (const ch of [a, gone, c]) await subscribe(services, ch, { size: 2 });
    transport.hook = (ch) => ch.channelId === "CGONE" ? { error: new ChannelUnavailableError("channel_not_found") } : undefined;
    const report = await tick(T0);
    const by = Object.fromEntries(report.channels.map((r) => [r.channel.channelId, r]));
    expect(by.CA).toMatchObject({ outcome: "posted", posted: 3 });
    expect(by.CC).toMatchObject({ outcome: "posted", posted: 3 });
    expect(by.CGONE).toMatchObject({ outcome: "failed", reason: "paused: channel_not_found" });
    expect((await services.subscriptions.get(gone))?.pausedReason).toBe("channel_not_found");
    // Not silence: whoever set the digest up is told by DM, once.
    const told = transport.to(personalTarget({ platform: "slack", workspaceId: gone.workspaceId, userId: "U1" }));
    expect(told.map((p) => p.reply.text)).toEqual([expect.stringMatching(/^The papers digest you set up for <#CGONE> is paused: the channel is gone/)]);
    const tomorrow = await tick("2025-03-13T09:00:00Z");
    expect(tomorrow.paused).toBe(1);
    expect(tomorrow.channels.map((r) => r.channel.channelId).sort()).toEqual(["CA", "CC"]);
  });

  it("never repeats a paper posted to the channel in the last 7 days, matching arXiv ids without version", async () => {
    const ch = slackChannel("C1");
    await subscribe(services, ch, { size: 3 });
    const paper = (n: number, id = `2501.0000${n}`) => ({ id, arxivId: id.includes("v") ? null : id, title: `Synthetic paper ${id}`,
      summary: "A study.", authors: ["A. Author"], keywords: [], githubRepo: null, publishedAt: null, upvotes: 10 - n });
    await services.papers.ingest("2025-03-12", [1, 2, 3, 4, 5].map((n) => paper(n)), "hf");
    // The same paper under a versioned id (an older record), shared two days ago; another shared 10 days ago.
    await services.papers.upsert([paper(1, "2501.00001v2")], "hf");
    await services.posted.record(ch, "old1", "2501.00001v2", "share", new Date("2025-03-10T12:00:00Z"));
    await services.posted.record(ch, "old2", "2501.00002", "share", new Date("2025-03-02T12:00:00Z")); // 10 days ago: may repeat
    await services.posted.record(ch, "old3", "2501.00003", "digest", new Date("2025-03-06T09:00:00Z")); // 6 days ago: not again
    await tick(T0);
    expect(paperIds(transport.posts)).toEqual(["2501.00002", "2501.00004", "2501.00005"]);
    // The day's first and third papers are missing: the header says why, rather than pass it off as the list.
    expect(transport.posts[0]!.reply.text).toMatch(/^Trending papers for Wed 12 Mar: 3 papers, leaving out 2 posted here in the last 7 days\./);
    // A one-paper digest counts only what it would have carried: the first paper, not the third below its cut.
    const one = slackChannel("C2");
    await subscribe(services, one, { size: 1 });
    for (const n of [1, 3]) await services.posted.record(one, `c2-${n}`, `2501.0000${n}`, "digest", new Date("2025-03-11T09:00:00Z"));
    await tick(T0);
    expect(transport.to(one)[0]!.reply.text).toMatch(/^Trending papers for Wed 12 Mar: 1 paper, leaving out 1 posted here in the last 7 days\./);
  });

  it("follows a day's list still filling (a morning's first papers) with the day before's", async () => {
    const ch = slackChannel("C1");
    await subscribe(services, ch, { size: 5 });
    const yesterday = (await services.papers.trending("2025-03-11"))!.ids;
    const early = { id: "2503.99999", arxivId: "2503.99999", title: "The morning's first paper", summary: "A study.", authors: ["A. Author"],
      keywords: [], githubRepo: null, publishedAt: null, upvotes: 1 };
    await services.papers.ingest("2025-03-12", [early], "hf");
    await tick(T0);
    expect(paperIds(transport.to(ch))).toEqual([early.id, ...yesterday.slice(0, 4)]);
    expect(transport.to(ch)[0]!.reply.text).toMatch(/^Trending papers for Wed 12 Mar: 5 papers\./);
  });

  it("says 'nothing new' in one line when every candidate was posted this week", async () => {
    const ch = slackChannel("C1");
    await subscribe(services, ch, { size: 5 });
    const trending = (await services.papers.trending("2025-03-12"))!.ids;
    let n = 0;
    for (const id of trending) await services.posted.record(ch, `seen${n++}`, id, "digest", new Date("2025-03-11T09:00:00Z"));
    const report = await tick(T0);
    expect(report.channels[0]).toMatchObject({ outcome: "posted", posted: 1 });
    expect(transport.posts).toHaveLength(1);
    expect(transport.posts[0]!.reply.text).toMatch(/^Nothing new for Wed 12 Mar: no trending paper that this channel hasn't seen in the last 7 days\.$/);
    expect(transport.posts[0]!.reply.text.split("\n")).toHaveLength(1);
  });

  it("orders a `ranked: team` digest by what the channel's people bookmarked before", async () => {
    const ch = slackChannel("C1");
    await services.subscriptions.upsert(ch, { localTime: "09:00", timeZone: "UTC", topic: null, size: 5, ranking: "team", createdBy: "U1" });
    const isMoe = (title: string) => /mixture.of.experts|\bmoe\b|expert router/i.test(title);
    const moe = (await services.papers.all()).filter((p) => isMoe(p.title)).map((p) => p.id);
    expect(moe).toHaveLength(8);
    // A month ago the bot posted three MoE papers here and two people bookmarked them.
    for (const [i, id] of moe.slice(0, 3).entries()) {
      await services.posted.record(ch, `old${i}`, id, "digest", new Date("2025-02-10T09:00:00Z"));
      await services.bookmarks.add({ platform: "slack", workspaceId: "T1", userId: i % 2 ? "U1" : "U2" }, id);
    }
    await tick(T0);
    const titles = paperIds(transport.posts).map((id) => services.catalog.get(id)!.title);
    expect(titles).toHaveLength(5);
    expect(titles.filter(isMoe)).toHaveLength(5);
    // The trending order alone would have led with model-based RL, not experts.
    const trending = (await services.papers.trending("2025-03-12"))!.ids.slice(0, 5).map((id) => services.catalog.get(id)!.title);
    expect(trending.filter(isMoe)).toHaveLength(0);
  });

  it("filters by topic through the search index: every trending paper about it, and only those", async () => {
    const ch = slackChannel("C1");
    await subscribe(services, ch, { size: 20, topic: "pokemon" });
    await tick(T0);
    const ids = paperIds(transport.posts);
    const trending = (await services.papers.trending("2025-03-12"))!.ids;
    // LaTeX-folded: the capture spells it Pok\'emon. Every trending paper that mentions it, and only those.
    const mentions = [];
    for (const id of trending) {
      const p = (await services.papers.get(id))!;
      if (/pok(\\'e|é|e)mon/i.test(p.title + " " + p.summary)) mentions.push(id);
    }
    expect(mentions.length).toBeGreaterThan(0);
    expect(ids).toEqual(mentions);
    expect(plainTyped(transport.posts[0]!.reply.text)).toContain('on "pokemon"');
  });

  it("catches up late on the same local day, saying so, and never back-fills earlier days", async () => {
    const ch = slackChannel("C1");
    await subscribe(services, ch, { size: 1, localTime: "09:00", timeZone: "Europe/Berlin" });
    // Down from before 09:00 Berlin on the 12th until 11:42 Berlin on the 13th: the 12th is lost, the 13th is late.
    const report = await tick("2025-03-13T10:42:00Z");
    expect(report.channels).toMatchObject([{ localDate: "2025-03-13", outcome: "posted", late: true }]);
    expect(transport.posts[0]!.reply.text).toMatch(/\(late: delivered at 11:42 instead of 09:00\)$/);
    const rows = await services.db.delivery.findMany();
    expect(rows.map((r) => r.localDate)).toEqual(["2025-03-13"]);
  });

  it("a quiet topic digest carried over past midnight names its own day, not 'today'", async () => {
    const ch = slackChannel("CQUIET");
    const sub = await subscribe(services, ch, { localTime: "23:58", size: 2, topic: "quantum chemistry" });
    await services.db.subscription.update({ where: { id: sub.id }, data: { updatedAt: new Date("2025-03-01T00:00:00Z") } });
    await tick("2025-03-13T00:01:00Z");
    expect(transport.to(ch).map((p) => plainTyped(p.reply.text)))
      .toEqual(['No trending paper is about "quantum chemistry" on Wed 12 Mar. (late: delivered at 00:01 on Thu 13 Mar instead of 23:58)']);
  });

  it("names both days when a weekly digest catches up days after its weekday", async () => {
    const ch = slackChannel("CWEEK");
    await services.subscriptions.upsert(ch, { localTime: "09:00", timeZone: "UTC", topic: null, size: 1, ranking: "trending",
      createdBy: "U1", cadence: "weekly", weekday: 1 });
    // Due Monday 10 Mar at 09:00; the bot was down until Wednesday 11:00.
    await tick("2025-03-12T11:00:00Z");
    expect(transport.to(ch)[0]!.reply.text).toMatch(/\(late: delivered Wed 12 Mar at 11:00 instead of Mon 10 Mar at 09:00\)$/);
  });

  it("posts last week's weekly digest after midnight on Monday when no tick sent it (the bot down late Sunday), once", async () => {
    const ch = slackChannel("CSUN"), fresh = slackChannel("CSUNNEW");
    const weekly = { localTime: "23:30", timeZone: "UTC", topic: null, size: 1, ranking: "trending" as const, createdBy: "U1", cadence: "weekly" as const, weekday: 7 };
    const sub = await services.subscriptions.upsert(ch, weekly);
    await services.db.subscription.update({ where: { id: sub.id }, data: { updatedAt: new Date("2025-03-01T00:00:00Z") } });
    await services.subscriptions.upsert(fresh, weekly); // set up "now": after Sunday's 23:30
    // Due Sunday 16 Mar (ISO week 11) at 23:30; the bot was down from 23:25 until 00:05 on Monday.
    const after = await tick("2025-03-17T00:05:00Z");
    expect(after.channels).toMatchObject([{ channel: ch, outcome: "posted", posted: 2, localDate: "2025-W11" }]);
    expect(plainTyped(transport.to(ch)[0]!.reply.text)).toMatch(/the week to Sun 16 Mar \(W11\).*\(late: delivered Mon 17 Mar at 00:05 instead of Sun 16 Mar at 23:30\)$/);
    expect((await tick("2025-03-17T00:06:00Z")).channels).toEqual([]);
    // This week's at its own time.
    expect((await tick("2025-03-23T23:30:00Z")).channels.find((c) => c.channel.channelId === "CSUN")).toMatchObject({ localDate: "2025-W12" });
  });

  it("passes over a message the platform refuses as it is, sending the rest, instead of stopping at it every tick", async () => {
    const ch = slackChannel("CREFUSE");
    await subscribe(services, ch, { size: 3 });
    const bad = (await services.papers.trending("2025-03-12"))!.ids[1]!;
    const post = transport.post.bind(transport);
    transport.post = async (channel, reply, options) => {
      if (reply.papers?.[0]?.id === bad) throw new MessageRefusedError("Slack refused the message: invalid_blocks");
      return post(channel, reply, options);
    };
    const first = await tick(T0);
    expect(first.channels).toMatchObject([{ outcome: "posted", posted: 3 }]);
    expect(paperIds(transport.to(ch))).not.toContain(bad);
    expect(paperIds(transport.to(ch))).toHaveLength(2);
    expect(services.logs.text).toContain("the platform refused digest messages; the digest went on without them");
    expect((await tick("2025-03-12T09:01:00Z")).channels).toEqual([]);
    expect(await services.db.postedMessage.count({ where: { channelId: "CREFUSE" } })).toBe(2);
  });

  it("keeps going for other channels when one's time zone is one this runtime does not know", async () => {
    // A replica on an older Node (its ICU without a zone another replica stored, "America/Ciudad_Juarez" on an
    // old one), or a row restored from elsewhere: that channel cannot be scheduled here, and it alone fails.
    await subscribe(services, slackChannel("CGOOD"), { size: 1 });
    await subscribe(services, slackChannel("CODD"), { size: 1 });
    await services.db.subscription.updateMany({ where: { channelId: "CODD" }, data: { timeZone: "Mars/Olympus_Mons" } });
    const logs = services.logs;
    const report = await tick(T0);
    expect(report.channels.find((c) => c.channel.channelId === "CGOOD")).toMatchObject({ outcome: "posted", posted: 2 });
    expect(report.channels.find((c) => c.channel.channelId === "CODD")).toMatchObject({ outcome: "failed", posted: 0,
      reason: 'its time zone "Mars/Olympus_Mons" is unknown to this process' });
    expect(logs.text).toContain("digest schedule unreadable");
  });

  it("keeps going for other channels and reports a channel without a connection", async () => {
    await subscribe(services, slackChannel("C1"), { size: 1 });
    await subscribe(services, { platform: "discord", workspaceId: "G1", channelId: "D1" }, { size: 1 });
    const report = await tick(T0);
    const discord = report.channels.find((c) => c.channel.platform === "discord");
    expect(discord).toMatchObject({ outcome: "skipped", reason: "no discord connection in this process" });
    expect(report.channels.find((c) => c.channel.platform === "slack")).toMatchObject({ outcome: "posted" });
    expect(await services.db.delivery.count({ where: { platform: "discord" } })).toBe(0);
  });

  it("stops before the next message once shutdown begins, and the next tick sends the rest", async () => {
    await subscribe(services, slackChannel("C1"), { size: 4 });
    let stopping = false;
    transport.hook = (_c, _a, delivered) => { if (delivered === 2) stopping = true; return undefined; };
    const first = await tick(T0, { stopping: () => stopping });
    expect(first.channels[0]).toMatchObject({ outcome: "skipped", posted: 3 });
    transport.hook = undefined;
    const next = await tick("2025-03-12T09:01:00Z");
    expect(next.channels[0]).toMatchObject({ outcome: "posted", posted: 2 });
    expect(transport.posts).toHaveLength(5);
  });
});
