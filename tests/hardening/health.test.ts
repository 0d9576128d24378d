// GET /healthz on the standalone server (Socket Mode, Discord-only): 200 when the database answers and the
// digest job ticks, 503 with a one-sentence reason when the job stalls or the database has been down or hung
// for more than 5 minutes (a shorter outage, a PostgreSQL restart or failover, is reported with a 200).
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthStatus } from "../../src/core/health.ts";
import { runDigestTick } from "../../src/core/digest/tick.ts";
import { staleDigestAfterMs } from "../../src/jobs/cron.ts";
import { postgresStores } from "../../src/persistence/postgresql/open.ts";
import { startHealthServer, type RunningHealthServer } from "../../src/adapters/http/health-server.ts";
import { createTestServices, manualClock, type TestServices } from "../support/services.ts";
import { TEST_DATABASE_PASSWORD } from "../support/secrets.ts";

const clock = manualClock("2025-03-11T09:00:00Z");
let services: TestServices;
let server: RunningHealthServer;
const startedAt = clock();

beforeAll(async () => {
  services = await createTestServices({ clock });
  server = await startHealthServer(services, 0, { startedAt, digestRunning: true });
});
afterAll(async () => { await server.stop(); await services.close(); });

async function get(path = "/healthz", method = "GET") {
  const res = await fetch(`http://127.0.0.1:${server.port}${path}`, { method });
  return { status: res.status, type: res.headers.get("content-type"), body: await res.json() as Record<string, unknown> };
}

async function recordRun(name: string, data: { lastSuccessAt?: Date; lastFailureAt?: Date; lastError?: string }) {
  await services.db.jobRun.upsert({ where: { name }, create: { name, ...data }, update: data });
}

describe("GET /healthz", () => {
  it("is 200 with the database reachable before any job has run (a fresh process gets a grace period)", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/json/);
    expect(res.body).toEqual({ ok: true, database: "reachable", lastDigestTick: null, lastDigestSuccess: null, lastPaperRefresh: null });
  });

  it("reports the last digest tick and paper refresh from the JobRun table", async () => {
    clock.advance(3 * 60_000);
    await recordRun("digest", { lastSuccessAt: clock() });
    await recordRun("refresh", { lastSuccessAt: new Date("2025-03-11T08:07:00Z"), lastFailureAt: new Date("2025-03-11T07:07:00Z") });
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, lastDigestTick: "2025-03-11T09:03:00.000Z", lastDigestSuccess: "2025-03-11T09:03:00.000Z",
      lastPaperRefresh: "2025-03-11T08:07:00.000Z" });
    expect(res.body.reason).toBeUndefined();
  });

  it("is 503 with the reason when the digest job has not ticked for more than 5 minutes", async () => {
    clock.advance(5 * 60_000);
    expect((await get()).status).toBe(200); // exactly 5 minutes: still fine
    clock.advance(60_000);
    const res = await get();
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ ok: false, database: "reachable", reason: "The digest job has recorded no tick for 6 minutes (a tick that cannot write to the database records none)." });
    const logged = services.logs.lines.map((l) => JSON.parse(l) as { msg: string; reason?: string }).filter((l) => l.msg === "health check failing");
    expect(logged.at(-1)?.reason).toBe("The digest job has recorded no tick for 6 minutes (a tick that cannot write to the database records none).");
  });

  it("judges this process by its own ticks when it knows them: another replica's fresh record does not hide a dead job", async () => {
    await recordRun("digest", { lastSuccessAt: clock() }); // another replica ticked just now
    const own = (at: Date | null) => healthStatus(services, { startedAt, digestRunning: true, ownLastTick: () => at });
    expect(await own(new Date(clock().getTime() - 60_000))).toMatchObject({ ok: true });
    expect(await own(new Date(clock().getTime() - 7 * 60_000))).toMatchObject({ ok: false,
      reason: "This process's digest job has finished no tick for 7 minutes (another replica's ticks do not count; nor does a tick that cannot write to the database)." });
    await recordRun("digest", { lastSuccessAt: new Date("2025-03-11T09:03:00Z") }); // as the tests after expect it
  });

  it("counts a tick that failed in some channel as ticking, says so, and never shows the error text", async () => {
    await recordRun("digest", { lastFailureAt: clock(), lastError: "1 channel(s) failed: channel_not_found C0SECRET" });
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.body.lastDigestTick).toBe(clock().toISOString());
    expect(res.body.lastDigestSuccess).toBe("2025-03-11T09:03:00.000Z");
    expect(res.body.reason).toBe("The last digest tick failed for some channels; the logs say which.");
    expect(JSON.stringify(res.body)).not.toContain("C0SECRET");
  });

  it("does not hold a process that runs no digest job to the digest's schedule", async () => {
    clock.advance(60 * 60_000);
    expect((await healthStatus(services, { startedAt, digestRunning: false })).ok).toBe(true);
    expect((await healthStatus(services, { startedAt, digestRunning: true })).ok).toBe(false);
  });

  it("answers only /healthz, and only GET/HEAD", async () => {
    expect((await get("/")).status).toBe(404);
    expect((await get("/healthz/../admin")).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`, { method: "POST", body: "x" })).status).toBe(405);
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz?probe=1`, { method: "HEAD" })).status).toBe(503);
  });
});

