// A PostgreSQL that accepts the TCP connection and then never answers (a hung server, a proxy in front of
// a dead one). Start-up gives up within seconds with one sentence naming DATABASE_URL (exit 1), or exit 0
// when a signal came while it waited; at runtime a statement with no answer fails in bounded time as
// "busy", so the person gets the one busy sentence instead of silence. Before, start-up hung for as
// long as the socket lived (SIGTERM then hit the 9.5 s deadline and exit 1), and a query hung as long.
import { connect, createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnPapers } from "../support/processes.ts";
import { TEST_SLACK_BOT_TOKEN, TEST_SLACK_SIGNING_SECRET } from "../support/secrets.ts";
import { freshDatabase, openTestDb, type TestDatabase } from "../support/database.ts";
import { postgresStores } from "../../src/persistence/postgresql/open.ts";
import { DatabaseBusyError } from "../../src/core/stores/busy.ts";
import { DATABASE_BUSY_SENTENCE, failureReply } from "../../src/core/messages/reply.ts";

const sockets: Socket[] = [];
const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as import("node:net").AddressInfo).port;
};

describe("start-up against a PostgreSQL that never answers", () => {
  const servers: Server[] = [];
  /** A server that takes connections and never says anything; `connected` once one came. */
  const silentServer = async () => {
    let connected!: () => void;
    const reached = new Promise<void>((resolve) => { connected = resolve; });
    const server = createServer((socket) => { sockets.push(socket); connected(); });
    servers.push(server);
    return { port: await listen(server), reached };
  };
  afterAll(() => { for (const s of sockets) s.destroy(); for (const s of servers) s.close(); });

  it("stops within seconds with one sentence naming DATABASE_URL; a SIGTERM meanwhile ends it with exit 0", async () => {
    const env = (port: number) => ({ DATABASE_URL: `postgresql://papers@127.0.0.1:${port}/papers`, SLACK_BOT_TOKEN: TEST_SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET, SLACK_API_URL: "http://127.0.0.1:9/api/", PORT: "0" });
    const [one, other] = [await silentServer(), await silentServer()];
    const plain = spawnPapers(["start", "--chat"], env(one.port));
    const signalled = spawnPapers(["start", "--chat"], env(other.port));
    // Connecting comes after the signal handlers are in place: from here on a SIGTERM is the bot's to handle.
    await Promise.all([one.reached, other.reached]);
    const connectedAt = performance.now();
    signalled.child.kill("SIGTERM");
    const [failed, stopped] = await Promise.all([plain.exited, signalled.exited]);

    expect(failed.code).toBe(1);
    expect(failed.at - connectedAt).toBeLessThan(8_000);
    const sentence = plain.stderr().trim().split("\n").at(-1);
    expect(sentence).toMatch(/^papers: Cannot connect to PostgreSQL at 127\.0\.0\.1:\d+\/papers \(DATABASE_URL\): it accepted the connection but did not answer within 5 s/);
    const logged = plain.stderr().split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as { level: string; msg: string });
    expect(logged.at(-1)).toMatchObject({ level: "fatal", msg: sentence }); // and the log's own line for it (chat mode: JSON lines)

    expect(stopped.code).toBe(0);
    expect(stopped.at - connectedAt).toBeLessThan(8_000);
    expect(signalled.stderr()).toContain('"msg":"the database could not be opened; stopping as asked"');
  }, 20_000);
});

describe.runIf((process.env.TEST_DATABASE_URL ?? "").startsWith("postgres"))("a PostgreSQL that stops answering at runtime", () => {
  let database: TestDatabase;
  let proxy: Server;
  let frozen = false;
  beforeAll(async () => {
    database = await freshDatabase();
    await (await openTestDb(database.url)).db.$disconnect();
    // Passes bytes both ways until frozen, then keeps the connections open and says nothing.
    const target = new URL(database.url);
    const [host, port] = [target.hostname, Number(target.port || 5432)];
    proxy = createServer((client) => {
      const server = connect(port, host);
      sockets.push(client, server);
      client.on("data", (d) => { if (!frozen) server.write(d); });
      server.on("data", (d) => { if (!frozen) client.write(d); });
      for (const s of [client, server]) s.on("error", () => {});
      client.on("close", () => server.destroy());
      server.on("close", () => client.destroy());
    });
    target.port = String(await listen(proxy));
    database = { ...database, url: target.toString() };
  });
  afterAll(async () => { for (const s of sockets) s.destroy(); proxy?.close(); await database?.drop(); });

  it("fails a statement with no answer as busy, in bounded time, and the pool recovers once it answers", async () => {
    const { stores, close } = postgresStores(database.url, 1_000);
    const user = { platform: "slack" as const, workspaceId: "T1", userId: "U1" };
    try {
      expect(await stores.bookmarks.list(user)).toEqual({ entries: [], total: 0 }); // the pool's connections are open
      frozen = true;
      const started = performance.now();
      const error = await stores.bookmarks.list(user).then(() => null, (e: unknown) => e);
      const ms = performance.now() - started;
      expect(error).toBeInstanceOf(DatabaseBusyError);
      expect((error as Error).message).toMatch(/^PostgreSQL at 127\.0\.0\.1:\d+\/\w+ did not answer in time/);
      expect(failureReply(error, "ref1").text).toBe(DATABASE_BUSY_SENTENCE);
      expect(ms).toBeLessThan(4_000); // 1 s for the statement (a new connection would have 5 s), not the socket's lifetime
      frozen = false;
      expect(await stores.bookmarks.list(user)).toEqual({ entries: [], total: 0 });
    } finally { frozen = false; await close(); }
  }, 20_000);
});
