// SIGTERM/SIGINT end `papers start` cleanly (exit 0 within 10 s, "shutting down" logged, no token in the
// log), in every mode; a part that hangs cannot hold the process past the deadline; a second signal
// ends it at once. The process tests spawn the real bin/papers.js against the emulators.
import { EventEmitter } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { watchShutdown, type SignalSource } from "../../src/app/shutdown.ts";
import { createLogger } from "../../src/log.ts";
import { LogCapture } from "../support/services.ts";
import { leakedSecrets, TEST_DISCORD_TOKEN, TEST_SLACK_SIGNING_SECRET } from "../support/secrets.ts";
import { DiscordEmulator } from "../emulators/discord/index.ts";
import { SlackEmulator, SlackRequester } from "../emulators/slack/index.ts";
import { spawnBot, type SpawnedBot } from "./spawn-bot.ts";
import { testDatabaseProvider } from "../support/database.ts";

/** The operating system's side: signals in, exit codes out. */
class FakeProcess extends EventEmitter implements SignalSource {
  readonly exits: { code: number; at: number }[] = [];
  exit(code: number) { this.exits.push({ code, at: performance.now() }); }
}

describe("watchShutdown", () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it("resolves on the first signal and exits 1 at the deadline when the stop hangs", async () => {
    const logs = new LogCapture();
    const os = new FakeProcess();
    const watch = watchShutdown(createLogger({ destination: logs }), { source: os, deadlineMs: 150 });
    os.emit("SIGTERM");
    expect(await watch.signal).toBe("SIGTERM");
    await sleep(50);
    expect(os.exits).toEqual([]);
    await sleep(200);
    expect(os.exits.map((e) => e.code)).toEqual([1]);
    expect(logs.text).toContain("shutdown did not finish in time");
    watch.dispose();
  });

  it("exits at once on a second signal", async () => {
    const os = new FakeProcess();
    const watch = watchShutdown(createLogger({ destination: new LogCapture() }), { source: os, deadlineMs: 10_000 });
    os.emit("SIGINT");
    await watch.signal;
    os.emit("SIGINT");
    expect(os.exits.map((e) => e.code)).toEqual([1]);
    watch.dispose();
  });

  it("after a clean stop exits with its code even if a stray handle lingers, and never before", async () => {
    const os = new FakeProcess();
    const watch = watchShutdown(createLogger({ destination: new LogCapture() }), { source: os, deadlineMs: 10_000 });
    os.emit("SIGTERM");
    await watch.signal;
    watch.finished(0);
    expect(os.exits).toEqual([]);
    await sleep(1_100);
    expect(os.exits.map((e) => e.code)).toEqual([0]);
    watch.dispose();
  });

  it("does nothing at all without a signal", async () => {
    const os = new FakeProcess();
    const watch = watchShutdown(createLogger({ destination: new LogCapture() }), { source: os, deadlineMs: 50 });
    watch.finished(0);
    await sleep(100);
    watch.dispose();
    expect(os.exits).toEqual([]);
    expect(os.listenerCount("SIGTERM") + os.listenerCount("SIGINT")).toBe(0);
  });
});