describe("the digest job's schedule", () => {
  it("sets how long it may go without a tick: five minutes for every minute, the longest wait and some more otherwise", () => {
    expect(staleDigestAfterMs("* * * * *")).toBe(5 * 60_000);
    expect(staleDigestAfterMs("*/10 * * * *")).toBe(14 * 60_000);
    // Friday 09:00 to Monday 09:00, and an hour for a daylight-saving change of the local clock.
    expect(staleDigestAfterMs("0 9 * * 1-5")).toBe((3 * 24 * 60 + 4 + 60) * 60_000);
    // Weekends only: Sunday 09:00 to the next Saturday 09:00 is the longest wait.
    expect(staleDigestAfterMs("0 9 * * sat,sun")).toBe((6 * 24 * 60 + 4 + 60) * 60_000);
    // A range that wraps round, as node-cron runs it: 02:55 to 22:00; Monday 09:00 to Friday 09:00.
    expect(staleDigestAfterMs("*/5 22-2 * * *")).toBe((19 * 60 + 5 + 4 + 60) * 60_000);
    expect(staleDigestAfterMs("0 9 * * fri-mon")).toBe((4 * 24 * 60 + 4 + 60) * 60_000);
    expect(staleDigestAfterMs("55-5 * * * *")).toBe((50 + 4) * 60_000);
    // Days of the month or months: waits that span months (the 28th to the 1st; a yearly one): never stale.
    for (const e of ["0 0 1 1 *", "0 9 1-28 * *", "*/5 * * 1-6 *"]) expect(staleDigestAfterMs(e), e).toBe(Infinity);
  });

  it("is judged by when a tick really ran: a `digest run --now` a year ahead does not hide a stalled job", async () => {
    const own = manualClock("2025-04-01T09:00:00Z");
    const fresh = await createTestServices({ clock: own });
    try {
      await runDigestTick(fresh, new Map(), new Date("2026-04-01T09:00:00Z"));
      own.advance(10 * 60_000);
      const status = await healthStatus(fresh, { startedAt: new Date("2025-04-01T09:00:00Z"), digestRunning: true });
      expect(status).toMatchObject({ ok: false, lastDigestTick: "2025-04-01T09:00:00.000Z" });
    } finally { await fresh.close(); }
  });
});

describe("an unreachable database", () => {
  // A supervisor restarts the bot on a failing /healthz. It failed at the first check the database missed,
  // so a PostgreSQL restart or failover restarted every replica, into a start-up that could not connect
  // either (and a supervisor backing off kept them down after the database was back).
  it("is reported with a 200 for 5 minutes (a restart would not bring it back), then 503, with no URL or password", async () => {
    const { stores, close } = postgresStores(`postgresql://papers:${TEST_DATABASE_PASSWORD}@127.0.0.1:9/papers`);
    const outage: { since: Date | null } = { since: null };
    // A refusal comes back at once; the generous limit only keeps a cold PostgreSQL client (its query
    // compiler loads on the first query, over a second on a loaded CI machine) from reading as a timeout.
    const check = () => healthStatus({ ...stores, clock }, { startedAt: clock(), digestRunning: true, databaseTimeoutMs: 15_000, outage });
    try {
      expect(await check()).toEqual({ ok: true, database: "unreachable", lastDigestTick: null, lastDigestSuccess: null, lastPaperRefresh: null,
        reason: "The database is not reachable; commands are told so and the bot reconnects by itself, so this check fails only once it lasts 5 minutes." });
      clock.advance(40_000);
      expect(await check()).toMatchObject({ ok: true, reason: expect.stringMatching(/^The database is not reachable \(for 40 s\); commands/) });
      clock.advance(5 * 60_000);
      const failing = await check();
      expect(failing).toMatchObject({ ok: false, database: "unreachable", reason: "The database is not reachable (for 6 minutes)." });
      expect(JSON.stringify(failing)).not.toContain(TEST_DATABASE_PASSWORD);
    } finally { await close().catch(() => undefined); }
  });

  it("starts the 5 minutes afresh once the database has answered again", async () => {
    const outage = { since: new Date(clock().getTime() - 10 * 60_000) }; // down for 10 minutes, now back
    expect(await healthStatus(services, { startedAt: clock(), digestRunning: false, outage })).toMatchObject({ ok: true, database: "reachable" });
    expect(outage.since).toBeNull();
  });

  it("answers within its timeout when the database accepts the connection and never answers: 200 at first, 503 past 5 minutes", async () => {
    const sockets: import("node:net").Socket[] = [];
    const silent: Server = createServer((socket) => { sockets.push(socket); });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as import("node:net").AddressInfo).port;
    const { stores, close } = postgresStores(`postgresql://papers@127.0.0.1:${port}/papers`);
    const hung = await startHealthServer({ ...stores, clock, log: services.log }, 0, { startedAt: clock(), databaseTimeoutMs: 300 });
    try {
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${hung.port}/healthz`);
      expect(res.status).toBe(200); // the server remembers since when: the first miss is a blip
      expect(await res.json()).toMatchObject({ ok: true, database: "unreachable", reason: expect.stringMatching(/^The database did not answer within 300 ms; /) });
      expect(performance.now() - started).toBeLessThan(5_000); // bounded by its 300 ms, not hung (CI shares the cores)
      clock.advance(6 * 60_000);
      const later = await fetch(`http://127.0.0.1:${hung.port}/healthz`);
      expect(later.status).toBe(503);
      expect(await later.json()).toMatchObject({ ok: false, reason: "The database did not answer within 300 ms (for 6 minutes)." });
    } finally {
      await hung.stop();
      for (const s of sockets) s.destroy();
      silent.close();
      await close().catch(() => undefined);
    }
  });
});
