// The running bot (the real process, Slack HTTP mode) while its PostgreSQL is gone: the server restarting,
// a failover, a proxy in front of a dead one cutting every connection. A command is answered with one
// sentence saying the database cannot be reached, logged as a warning naming what the driver said; once
// the database is back the same command works. Before, the person got "Sorry, something went wrong on
// our side (ref …)", the apology for a bug of ours, and each command logged an error with a stack.
// /healthz says the database is unreachable but stays 200 through such a blip: a supervisor restarting on
// it would have restarted the bot in the middle of every PostgreSQL restart, into a start-up that fails.
import { connect, createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, openTestDb, type TestDatabase } from "../support/database.ts";
import { DATABASE_UNREACHABLE_SENTENCE } from "../../src/core/messages/reply.ts";
import { spawnSlackBot, type SpawnedSlackBot } from "./spawn-bot.ts";

const server = process.env.TEST_DATABASE_URL ?? "";
describe.runIf(server.startsWith("postgres"))("a PostgreSQL that goes away and comes back", () => {
  let database: TestDatabase;
  let running: SpawnedSlackBot;
  let proxy: Server;
  let gone = false;
  /** While set, each new connection is answered as PostgreSQL refuses a session: this FATAL ErrorResponse. */
  let refusing: Buffer | null = null;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    database = await freshDatabase();
    await (await openTestDb(database.url)).db.$disconnect(); // migrated
    // Passes bytes both ways; while `gone`, cuts every connection and refuses new ones (as a dead server's proxy does).
    const target = new URL(database.url);
    const [host, port] = [target.hostname, Number(target.port || 5432)];
    proxy = createServer((client) => {
      if (gone) { client.destroy(); return; }
      if (refusing) { const answer = refusing; client.once("data", () => client.end(answer)); client.on("error", () => {}); return; }
      const upstream = connect(port, host);
      for (const s of [client, upstream]) { sockets.add(s); s.on("error", () => {}); s.on("close", () => sockets.delete(s)); }
      client.pipe(upstream).pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    target.port = String((proxy.address() as import("node:net").AddressInfo).port);
    running = await spawnSlackBot({ env: { DATABASE_URL: target.toString(), HF_REFRESH: "off" } });
  }, 60_000);
  afterAll(async () => { for (const s of sockets) s.destroy(); proxy?.close(); await running?.stop(); await database?.drop(); });

  const answer = async (id: string, text: string) => {
    expect((await running.requester.command(text, running.slack.responseUrl(id))).status).toBe(200);
    return String((await running.slack.response(id, 1, 15_000)).body.text ?? "");
  };

  it("says in one sentence that the database cannot be reached, logs a warning, and answers again once it is back", async () => {
    expect(await answer("before", "bookmarks")).toMatch(/reading list is empty/);
    gone = true;
    for (const s of sockets) s.destroy();
    expect(await answer("gone-read", "bookmarks")).toBe(DATABASE_UNREACHABLE_SENTENCE);
    expect(await answer("gone-write", "subscribe 09:00 UTC")).toBe(DATABASE_UNREACHABLE_SENTENCE);
    const warned = await running.bot.logLine("command found the database unreachable");
    expect(warned).toMatchObject({ level: "warn", err: { type: "DatabaseUnreachableError" } });
    expect(warned.err.message).toMatch(/^The database could not be reached \(.+\)$/);
    expect(warned.err.stack).toBeUndefined();
    expect(running.bot.stderr()).not.toContain('"msg":"command failed"');
    const health = await fetch(`${running.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, database: "unreachable", reason: expect.stringMatching(/^The database is not reachable/) });

    gone = false;
    expect(await answer("back", "subscribe 09:00 UTC")).toMatch(/^Subscribed/);
    expect(await (await fetch(`${running.base}/healthz`)).json()).toMatchObject({ ok: true, database: "reachable" });
  }, 60_000);

  // A server that answers but will not open a session: closed for maintenance (ALTER DATABASE … ALLOW_CONNECTIONS
  // false), a password rotated while the bot ran. Before, the person got the apology for a bug of ours.
  it.each([
    ["55000", "database \"papers\" is not currently accepting connections"],
    ["28P01", "password authentication failed for user \"papers\""],
  ])("a server refusing new sessions (FATAL %s) is one that cannot be reached, too", async (code, message) => {
    refusing = errorResponse("FATAL", code, message);
    for (const s of sockets) s.destroy();
    try {
      expect(await answer(`refused-${code}`, "subscribe 10:00 UTC")).toBe(DATABASE_UNREACHABLE_SENTENCE);
    } finally { refusing = null; }
    expect(await answer(`after-${code}`, "subscribe 09:00 UTC")).toMatch(/^Subscribed/);
  }, 60_000);
});

/** PostgreSQL's ErrorResponse message ('E'): severity (as said and as sent unlocalized), code and message. */
function errorResponse(severity: string, code: string, message: string): Buffer {
  const fields = Buffer.concat([...[["S", severity], ["V", severity], ["C", code], ["M", message]].map(([k, v]) => Buffer.from(`${k}${v}\0`)), Buffer.from([0])]);
  const head = Buffer.alloc(5);
  head.write("E", 0);
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
}
