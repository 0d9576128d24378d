// Slack Socket Mode, the real process against the Socket Mode emulator: frames @slack/socket-mode 3.1.0
// would throw on inside its dispatch (a `null` frame, an events_api envelope without an event, an
// envelope without a payload) are dropped, acknowledged when they can be, and logged; nothing reaches the
// process-wide rejection handler, and the next /papers is acknowledged and answered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackEmulator, slashCommandPayload } from "../emulators/slack/index.ts";
import { spawnBot, type SpawnedBot } from "./spawn-bot.ts";

let slack: SlackEmulator;
let bot: SpawnedBot;
const who = () => ({ teamId: slack.teamId, userId: "U0ALICE", channelId: "C0GENERAL" });

beforeAll(async () => {
  slack = new SlackEmulator();
  await slack.start();
  bot = await spawnBot({ SLACK_BOT_TOKEN: slack.token, SLACK_APP_TOKEN: slack.appToken, SLACK_API_URL: slack.apiUrl });
  await bot.logLine("papers-bot started");
  await slack.socketMode.connected();
});
afterAll(async () => { await bot?.cleanup(); await slack?.stop(); });

describe("Socket Mode frames", () => {
  it("a /papers command over the socket is acknowledged and answered", async () => {
    const id = slack.socketMode.envelope("slash_commands", slashCommandPayload("trending 2", slack.responseUrl("sm-1"), who()));
    await slack.socketMode.ack(id);
    expect((await slack.response("sm-1")).body.blocks.length).toBeGreaterThan(0);
  });

  it("survives malformed frames, acknowledges those with an envelope id, and keeps answering", async () => {
    const socket = slack.socketMode;
    socket.sendRaw(null);
    socket.sendRaw("null");
    socket.sendRaw([1, 2]);
    socket.sendRaw(42);
    socket.sendRaw("{not json");
    socket.sendRaw({ type: 7 });
    const noEvent = socket.envelope("events_api", { type: "event_callback", team_id: slack.teamId, event_id: "Ev1" });
    const nullPayload = socket.envelope("events_api", null);
    const eventWithoutType = socket.envelope("events_api", { type: "event_callback", event: { user: "U1" } });
    const commandWithoutPayload = socket.envelope("slash_commands", undefined);
    socket.sendRaw({ type: "interactive", payload: { type: "block_actions" } }); // no envelope id: nothing to ack
    for (const id of [noEvent, nullPayload, eventWithoutType, commandWithoutPayload]) expect((await socket.ack(id)).payload).toEqual({});

    const after = socket.envelope("slash_commands", slashCommandPayload("trending 1", slack.responseUrl("sm-after"), who()));
    await socket.ack(after);
    expect((await slack.response("sm-after")).body.blocks.length).toBeGreaterThan(0);
    expect(bot.child.exitCode).toBeNull();
    expect(bot.stderr()).not.toContain("unhandled promise rejection");
    expect(bot.stderr()).toContain("slack sent a Socket Mode frame that cannot be processed; dropped");
    expect(socket.connections).toBe(1); // the same connection all along: nothing made the client reconnect
  });
});
