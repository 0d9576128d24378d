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
  const code = (error as { data?: { error?: unknown } } | null)?.data?.error;
  if (typeof code !== "string" || !REFUSED.has(code)) return error;
  return new ConfigError(`Configuration error: Slack refused ${variable} (${code}); ${WHERE[variable]}.`);
}
