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
