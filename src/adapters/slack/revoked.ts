// Slack tells an app when its tokens stop working: `tokens_revoked` (an admin or the owner revoked the bot
// token) and `app_uninstalled` (every token revoked with it). From then on every reply, post and digest is
// refused, so the bot stops, as at start-up, with one sentence naming SLACK_BOT_TOKEN (credentials.ts).
import type { App } from "@slack/bolt";
import { tokenLost } from "./credentials.ts";

interface TokensRevoked { tokens?: { bot?: unknown } }

export function registerRevocations(app: App, botUserId: string, onLost: (error: Error) => void): void {
  app.event("tokens_revoked", async ({ event }) => {
    // A user token revoked (oauth) is none of the bot's: only its own bot user's matters.
    const bots = (event as TokensRevoked).tokens?.bot;
    if (Array.isArray(bots) && bots.includes(botUserId)) onLost(tokenLost("SLACK_BOT_TOKEN", "tokens_revoked"));
  });
  app.event("app_uninstalled", async () => { onLost(tokenLost("SLACK_BOT_TOKEN", "app_uninstalled")); });
}
