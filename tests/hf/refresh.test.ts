// The refresh as the hourly job runs it: into the live catalog, with one log line per failure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshLatest, runRefresh, startRefreshJob } from "../../src/jobs/refresh.ts";
import { refreshFromHf } from "../../src/sources/hf/refresh.ts";
import { createTestServices, manualClock, type TestServices } from "../support/services.ts";
import { closedPortUrl, startHfEmulator, type HfEmulator } from "../emulators/hf/server.ts";

let hf: HfEmulator;
const all: TestServices[] = [];
beforeAll(async () => { hf = await startHfEmulator(); });
afterAll(async () => { for (const s of all) await s.close(); await hf.close(); });

async function services(env: Record<string, string>, now = "2025-03-11T10:00:00Z") {
  const clock = manualClock(now);
  const s = await createTestServices({ clock, env: { HF_PAGE_SIZE: "4", ...env } });
  all.push(s);
  return Object.assign(s, { manual: clock });
}

/** Log lines at warn or above: what an operator would see. */
const warnings = (s: TestServices) => s.logs.lines.map((l) => JSON.parse(l) as { level: string; msg: string; reason?: string })
  .filter((l) => ["warn", "error", "fatal"].includes(l.level));

describe("refreshFromHf", () => {
  it("lands the day in the database and the live catalog, and records the run", async () => {
    const s = await services({ HF_API_URL: hf.url("ok") });
    expect(s.catalog.get("2503.07920")).toBeUndefined();
    const result = await refreshFromHf(s, { date: "2025-03-11" });
    expect(result).toMatchObject({ fetched: 10, rejected: 0, added: 7, updated: 3, snapshotChanged: true });
    // New papers and the merged capture records are both visible without waiting for a sync.
    expect(s.catalog.get("2503.07920")?.upvotes).toBe(85);
    const survey = s.catalog.get("2407.06204");
    expect(survey?.id).toMatch(/^t-/);
    expect(survey?.authors).toHaveLength(6);
    const trending = await s.papers.trending("2025-03-11");
    expect(trending?.ids[0]).toBe("2503.07920");
    const run = await s.db.jobRun.findUnique({ where: { name: "refresh" } });
    expect(run?.lastSuccessAt?.toISOString()).toBe("2025-03-11T10:00:00.000Z");
    expect(run?.lastFailureAt).toBeNull();
  });

  it("the network down: one warning line, no stack, the last good data kept, the failure recorded", async () => {
    const s = await services({ HF_API_URL: hf.url("ok") });
    await refreshFromHf(s, { date: "2025-03-11" });
    const before = await s.papers.trending("2025-03-11");
    const count = await s.papers.count();

    const down = await services({ HF_API_URL: await closedPortUrl(), DATABASE_URL: s.config.DATABASE_URL });
    down.manual.set("2025-03-11T11:00:00Z");
    expect(await runRefresh(down)).toEqual({ failed: "network" });
    const lines = warnings(down);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.msg).toBe("papers refresh failed; keeping the last good data");
    expect(lines[0]!.reason).toMatch(/^Hugging Face API unreachable \(127\.0\.0\.1:\d+: connection refused\)$/);
    expect(down.logs.text).not.toMatch(/stack|\n\s+at /);
    expect(await down.papers.trending("2025-03-11")).toEqual(before);
    expect(await down.papers.count()).toBe(count);
    const run = await down.db.jobRun.findUnique({ where: { name: "refresh" } });
    expect(run?.lastFailureAt?.toISOString()).toBe("2025-03-11T11:00:00.000Z");
    expect(run?.lastError).toMatch(/connection refused/);
    expect(run?.lastSuccessAt?.toISOString()).toBe("2025-03-11T10:00:00.000Z");
  });

  it("waits out a 429 and lands the day", async () => {
    const s = await services({ HF_API_URL: hf.url("ratelimit"), HF_PAGE_SIZE: "50" });
    const result = await refreshFromHf(s, { date: "2025-03-11" });
    expect(result.fetched).toBe(10);
    expect(hf.requestsFor("ratelimit").filter((r) => r.query.date === "2025-03-11")).toHaveLength(2);
    expect(warnings(s)).toEqual([]); // a retry is routine, not a warning
  });
});

describe("the hourly job", () => {
  it("falls back to yesterday while today's list is still empty", async () => {
    const s = await services({ HF_API_URL: hf.url("ok") }, "2025-03-12T00:30:00Z");
    hf.reset();
    const results = await refreshLatest(s);
    expect(results.map((r) => [r.date, r.fetched])).toEqual([["2025-03-12", 0], ["2025-03-11", 10]]);
    expect(hf.requestsFor("ok").map((r) => r.query.date)).toEqual(["2025-03-12", "2025-03-11", "2025-03-11", "2025-03-11"]);
    expect((await s.papers.trending("2025-03-12"))?.date).toBe("2025-03-11");
  });

  it("only today when today has papers", async () => {
    const s = await services({ HF_API_URL: hf.url("ok") }, "2025-03-11T23:00:00Z");
    expect((await refreshLatest(s)).map((r) => r.date)).toEqual(["2025-03-11"]);
  });

  it("refreshes at start-up", async () => {
    const s = await services({ HF_API_URL: hf.url("ok"), HF_REFRESH: "on", HF_PAGE_SIZE: "50" }, "2025-03-10T12:00:00Z");
    let first!: () => void;
    const ran = new Promise<void>((resolve) => { first = resolve; });
    const job = startRefreshJob(s, { onFirstRun: () => first() })!;
    expect(job.name).toBe("refresh");
    await ran;
    await job.stop();
    expect((await s.papers.trending("2025-03-10"))?.ids.length).toBeGreaterThan(0);
  });

  it("stop() ends a request Hugging Face never answers, or a wait to retry, at once: shutdown is not held", async () => {
    for (const scenario of ["slow", "ratelimit"] as const) {
      const s = await services({ HF_API_URL: hf.url(scenario), HF_REFRESH: "on", HF_TIMEOUT_SECONDS: "30", HF_PAGE_SIZE: "50" }, "2025-03-10T12:00:00Z");
      hf.reset();
      const job = startRefreshJob(s)!;
      await new Promise((resolve) => setTimeout(resolve, 300)); // the request (or the 429's wait) is in flight
      const started = performance.now();
      await job.stop();
      expect(performance.now() - started, scenario).toBeLessThan(1000);
      expect((await s.papers.trending("2025-03-10"))?.date, scenario).not.toBe("2025-03-10"); // never a partial day
      // Logged as what it is, not as a failed refresh, and not recorded as one.
      expect(s.logs.text, scenario).toContain("papers refresh stopped: shutting down");
      expect(warnings(s), scenario).toEqual([]);
      expect((await s.db.jobRun.findUnique({ where: { name: "refresh" } }))?.lastFailureAt ?? null, scenario).toBeNull();
    }
  });

  it("is off with HF_REFRESH=off, and refuses a bad cron expression", async () => {
    expect(startRefreshJob(await services({ HF_REFRESH: "off" }))).toBeNull();
    // A bad expression is refused with the configuration, in every mode, before any job starts.
    await expect(services({ HF_REFRESH: "on", HF_REFRESH_CRON: "every hour" })).rejects.toThrow(/HF_REFRESH_CRON "every hour" needs 5 fields/);
  });
});
