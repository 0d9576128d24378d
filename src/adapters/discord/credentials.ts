// Discord refusing the bot token at log-in is a configuration mistake (a token pasted wrong, or reset in
// the Developer Portal since), not a crash: one sentence naming DISCORD_TOKEN and where the right one is.
import { DefaultRestOptions } from "discord.js";
import { ConfigError } from "../../config.ts";
import { unreachable } from "../http/unreachable.ts";

/** `error` as a ConfigError naming DISCORD_TOKEN when Discord refused the token; otherwise `error` itself. */
function refusedToken(error: unknown): unknown {
  const { code, status } = (error ?? {}) as { code?: unknown; status?: unknown };
  // discord.js's TokenInvalid (REST 401 on /gateway/bot), or the gateway's close code 4004.
  if (code !== "TokenInvalid" && code !== 4004 && status !== 401) return error;
  return new ConfigError("Configuration error: Discord refused DISCORD_TOKEN (401 Unauthorized); use the bot's token from " +
    "the Discord Developer Portal (your application → Bot → Reset Token), not the application id or the client secret.");
}

/** What start-up and registration say when Discord did not answer: a refused token (above), an unreachable API, or `error`. */
export function startFailure(error: unknown, api: string | undefined): unknown {
  return unreachable(refusedToken(error), "Discord", api ?? DefaultRestOptions.api, "DISCORD_API_URL");
}

/** Gateway close codes after which discord.js never reconnects (Discord's "do not reconnect" codes). */
const AUTHENTICATION_FAILED = 4004;

/**
 * Why the bot cannot go on when Discord closed the gateway for good while it ran: 4004 means the token was
 * reset (in the Developer Portal, or by Discord itself after finding it published), the other such codes a
 * setting Discord no longer takes. A ConfigError, as at start-up: the supervisor's restarts repeat it.
 */
export function gatewayLost(code: number): ConfigError {
  if (code === AUTHENTICATION_FAILED) {
    return new ConfigError("Configuration error: Discord stopped accepting DISCORD_TOKEN (gateway close 4004); it was reset, in the Discord " +
      "Developer Portal or by Discord after finding it published: put the new one (your application → Bot → Reset Token) in DISCORD_TOKEN.");
  }
  return new ConfigError(`Configuration error: Discord closed the gateway for good (close code ${code}) and will not take this bot's connection back; ` +
    "see discord.com/developers/docs/topics/opcodes-and-status-codes for the code.");
}
