// `papers start`: Slack, Discord and the cron jobs as configured; with no tokens, the terminal mode.
import type { Config } from "./config.ts";
import { createLogger, registerSecret } from "./log.ts";
import { createServices } from "./services.ts";
import { createRegistry } from "./commands/index.ts";
import { startConsole } from "./adapters/console/index.ts";

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
  log.info({ slack: config.slack, discord: config.discord, database: services.provider }, "papers-bot started");
  return 0;
}
