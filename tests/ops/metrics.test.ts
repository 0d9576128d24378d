// GET /metrics after real traffic: a signed Slack slash command through real Bolt, a digest tick posting
// to the Slack emulator, then the endpoint read back and parsed by a real Prometheus text-format parser.
// The counters must have moved by exactly that traffic, and no label may carry a user id or query text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: the parser ships without types
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { createRegistry } from "../../src/commands/index.ts";
import { startSlack, type RunningSlack } from "../../src/adapters/slack/index.ts";
import { createMetrics, metricsHandler, METRICS_PATH, type PromMetrics } from "../../src/adapters/http/metrics.ts";
import { startHealthServer } from "../../src/adapters/http/health-server.ts";
import { runDigestTick } from "../../src/core/digest/tick.ts";
import { SlackEmulator, SlackRequester } from "../emulators/slack/index.ts";
import { createTestServices, type TestServices } from "../support/services.ts";
import { spawnSlackBot } from "../hardening/spawn-bot.ts";

const SECRET = "metrics-test-signing-secret-0001";

interface Family { name: string; type: string; metrics: { value?: string; labels?: Record<string, string>; count?: string; buckets?: Record<string, string> }[] }

let lastText = "";
async function scrape(base: string): Promise<Map<string, Family>> {
  const res = await fetch(`${base}${METRICS_PATH}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  lastText = await res.text();
  const families = parsePrometheusTextFormat(lastText) as Family[];
  return new Map(families.map((f) => [f.name, f]));
}

const sample = (families: Map<string, Family>, name: string, labels: Record<string, string> = {}) =>
  families.get(name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));

let emulator: SlackEmulator, services: TestServices, slack: RunningSlack, metrics: PromMetrics, base: string;

beforeAll(async () => {
  emulator = new SlackEmulator();
  await emulator.start();
  services = await createTestServices({ env: { SLACK_BOT_TOKEN: emulator.token, SLACK_API_URL: emulator.apiUrl, SLACK_SIGNING_SECRET: SECRET, PORT: "0" } });
  metrics = createMetrics();
  services.metrics = metrics;
  slack = await startSlack(services, createRegistry(), { routes: [{ path: METRICS_PATH, handler: metricsHandler(metrics, services.log) }] });
  base = `http://127.0.0.1:${slack.port}`;
});

afterAll(async () => {
  await slack?.stop();
  await emulator?.stop();
  await services?.close();
});

describe("GET /metrics", () => {
  it("counts real Slack commands and a digest, with bounded labels only", async () => {
    const before = await scrape(base);
    expect(sample(before, "papers_commands_total", { command: "search" })).toBeUndefined();
    expect(before.get("process_cpu_user_seconds_total")).toBeDefined(); // Node's default metrics
    expect(before.get("nodejs_heap_size_used_bytes")).toBeDefined();

    const requester = new SlackRequester(base, SECRET, { teamId: emulator.teamId, userId: "U0ALICE", channelId: "C0GENERAL" });
    for (const [i, text] of ["mixture of experts", "moe"].entries()) {
      expect((await requester.command(text, emulator.responseUrl(`s${i}`))).status).toBe(200);
      await emulator.response(`s${i}`, 1, 10_000);
    }
    expect((await requester.command("subscribe 25:99", emulator.responseUrl("bad"))).status).toBe(200);
    await emulator.response("bad", 1, 10_000);

    const channel = { platform: "slack" as const, workspaceId: emulator.teamId, channelId: "C0DIGEST" };
    await services.subscriptions.upsert(channel, { localTime: "09:00", timeZone: "UTC", topic: null, size: 3, ranking: "trending", createdBy: "U0ALICE" });
    const tickAt = new Date("2025-03-11T09:00:00Z");
    const report = await runDigestTick(services, new Map([["slack", slack.transport]]), tickAt);
    const posted = report.channels[0]!.posted;
    expect(report.channels[0]!.outcome).toBe("posted");
    expect(posted).toBeGreaterThan(0);

    const after = await scrape(base);
    expect(Number(sample(after, "papers_commands_total", { platform: "slack", command: "search", outcome: "ok" })?.value)).toBe(2);
    expect(Number(sample(after, "papers_commands_total", { platform: "slack", command: "subscribe", outcome: "user_error" })?.value)).toBe(1);
    // The parser folds a labelled histogram's series into one (it drops their labels): read that count from the text.
    expect(after.get("papers_command_duration_seconds")?.type).toBe("HISTOGRAM");
    expect(lastText).toContain('papers_command_duration_seconds_count{platform="slack",command="search"} 2\n');
    expect(Number(sample(after, "papers_search_duration_seconds")?.count)).toBe(2);
    expect(Number(sample(after, "papers_digest_channels_total", { platform: "slack", outcome: "posted" })?.value)).toBe(1);
    expect(Number(sample(after, "papers_digest_messages_total", { platform: "slack", outcome: "posted" })?.value)).toBe(posted);
    expect(emulator.messages.filter((m) => m.channel === "C0DIGEST")).toHaveLength(posted);
    expect(Number(sample(after, "papers_digest_last_tick_timestamp_seconds")?.value)).toBeGreaterThanOrEqual(tickAt.getTime() / 1000);
    expect(after.get("papers_hf_last_refresh_success_timestamp_seconds")).toBeDefined();

    const labelValues = [...after.values()].flatMap((f) => f.metrics.flatMap((m) => Object.values(m.labels ?? {})));
    for (const leaked of ["U0ALICE", "mixture", "moe", emulator.teamId, SECRET, emulator.token]) expect(labelValues).not.toContain(leaked);
  });

  it("has no last-refresh gauge where nothing refreshes (HF_REFRESH=off): it would read 1970 and alert forever", async () => {
    const gauge = "papers_hf_last_refresh_success_timestamp_seconds";
    const off = createMetrics({ hfRefresh: false });
    off.refreshSucceeded(new Date());
    expect(await off.registry.metrics()).not.toContain(gauge);
    // The real bot, which tests start with HF_REFRESH=off.
    const bot = await spawnSlackBot();
    try {
      const text = await (await fetch(`${bot.base}${METRICS_PATH}`)).text();
      expect(text).toContain("papers_digest_last_tick_timestamp_seconds");
      expect(text).not.toContain(gauge);
    } finally { await bot.stop(); }
    const on = createMetrics({ hfRefresh: true });
    on.refreshSucceeded(new Date("2025-03-11T09:07:00Z"));
    expect(await on.registry.metrics()).toContain(`${gauge} 1741684020\n`);
  }, 30_000);

  it("shares Bolt's port with /healthz and /metrics, which answer a HEAD probe as the small server does", async () => {
    const head = await fetch(`${base}/healthz`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    // And so does /metrics, where an uptime monitor may probe it the same way.
    const metricsHead = await fetch(`${base}/metrics`, { method: "HEAD" });
    expect(metricsHead.status).toBe(200);
    expect(metricsHead.headers.get("content-type")).toMatch(/^text\/plain/);
  });

  it("is served beside /healthz by the small server (Socket Mode, Discord only)", async () => {
    const server = await startHealthServer(services, 0, {}, [{ path: METRICS_PATH, handler: metricsHandler(metrics, services.log) }]);
    try {
      const families = await scrape(`http://127.0.0.1:${server.port}`);
      expect(families.get("papers_commands_total")).toBeDefined();
      expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${server.port}/nope`)).status).toBe(404);
    } finally { await server.stop(); }
  });
});
