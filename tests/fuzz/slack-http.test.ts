// Property: whatever is POSTed to the running Bolt app — a signed slash command with hostile fields,
// a signed button click or event with arbitrary payloads, a signed body that is not even the right
// format, or an unsigned/forged one — the answer is never a 5xx, nothing crashes a listener, no answer
// to a person is an apology for a crash, and the next ordinary /papers request is answered.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type SlackHarness } from "../slack/harness.ts";
import { chatText, FUZZ_HTTP_RUNS, fuzzTimeout, optionValue } from "./support.ts";

let h: SlackHarness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); }, 60_000);

const id = fc.oneof(fc.constantFrom("U0ALICE", "C0GENERAL", "T0TEST", "", " ", "U0ALICE,U0BOB", "../x", "<@U1>"), fc.string({ maxLength: 12 }));
const field = fc.oneof(optionValue(), fc.constant(undefined));

type Request = { kind: string; data?: unknown; send: (h: SlackHarness, responseUrl: string) => Promise<{ status: number }> };

const slashCommand = fc.record({ text: chatText(), user: id, channel: id, team: id }).map((f): Request => ({
  kind: "command", data: f, send: (h, url) => h.requester.command(f.text, url, { userId: f.user, channelId: f.channel, teamId: f.team }),
}));
const click = fc.record({ actionId: fc.oneof(fc.constantFrom("paper_bookmark", "paper_unbookmark", "paper_share", "paper_similar", "paper_more", "paper_read", "paper_menu"), fc.string({ maxLength: 20 })),
  value: fc.oneof(fc.constantFrom("2403.07816", "", "t-abc", JSON.stringify({ command: "trending", input: { count: 3 } })), fc.string({ maxLength: 60 }), fc.json({ maxDepth: 2 })),
  menu: fc.boolean(), home: fc.boolean(), user: id }).map((f): Request => ({
  kind: "click", data: f, send: (h, url) => h.requester.blockAction(f.menu ? { actionId: f.actionId, selectedValue: f.value } : { actionId: f.actionId, value: f.value },
    { responseUrl: url, userId: f.user, inHome: f.home }),
}));
const event = fc.record({ type: fc.constantFrom("reaction_added", "reaction_removed", "app_home_opened", "message", "unknown_event"),
  reaction: fc.oneof(fc.constantFrom("bookmark", "bookmark_tabs", "tada"), fc.string({ maxLength: 10 })), item: fc.oneof(
    fc.record({ type: fc.constantFrom("message", "file"), channel: field, ts: field }), field), user: field, tab: field,
  eventId: fc.oneof(fc.string({ maxLength: 12 }), fc.uuid()) }).map((f): Request => ({
  kind: "event", data: f, send: (h) => h.requester.event({ type: f.type, user: f.user, reaction: f.reaction, item: f.item, tab: f.tab }, `Ev${f.eventId}`),
}));
const signedJunk = fc.record({ body: fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 3 }), fc.string({ unit: "binary", maxLength: 100 }),
  fc.jsonValue({ maxDepth: 2 }).map((v) => `payload=${encodeURIComponent(JSON.stringify(v))}`)),
  type: fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain", "") })
  // Signed bodies that parse to `null` are included on purpose: Bolt 5.1 used to leave them unanswered (app.ts).
  .map((f): Request => ({
  kind: "junk", data: f, send: (h) => h.requester.send(f.body, f.type),
}));
const forged = fc.record({ body: fc.string({ maxLength: 200 }), timestamp: fc.oneof(fc.integer(), fc.constant(NaN)), signature: fc.string({ maxLength: 70 }) })
  .map((f): Request => ({ kind: "forged", data: f, send: (h) => h.requester.send(f.body, "application/x-www-form-urlencoded", { timestamp: f.timestamp, signature: f.signature }) }));

// Requests go in concurrent batches, as Slack sends them: a payload no listener acknowledges costs Bolt's
// 3-second ack window, so one at a time would make the suite slow.
const BATCH = 50;
const batches = Math.ceil(FUZZ_HTTP_RUNS / BATCH);

describe("Slack HTTP bodies", () => {
  it(`never 5xx across ${batches * BATCH} requests, and the bot answers afterwards`, { timeout: fuzzTimeout(batches, 45_000) }, async () => {
    const statuses = new Map<string, number[]>();
    let n = 0;
    const request = fc.oneof(slashCommand, click, event, signedJunk, forged);
    await fc.assert(fc.asyncProperty(fc.array(request, { minLength: BATCH, maxLength: BATCH }), async (requests) => {
      await Promise.all(requests.map(async (request) => {
        const res = await request.send(h, h.emulator.responseUrl(`fuzz-${++n}`));
        statuses.set(request.kind, [...(statuses.get(request.kind) ?? []), res.status]);
        expect(res.status, `${request.kind} ${JSON.stringify(request.data)}`).toBeLessThan(500);
      }));
    }), { numRuns: batches });
    // Each kind was tried, and a forged signature is never accepted.
    expect([...statuses.keys()].sort()).toEqual(["click", "command", "event", "forged", "junk"]);
    expect(new Set(statuses.get("forged"))).toEqual(new Set([401]));

    await new Promise((r) => setTimeout(r, 500)); // answers sent after the acks land
    const apologies = h.emulator.responses.filter((r) => /^Sorry, something went wrong/.test(String(r.body.text ?? "")));
    expect(apologies.map((r) => r.id)).toEqual([]);
    expect(h.services.logs.text).not.toContain('"msg":"slack handler failed"');
    expect(h.services.logs.text).not.toContain('"msg":"command failed"');

    const ok = await h.requester.command("trending 2", h.emulator.responseUrl("after-fuzz"));
    expect(ok.status).toBe(200);
    expect(String((await h.emulator.response("after-fuzz")).body.text)).not.toMatch(/^Sorry/);
  });
});
