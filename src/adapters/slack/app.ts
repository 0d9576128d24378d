// The Bolt App: HTTP receiver at /slack/events (signature and 5-minute timestamp checks are Bolt's; the
// future side of the latter is ours, receiver-guards.ts), or Socket Mode when SLACK_APP_TOKEN is set.
// SLACK_API_URL points the Web API elsewhere (GovSlack, a proxy, the tests' emulator). Bolt's own log
// lines go through our logger, so tokens are masked there too.
import type { CustomRoute, Logger as BoltLogger, ReceiverProcessEventErrorHandlerArgs } from "@slack/bolt";
import { App, HTTPModuleFunctions, HTTPReceiver, LogLevel, webApi } from "./bolt.ts";
import { format } from "node:util";
import type { Config } from "../../config.ts";
import type { Logger } from "../../log.ts";
import { slackFetch } from "./fetch.ts";
import { tokenLostIn } from "./credentials.ts";
import { installReceiverGuards } from "./receiver-guards.ts";
import { createSocketModeReceiver } from "./socket-mode.ts";

const PINO_TO_BOLT: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG, debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR, fatal: LogLevel.ERROR, silent: LogLevel.ERROR,
};

// Bolt's warning for a request whose signature is not the signing secret's: a forged request, or, when every
// request from Slack gets it, the wrong secret configured, which Bolt's words never name.
const SIGNATURE_MISMATCH = /signature mismatch/;
const withHint = (text: string): string => SIGNATURE_MISMATCH.test(text)
  ? `${text}; if every request from Slack is refused so, SLACK_SIGNING_SECRET is not this app's Signing Secret ` +
    "(api.slack.com/apps → your app → Basic Information → App Credentials)"
  : text;

function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ part: "slack" });
  return {
    // Bolt and the WebClient narrate every HTTP call at debug: that is trace for us.
    debug: (...msg: unknown[]) => child.trace(format(...msg)),
    info: (...msg: unknown[]) => child.info(format(...msg)),
    warn: (...msg: unknown[]) => child.warn(withHint(format(...msg))),
    error: (...msg: unknown[]) => child.error(format(...msg)),
    setLevel: () => undefined,
    getLevel: () => PINO_TO_BOLT[log.level] ?? LogLevel.INFO,
    setName: () => undefined,
  };
}

/** The WebClient's default base. */
export const SLACK_API_BASE = "https://slack.com/api/";

/** The Web API base with its trailing slash, which the WebClient concatenates method names onto. */
export function slackApiUrl(config: Config): string | undefined {
  if (!config.SLACK_API_URL) return undefined;
  return config.SLACK_API_URL.endsWith("/") ? config.SLACK_API_URL : `${config.SLACK_API_URL}/`;
}

export function isSocketMode(config: Config): boolean {
  return Boolean(config.SLACK_APP_TOKEN);
}

/** Hears that Slack stopped taking a token while the bot runs (startSlack's `lost`). */
export type OnLost = (error: Error) => void;

/** What to do with a Web API call's ok:false answer: tell `onLost` when it says the token no longer works. */
export function heardBy(onLost: OnLost): (method: string, error: string) => void {
  return (method, error) => { const lost = tokenLostIn(method, error); if (lost) onLost(lost); };
}

/**
 * Calls made while answering a person: a couple of quick retries, never a half-hour back-off. No
 * `timeout`: keepAliveFetch keeps the 10 s limit itself, without a timer and signal per call.
 * `onLost`: told when any call's answer says its token no longer works (revoked, the app uninstalled).
 */
function clientOptions(config: Config, log: Logger, onLost?: OnLost): webApi.WebClientOptions {
  const url = slackApiUrl(config);
  return { ...(url ? { slackApiUrl: url } : {}), logger: boltLogger(log), fetch: slackFetch(url ?? SLACK_API_BASE, onLost && heardBy(onLost)),
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 } };
}

/** Who the bot is in its workspace, as auth.test says: its user (how it is mentioned) and its bot id. */
export interface BotIdentity { botUserId: string; botId?: string }

/** auth.test, once at start-up: a refused token fails `papers start` with a clear message (startSlack), and the
 * bot learns its own user, which replies name it by (render.ts botMention). */
export async function authTest(config: Config, log: Logger): Promise<BotIdentity> {
  const answer = await new webApi.WebClient(config.SLACK_BOT_TOKEN!, clientOptions(config, log)).auth.test();
  return { botUserId: String(answer.user_id ?? ""), ...(answer.bot_id ? { botId: answer.bot_id } : {}) };
}

/** `customRoutes` (GET /healthz) share Bolt's port in HTTP mode; in Socket Mode `papers start` serves them itself.
 * `bot`: what authTest found, so Bolt does not ask auth.test again; `onLost`: Slack stopped taking a token. */
export function createSlackApp(config: Config, log: Logger, bot: BotIdentity, customRoutes: CustomRoute[] = [],
  onLost: OnLost = () => undefined): App {
  installReceiverGuards();
  const common = {
    token: config.SLACK_BOT_TOKEN!,
    botUserId: bot.botUserId,
    ...(bot.botId ? { botId: bot.botId } : {}),
    // The token was checked by authTest just before: app.init() need not call auth.test again.
    tokenVerificationEnabled: false,
    logger: boltLogger(log),
    clientOptions: clientOptions(config, log, onLost),
    deferInitialization: true,
  };
  const { slackApiUrl, fetch } = common.clientOptions;
  const app = isSocketMode(config)
    ? new App({ ...common, receiver: createSocketModeReceiver(config.SLACK_APP_TOKEN!, common.logger, log, { slackApiUrl, fetch }, onLost) })
    : new App({ ...common, receiver: new HTTPReceiver({ signingSecret: config.SLACK_SIGNING_SECRET!, endpoints: "/slack/events", customRoutes,
      logger: common.logger, processEventErrorHandler: (args) => acknowledgeMalformed(log, args) }) });
  app.error(async (error) => { log.error({ err: error, part: "slack" }, "slack listener error"); });
  return app;
}

/**
 * Our listeners catch their own failures (safely.ts), so an error reaching here comes from Bolt reading a
 * signed payload it cannot handle (the fuzz tests found `item: "0"` in a reaction event: a TypeError in
 * Bolt's helpers). A 500 would make Slack retry the same payload; acknowledge it and log it instead.
 * Authorization failures and errors after an ack keep Bolt's own handling.
 */
async function acknowledgeMalformed(log: Logger, args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  const { error, response } = args;
  if (response.headersSent || (error as { code?: string }).code === "slack_bolt_authorization_error") {
    return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
  }
  log.warn({ err: error, part: "slack" }, "slack sent a payload Bolt could not process; acknowledged so it is not retried");
  response.writeHead(200);
  response.end();
  return true;
}

/** For the transport: no retries and no sleeping on 429, so the caller's scheduler decides (TransientPostError). */
export function createTransportClient(config: Config, log: Logger, onLost?: OnLost): webApi.WebClient {
  return new webApi.WebClient(config.SLACK_BOT_TOKEN!, { ...clientOptions(config, log, onLost), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
}
