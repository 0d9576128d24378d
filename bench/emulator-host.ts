// Runs one emulator (Slack or Discord) in a child process for the digest bench, so the emulator's HTTP
// handling and rate-limit book-keeping use the machine's other core instead of competing with the bot
// for its event loop (in-process, every emulated request is bot CPU time the real platform would not
// cost). The emulators stay plain in-process classes for tests; this file only hosts one over IPC.
//   parent: const host = await EmulatorHost.start("slack", options); … await host.collect(); await host.stop();
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { SlackEmulator, type SlackEmulatorOptions } from "../tests/emulators/slack/index.ts";
import { DiscordEmulator, type DiscordEmulatorOptions } from "../tests/emulators/discord/index.ts";

export type HostedKind = "slack" | "discord";
/** What the parent needs to point a client at the emulator. */
export interface HostedInfo { apiUrl: string; token: string; teamId: string; guildId: string }
/** What was posted, per channel: the idempotency key of each message (Slack metadata, Discord nonce). */
export interface HostedRecord { keysByChannel: Record<string, string[]>; http429: number;
  /** The emulator process's CPU since it started: if it nears the run's seconds, the emulator bounded the run. */
  emulatorCpuMs?: number }

type Request = { op: "collect" } | { op: "stop" };

export class EmulatorHost {
  private constructor(private readonly child: ChildProcess, readonly info: HostedInfo) {}

  static async start(kind: HostedKind, options: SlackEmulatorOptions | DiscordEmulatorOptions): Promise<EmulatorHost> {
    const child = fork(fileURLToPath(import.meta.url), [kind, JSON.stringify(options)],
      { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const info = await new Promise<HostedInfo>((resolve, reject) => {
      child.once("message", (m) => resolve(m as HostedInfo));
      child.once("exit", (code) => reject(new Error(`${kind} emulator host exited with ${code} before it started`)));
    });
    return new EmulatorHost(child, info);
  }

  private ask<T>(request: Request): Promise<T> {
    return new Promise((resolve) => { this.child.once("message", (m) => resolve(m as T)); this.child.send(request); });
  }

  collect(): Promise<HostedRecord> { return this.ask<HostedRecord>({ op: "collect" }); }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.send({ op: "stop" });
    await exited;
  }
}

async function host(kind: HostedKind, options: any): Promise<void> {
  let collect: () => HostedRecord;
  let stop: () => Promise<void>;
  if (kind === "slack") {
    const slack = new SlackEmulator(options as SlackEmulatorOptions);
    await slack.start();
    process.send!({ apiUrl: slack.apiUrl, token: slack.token, teamId: slack.teamId, guildId: "" } satisfies HostedInfo);
    collect = () => {
      const keysByChannel: Record<string, string[]> = {};
      for (const m of slack.messages) (keysByChannel[m.channel] ??= []).push(String(m.metadata?.event_payload?.key));
      return { keysByChannel, http429: slack.calls.filter((c) => c.status === 429).length };
    };
    stop = () => slack.stop();
  } else {
    const discord = await new DiscordEmulator(options as DiscordEmulatorOptions).start();
    process.send!({ apiUrl: discord.apiUrl, token: "", teamId: "", guildId: discord.guilds[0]?.id ?? "" } satisfies HostedInfo);
    collect = () => {
      const keysByChannel: Record<string, string[]> = {};
      for (const g of discord.guilds) for (const c of g.channels) keysByChannel[c.id] = discord.channelMessages(c.id).map((m) => String(m.nonce));
      return { keysByChannel, http429: discord.records.filter((r) => r.status === 429).length };
    };
    stop = () => discord.stop();
  }
  process.on("message", (m: Request) => {
    if (m.op === "collect") {
      const used = process.cpuUsage();
      process.send!({ ...collect(), emulatorCpuMs: Math.round((used.user + used.system) / 1000) });
    }
    else void stop().then(() => process.exit(0));
  });
  process.on("disconnect", () => process.exit(0)); // the bench died: do not linger
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  await host(process.argv[2] as HostedKind, JSON.parse(process.argv[3] ?? "{}"));
}
