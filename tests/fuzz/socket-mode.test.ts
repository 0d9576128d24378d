// Property: whatever arrives over the Socket Mode connection — JSON of any shape, envelopes with missing,
// null or odd fields, events without an event, slash commands with hostile text — nothing throws where
// nobody catches it (vitest fails the file on an unhandled rejection), every well-formed /papers envelope
// is acknowledged and answered without a crash apology, and the bot answers an ordinary command afterwards
// on the same connection.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slashCommandPayload } from "../emulators/slack/index.ts";
import { startHarness, type SlackHarness } from "../slack/harness.ts";
import { eventErrorHandler } from "../../src/adapters/slack/socket-mode.ts";
import { defaultProcessEventErrorHandler } from "@slack/bolt/dist/receivers/SocketModeFunctions.js";
import { chatText, FUZZ_RUNS, fuzzTimeout, optionValue } from "./support.ts";

let h: SlackHarness;
beforeAll(async () => {
  h = await startHarness({ socketMode: true });
  await h.emulator.socketMode.connected();
});
afterAll(async () => { await h?.close(); }, 60_000);

const who = () => ({ teamId: h.emulator.teamId, userId: "U0ALICE", channelId: "C0GENERAL" });
const field = fc.oneof(optionValue(), fc.constant(undefined));
// "disconnect" is left out: it is Slack asking the client to reconnect, which it then does.
const type = fc.oneof(fc.constantFrom("events_api", "slash_commands", "interactive", "hello", "unknown"), fc.string({ maxLength: 10 }));

type Frame = { kind: "raw" | "envelope" | "command"; frame: unknown; text?: string };
const raw = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 60 }).map((s) => ({ __text: s })))
  .map((frame): Frame => ({ kind: "raw", frame }));
const envelope = fc.record({
  type, envelope_id: fc.oneof(fc.uuid(), fc.constantFrom("", "x"), fc.integer(), fc.constant(undefined)),
  payload: fc.oneof(field, fc.record({ type: field, event: fc.oneof(field, fc.record({ type: field, user: field, reaction: field, item: field })),
    command: field, text: field, user_id: field, channel_id: field, team_id: field, actions: field })),
  retry_attempt: field, accepts_response_payload: field,
}, { requiredKeys: [] }).map((frame): Frame => ({ kind: "envelope", frame }));
const command = chatText().map((text): Frame => ({ kind: "command", frame: null, text }));

const BATCH = 50;
const batches = Math.ceil(FUZZ_RUNS / BATCH);

describe("Socket Mode frames", () => {
  // Found by the property below: Bolt's default error handler writes the payload's type into a string, and
  // an object type with an unusable toString made it throw where nobody catches it.
  it("an event Bolt fails on, whose type is an object with no usable toString, is logged, not an unhandled rejection", async () => {
    const odd = { type: { toString: 1 } };
    await expect(defaultProcessEventErrorHandler({ error: new Error("x"), logger: console as never, event: { body: odd } as never })).rejects.toThrow(TypeError);
    await expect(eventErrorHandler(h.services.log)({ error: new Error("listener failed"), event: { body: odd } })).resolves.toBe(false);
    expect(h.services.logs.text).toContain('"type":"object"');
  });

  it(`takes ${batches * BATCH} generated frames without an unhandled error, and answers afterwards`, { timeout: fuzzTimeout(batches, 10_000) }, async () => {
    const socket = h.emulator.socketMode;
    const kinds = new Set<string>();
    let n = 0;
    await fc.assert(fc.asyncProperty(fc.array(fc.oneof(raw, envelope, { arbitrary: command, weight: 1 }), { minLength: BATCH, maxLength: BATCH }), async (frames) => {
      const commands: { envelopeId: string; responseId: string; text: string }[] = [];
      for (const f of frames) {
        kinds.add(f.kind);
        if (f.kind === "command") {
          const responseId = `smf-${++n}`;
          const envelopeId = socket.envelope("slash_commands", slashCommandPayload(f.text!, h.emulator.responseUrl(responseId), who()));
          commands.push({ envelopeId, responseId, text: f.text! });
        } else {
          const frame = f.frame as { __text?: string } | null;
          socket.sendRaw(frame && typeof frame === "object" && "__text" in frame ? frame.__text : frame);
        }
      }
      for (const c of commands) {
        await socket.ack(c.envelopeId);
        const answer = await h.emulator.response(c.responseId);
        expect(String(answer.body.text ?? ""), c.text).not.toMatch(/^Sorry, something went wrong/);
      }
    }), { numRuns: batches });
    expect([...kinds].sort()).toEqual(["command", "envelope", "raw"]);
    expect(h.services.logs.text).not.toContain('"msg":"slack handler failed"');
    expect(h.services.logs.text).not.toContain("a Socket Mode frame failed in the Slack client");

    const after = socket.envelope("slash_commands", slashCommandPayload("trending 2", h.emulator.responseUrl("after-fuzz"), who()));
    await socket.ack(after);
    expect((await h.emulator.response("after-fuzz")).body.blocks.length).toBeGreaterThan(0);
    expect(socket.connections).toBe(1);
  });
});
