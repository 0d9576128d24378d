// `papers start`: Slack, Discord and the cron jobs as configured; with no tokens, the terminal mode.
// On SIGTERM/SIGINT it stops taking work, lets what is in flight finish, closes the database, exits 0.
import type { Config } from "./config.ts";
import type { Platform } from "./core/channel.ts";
import type { ChatTransport } from "./core/transport.ts";
import { createLogger, registerSecret } from "./log.ts";
import { createServices } from "./services.ts";
import { createRegistry } from "./commands/index.ts";
import { startConsole } from "./adapters/console/index.ts";

/** Something `papers start` runs until shutdown: an adapter, a job, a server. */
export interface Running { name: string; stop(): Promise<void> }

export async function start(config: Config, io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
  for (const secret of [config.SLACK_BOT_TOKEN, config.SLACK_SIGNING_SECRET, config.SLACK_APP_TOKEN, config.DISCORD_TOKEN]) registerSecret(secret);
  const chat = config.slack || config.discord;
  // In terminal mode the log would interleave with the conversation: keep it to warnings.
  const log = createLogger({ level: chat ? config.LOG_LEVEL : "warn", destination: io.stderr });
  const services = await createServices(config, log);
  const registry = createRegistry();
  if (!chat) {
    await startConsole(services, registry, { input: io.stdin, output: io.stdout });
    await services.close();
    return 0;
  }

  const transports = new Map<Platform, ChatTransport>();
  const running: Running[] = [];
  // Adapters (each registers its ChatTransport), then jobs that post through them.
  // [adapters]
  // [jobs]
  log.info({ slack: config.slack, discord: config.discord, database: services.provider, running: running.map((r) => r.name) }, "papers-bot started");

  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => { log.info({ signal }, "shutting down"); resolve(); };
    process.once("SIGTERM", () => shutdown("SIGTERM"));
    process.once("SIGINT", () => shutdown("SIGINT"));
  });
  // Jobs first (no new digests), then adapters, each finishing what it has in flight.
  for (const r of [...running].reverse()) {
    await r.stop().catch((err: unknown) => log.error({ err, part: r.name }, "stop failed"));
  }
  await services.close();
  return 0;
}
