// Slack refusing a token at start-up is a configuration mistake (a token pasted into the wrong variable,
// one revoked by reinstalling the app), not a crash: one sentence naming the variable and where the
// right token is found, exit 2 like every configuration error.
import { ConfigError } from "../../config.ts";

// Slack's answers for a token it will not take (auth.test, apps.connections.open).
const REFUSED = new Set(["invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "not_allowed_token_type"]);

const WHERE = {
  SLACK_BOT_TOKEN: "use the Bot User OAuth Token (xoxb-…) from OAuth & Permissions in your Slack app's settings, " +
    "and reinstall the app to the workspace if it was revoked",
  SLACK_APP_TOKEN: "use an app-level token (xapp-…) with the connections:write scope, from the App-Level Tokens section of your Slack app's settings",
} as const;

/** `error` as a ConfigError naming `variable` when Slack refused that token; otherwise `error` itself. */
export function refusedToken(error: unknown, variable: keyof typeof WHERE): unknown {
  const code = isRefusal(error);
  if (!code) return error;
  return new ConfigError(`Configuration error: Slack refused ${variable} (${code}); ${WHERE[variable]}.`);
}

/**
 * Why the bot cannot go on when Slack stopped taking a token while it ran: the app-level token revoked or
 * regenerated (Socket Mode cannot reconnect), the bot token revoked, or the app uninstalled (Slack revokes
 * both). A ConfigError, as at start-up, so the supervisor's restarts say it again; `code` is Slack's word.
 */
export function tokenLost(variable: keyof typeof WHERE, code: string): ConfigError {
  return new ConfigError(`Configuration error: Slack stopped accepting ${variable} while the bot ran (${code}); ${WHERE[variable]}.`);
}

/** Of those, the ones about the token itself, whatever the method: not_allowed_token_type is one method's rule. */
const TOKEN_GONE = new Set([...REFUSED].filter((code) => code !== "not_allowed_token_type"));

/** A Web API call's `error` when it says the token it was made with no longer works, as tokenLost; else null. */
export function tokenLostIn(method: string, error: string): ConfigError | null {
  if (!TOKEN_GONE.has(error)) return null;
  return tokenLost(method === "apps.connections.open" ? "SLACK_APP_TOKEN" : "SLACK_BOT_TOKEN", error);
}

/** Slack's `error` when it is one for a token it will not take, else null. */
export function isRefusal(error: unknown): string | null {
  const code = (error as { data?: { error?: unknown } } | null)?.data?.error;
  return typeof code === "string" && REFUSED.has(code) ? code : null;
}
