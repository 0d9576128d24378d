// What a long-running production bot needs besides answering: processed-event rows pruned after a day
// (at start-up and hourly, in the real process), and a process-wide net for unhandled rejections that
// tells the known Slack-library case (a warning) from everything else (an error, counted, on /healthz).
import { EventEmitter } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneProcessedEvents } from "../../src/jobs/prune-events.ts";
import { unexpectedRejections, watchUnhandledRejections } from "../../src/app/process-errors.ts";
import { startHealthServer } from "../../src/adapters/http/health-server.ts";
import { createLogger } from "../../src/log.ts";
import { createTestServices, LogCapture, type TestServices } from "../support/services.ts";
import { testDatabaseProvider } from "../support/database.ts";
import { spawnSlackBot } from "./spawn-bot.ts";

let services: TestServices;
beforeAll(async () => { services = await createTestServices(); });
afterAll(async () => { await services?.close(); });

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
async function seedEvents() {
  await services.db.processedEvent.deleteMany({});
  await services.db.processedEvent.createMany({ data: [
    { platform: "slack", eventId: "EvOld", receivedAt: hoursAgo(25) },
    { platform: "slack", eventId: "EvAlmostDay", receivedAt: hoursAgo(23) },
    { platform: "slack", eventId: "EvNew", receivedAt: new Date() },
  ] });
}
const eventIds = async () => (await services.db.processedEvent.findMany({ orderBy: { eventId: "asc" } })).map((e) => e.eventId);

describe(`processed-event rows (${testDatabaseProvider})`, () => {
  it("older than a day are deleted, younger ones kept", async () => {
    await seedEvents();
    expect(await pruneProcessedEvents(services, new Date())).toBe(1);
    expect(await eventIds()).toEqual(["EvAlmostDay", "EvNew"]);
  });

  it("are pruned by the running bot at start-up", async () => {
    await seedEvents();
    const running = await spawnSlackBot({ env: { DATABASE_URL: services.testDatabase.url } });
    try {
      expect(await running.bot.logLine("pruned processed events")).toMatchObject({ pruned: 1 });
      expect(await eventIds()).toEqual(["EvAlmostDay", "EvNew"]);
    } finally { await running.stop(); }
  });
});

class FakeProcess extends EventEmitter {}

describe("unhandled promise rejections", () => {
  it("from the Slack libraries' known paths: a warning, not counted; anything else: an error, counted, shown on /healthz", async () => {
    const logs = new LogCapture();
    const source = new FakeProcess();
    const stop = watchUnhandledRejections(createLogger({ destination: logs }), source);
    const before = unexpectedRejections();
    const fromSlack = new TypeError("Cannot read properties of null (reading 'type')");
    fromSlack.stack = `TypeError: ${fromSlack.message}\n    at SocketModeClient.onWebSocketMessage (/app/node_modules/@slack/socket-mode/dist/src/SocketModeClient.js:327:19)`;
    source.emit("unhandledRejection", fromSlack);
    expect(unexpectedRejections()).toBe(before);
    source.emit("unhandledRejection", new RangeError("ours"));
    source.emit("unhandledRejection", "not even an Error");
    expect(unexpectedRejections()).toBe(before + 2);
    const lines = logs.lines.map((l) => JSON.parse(l) as { level: string; msg: string; unhandledRejections?: number });
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ["warn", "a Slack library promise failed where nobody awaits it; still running"],
      ["error", "unhandled promise rejection; still running"],
      ["error", "unhandled promise rejection; still running"],
    ]);
    expect(lines.at(-1)!.unhandledRejections).toBe(before + 2);

    const health = await startHealthServer(services, 0, { unhandledRejections: unexpectedRejections });
    try {
      const res = await fetch(`http://127.0.0.1:${health.port}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, unhandledRejections: before + 2 });
    } finally { await health.stop(); }
    stop();
    source.emit("unhandledRejection", new Error("after stop"));
    expect(unexpectedRejections()).toBe(before + 2);
  });
});
