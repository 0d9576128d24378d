// `node bin/papers.js start` as a real child process, the way a supervisor runs it: its own database,
// env pointing at the emulators, stderr (the JSON log) captured line by line so a test can wait for a
// log message and read the port it announced.
import type { ChildProcess } from "node:child_process";
import { freshDatabase, type TestDatabase } from "../support/database.ts";
import { spawnPapers } from "../support/processes.ts";
import { TEST_SLACK_SIGNING_SECRET } from "../support/secrets.ts";
import { SlackEmulator, SlackRequester, type SlackEmulatorOptions } from "../emulators/slack/index.ts";

export interface SpawnedBot {
  child: ChildProcess & { stdin: NonNullable<ChildProcess["stdin"]> };
  stdout(): string;
  stderr(): string;
  /** The first JSON log line whose msg is `msg` (waits for it). */
  logLine(msg: string, timeoutMs?: number): Promise<Record<string, any>>;
  /** Resolves with the exit code (or the signal name) and performance.now() when it came. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Kills it if still running and drops its database. */
  cleanup(): Promise<void>;
}

export async function spawnBot(env: Record<string, string>): Promise<SpawnedBot & { database: TestDatabase }> {
  const database = await freshDatabase();
  const bot = spawnPapers(["start"], { DATABASE_URL: database.url, PORT: "0", LOG_LEVEL: "info", ...env }, { stdin: "pipe" });
  const child = bot.child as SpawnedBot["child"];
  const parsed = () => bot.stderr().split("\n").flatMap((line) => { try { return [JSON.parse(line) as Record<string, any>]; } catch { return []; } });

  return {
    child, database,
    stdout: bot.stdout,
    stderr: bot.stderr,
    exited: () => bot.exited,
    logLine: (msg, timeoutMs = 20_000) => new Promise((resolve, reject) => {
      const check = () => {
        const found = parsed().find((l) => l.msg === msg);
        if (found) { done(); resolve(found); }
        else if (child.exitCode !== null) { done(); reject(new Error(`the bot exited (${child.exitCode}) before logging "${msg}":\n${bot.stderr().slice(-2000)}`)); }
      };
      const timer = setTimeout(() => { done(); reject(new Error(`no "${msg}" log line within ${timeoutMs} ms:\n${bot.stderr().slice(-2000)}`)); }, timeoutMs);
      const stop = bot.onOutput(check);
      const done = () => { clearTimeout(timer); stop(); };
      check();
    }),
    async cleanup() {
      if (child.exitCode === null && child.signalCode === null) { child.kill("SIGKILL"); await bot.exited; }
      await database.drop();
    },
  };
}

export interface SpawnedSlackBot {
  slack: SlackEmulator;
  bot: SpawnedBot & { database: TestDatabase };
  /** Signs requests as Slack does, for the bot's /slack/events. */
  requester: SlackRequester;
  /** The bot's HTTP base (Slack endpoints and /healthz). */
  base: string;
  stop(): Promise<void>;
}

/** A Slack emulator and the bot in Slack HTTP mode against it, started and listening. */
export async function spawnSlackBot(options: { emulator?: SlackEmulatorOptions; env?: Record<string, string> } = {}): Promise<SpawnedSlackBot> {
  const slack = new SlackEmulator(options.emulator);
  await slack.start();
  const bot = await spawnBot({ SLACK_BOT_TOKEN: slack.token, SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, ...options.env });
  try {
    const { port } = await bot.logLine("slack adapter listening");
    await bot.logLine("papers-bot started");
    const base = `http://127.0.0.1:${port}`;
    const requester = new SlackRequester(base, TEST_SLACK_SIGNING_SECRET, { teamId: slack.teamId, userId: "U0ALICE", channelId: "C0GENERAL" });
    return { slack, bot, requester, base, async stop() { await bot.cleanup(); await slack.stop(); } };
  } catch (error) {
    await bot.cleanup();
    await slack.stop();
    throw error;
  }
}
