// Slack, as `papers start` runs it and as the tests run it: the same function, only the config differs.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { CommandRegistry } from "../../command-kit/registry.ts";
import type { HealthOptions } from "../../core/health.ts";
import type { ChatTransport } from "../../core/transport.ts";
import type { Services } from "../../core/services.ts";
import { registerActions } from "./actions.ts";
import { authTest, createSlackApp, createTransportClient, heardBy, isSocketMode, SLACK_API_BASE, slackApiUrl } from "./app.ts";
import { registerCommands } from "./commands.ts";
import type { SlackDeps } from "./context.ts";
import { registerEvents } from "./events.ts";
import { registerMentions } from "./mentions.ts";
import { registerRevocations } from "./revoked.ts";
import { SlackTransport } from "./transport.ts";
import { healthRoute, type HttpRoute } from "../http/health-server.ts";
import { refusedToken } from "./credentials.ts";
import { unreachable } from "../http/unreachable.ts";

export { SlackTransport } from "./transport.ts";

/**
 * How long stop() lets answers already acknowledged finish before giving up on them: under the 9.5 s
 * shutdown deadline (src/app/shutdown.ts), so a drain that runs out still exits cleanly.
 */
const DRAIN_MS = 8_000;

export interface RunningSlack {
  transport: ChatTransport;
  /** Resolves when Slack stopped taking a token while the bot ran (revoked, the app uninstalled): it hears or says nothing more. */
  lost: Promise<Error>;
  stop(): Promise<void>;
  port: number;
}

/** `health`: what /healthz reports besides the database and jobs, in HTTP mode where Bolt serves it;
 * `routes`: more GET endpoints on Bolt's port in HTTP mode (/metrics). */
export async function startSlack(services: Services, registry: CommandRegistry,
  options: { port?: number; health?: Partial<HealthOptions>; routes?: HttpRoute[] } = {}): Promise<RunningSlack> {
  const { config, log } = services;
  if (!config.SLACK_BOT_TOKEN) throw new Error("startSlack needs SLACK_BOT_TOKEN");
  // A refused token or an unreachable Slack at start-up: one sentence saying which and what to check.
  const failed = (variable: "SLACK_BOT_TOKEN" | "SLACK_APP_TOKEN") => (error: unknown): never => {
    throw unreachable(refusedToken(error, variable), "Slack", slackApiUrl(config) ?? SLACK_API_BASE, "SLACK_API_URL");
  };
  const bot = await authTest(config, log).catch(failed("SLACK_BOT_TOKEN"));
  let onLost: (error: Error) => void = () => undefined;
  const lost = new Promise<Error>((resolve) => { onLost = resolve; });
  const lookups = createTransportClient(config, log, onLost);
  const transport = new SlackTransport(lookups, bot.botUserId, heardBy(onLost));
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    return work.finally(() => inFlight.delete(work));
  };
  const deps: SlackDeps = { services, registry, transport, lookups, track, botUserId: bot.botUserId };

  const app = createSlackApp(config, log, bot, [healthRoute(services, options.health),
    ...(options.routes ?? []).map((r) => ({ path: r.path, method: ["GET", "HEAD"], handler: r.handler }))], onLost);
  registerCommands(app, deps);
  registerActions(app, deps);
  registerEvents(app, deps);
  registerMentions(app, deps);
  registerRevocations(app, bot.botUserId, onLost);
  await app.init(); // no call: authTest checked the token

  let port = 0;
  if (isSocketMode(config)) {
    await app.start().catch(failed("SLACK_APP_TOKEN")); // apps.connections.open
  } else {
    const server = await app.start(options.port ?? config.PORT) as Server;
    port = (server.address() as AddressInfo).port;
  }
  log.info({ mode: isSocketMode(config) ? "socket" : "http", port: port || undefined }, "slack adapter listening");

  return {
    transport, port, lost,
    async stop() {
      await app.stop();
      const drained = Promise.allSettled([...inFlight]).then(() => true);
      const finished = await Promise.race([drained, new Promise<false>((resolve) => setTimeout(() => resolve(false), DRAIN_MS).unref())]);
      if (!finished) log.warn({ abandoned: inFlight.size, afterMs: DRAIN_MS }, "slack answers still in flight at shutdown were abandoned");
    },
  };
}