describe("papers start as a process", () => {
  let bot: SpawnedBot | undefined;
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await bot?.cleanup();
    bot = undefined;
    for (const stop of stops.splice(0)) await stop();
  });

  async function terminate(b: SpawnedBot, signal: NodeJS.Signals = "SIGTERM") {
    const sent = performance.now();
    b.child.kill(signal);
    const exit = await b.exited();
    return { ...exit, ms: exit.at - sent };
  }

  it("terminal mode: SIGTERM ends the conversation and exits 0", async () => {
    bot = await spawnBot({});
    await new Promise<void>((resolve) => { const t = setInterval(() => { if (bot!.stdout().includes("> ")) { clearInterval(t); resolve(); } }, 20); });
    bot.child.stdin.write("trending 1\n");
    await new Promise<void>((resolve) => { const t = setInterval(() => { if (/1\. /.test(bot!.stdout())) { clearInterval(t); resolve(); } }, 20); });
    const exit = await terminate(bot);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.ms).toBeLessThan(10_000);
  });

  it("terminal mode: closing stdin exits 0", async () => {
    bot = await spawnBot({});
    bot.child.stdin.end("help\n");
    const exit = await bot.exited();
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(bot.stdout()).toContain("/papers trending");
  });

  it("a SIGTERM while the database is still opening is logged, starts nothing more, and exits 0", async () => {
    const discord = await new DiscordEmulator().start();
    stops.push(() => discord.stop());
    bot = await spawnBot({ DISCORD_TOKEN: TEST_DISCORD_TOKEN, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl });
    // Logged as the migrations finish, before the bundled papers load into the new database.
    await bot.logLine("database migrated");
    const exit = await terminate(bot);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(await bot.logLine("shutting down")).toMatchObject({ signal: "SIGTERM" });
    expect(bot.stderr()).not.toContain("papers-bot started");
  });

  // SQLite opens synchronously, holding Node's event loop: a signal meanwhile was heard only once the greeting was out.
  it.runIf(testDatabaseProvider === "sqlite")("terminal mode: a SIGINT while the database is still opening ends the start without a greeting or prompt", async () => {
    const started = await spawnBot({});
    bot = started;
    // Terminal mode logs to a file beside its database, not to stderr.
    const log = join(dirname(started.database.url.replace(/^file:/, "")), "papers-bot.log");
    const migrated = () => existsSync(log) && readFileSync(log, "utf8").includes('"msg":"database migrated"');
    while (!migrated() && started.child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    const exit = await terminate(started, "SIGINT");
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(readFileSync(log, "utf8")).toContain('"msg":"shutting down"');
    expect(bot.stdout()).not.toContain("papers-bot (terminal mode)");
  });

  it("a SIGTERM while Slack's start is under way (a slow auth.test) logs in to no other platform and starts no job", async () => {
    const slack = new SlackEmulator();
    await slack.start();
    const discord = await new DiscordEmulator().start();
    stops.push(() => slack.stop(), () => discord.stop());
    slack.failMethod("auth.test", { kind: "server", status: 503 }, 1); // Slack's client waits a second and asks again
    bot = await spawnBot({ SLACK_BOT_TOKEN: slack.token, SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET, SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: TEST_DISCORD_TOKEN, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl });
    await slack.waitFor(() => slack.calls.some((c) => c.method === "auth.test"), 20_000);
    const exit = await terminate(bot);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(discord.records).toHaveLength(0); // no Discord login
    expect(bot.stderr()).not.toContain("papers-bot started");
    expect(bot.stderr()).not.toContain("pruned processed events"); // nor the jobs
  });

  it("Discord-only: serves /healthz on PORT, and SIGTERM exits 0 within 10 s with 'shutting down' logged", async () => {
    const discord = await new DiscordEmulator().start();
    stops.push(() => discord.stop());
    bot = await spawnBot({ DISCORD_TOKEN: TEST_DISCORD_TOKEN, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl });
    const { port } = await bot.logLine("health endpoint listening");
    await bot.logLine("papers-bot started");
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, database: "reachable" });

    const exit = await terminate(bot);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.ms).toBeLessThan(10_000);
    expect(await bot.logLine("shutting down")).toMatchObject({ signal: "SIGTERM" });
    expect(await bot.logLine("shut down")).toMatchObject({ code: 0 });
    expect(leakedSecrets(bot.stderr() + bot.stdout())).toEqual([]);
  });

  describe("Slack HTTP mode", () => {
    async function slackBot() {
      const slack = new SlackEmulator();
      await slack.start();
      stops.push(() => slack.stop());
      bot = await spawnBot({ SLACK_BOT_TOKEN: slack.token, SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET, SLACK_API_URL: slack.apiUrl });
      const { port } = await bot.logLine("slack adapter listening");
      await bot.logLine("papers-bot started");
      return { slack, port: port as number, requester: new SlackRequester(`http://127.0.0.1:${port}`, TEST_SLACK_SIGNING_SECRET, { teamId: slack.teamId, userId: "U0ALICE", channelId: "C0GENERAL" }) };
    }

    it("serves /healthz on Bolt's port and exits 0 on SIGTERM", async () => {
      const { port, requester, slack } = await slackBot();
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, database: "reachable" });
      expect((await requester.command("trending 1", slack.responseUrl("r1"))).status).toBe(200);
      expect((await slack.response("r1")).body.text).toBeTruthy();

      const exit = await terminate(bot!);
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.ms).toBeLessThan(10_000);
      expect(bot!.stderr()).toContain('"msg":"shutting down"');
      expect(leakedSecrets(bot!.stderr() + bot!.stdout())).toEqual([]);
    });

    it("an answer stuck in flight cannot hold the process past 10 s, and a second signal ends it at once", { timeout: 90_000 }, async () => {
      const { requester, slack } = await slackBot();
      const hold = slack.holdResponses();
      stops.unshift(async () => hold.release());
      await requester.command("trending 1", slack.responseUrl("stuck"));
      await slack.waitFor(() => slack.responses.some((r) => r.id === "stuck"));
      const exit = await terminate(bot!);
      // The Slack drain gives up (8 s) before the process deadline (9.5 s): a clean exit, with the loss logged.
      expect(exit.ms).toBeLessThan(10_000);
      expect(exit.code).toBe(0);
      expect(bot!.stderr()).toContain("slack answers still in flight at shutdown were abandoned");
      await bot!.cleanup();

      const again = await slackBot();
      const hold2 = again.slack.holdResponses();
      stops.unshift(async () => hold2.release());
      await again.requester.command("trending 1", again.slack.responseUrl("stuck2"));
      await again.slack.waitFor(() => again.slack.responses.some((r) => r.id === "stuck2"));
      const sent = performance.now();
      bot!.child.kill("SIGTERM");
      await bot!.logLine("shutting down");
      bot!.child.kill("SIGINT");
      const forced = await bot!.exited();
      expect(forced.code).toBe(1);
      expect(forced.at - sent).toBeLessThan(3_000);
    });
  });
});
