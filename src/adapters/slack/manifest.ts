// The Slack app manifest, built from the registered commands: one /papers command whose usage hint lists
// the subcommands, the scopes the bot actually uses, and the events it listens to. Paste it at
// api.slack.com/apps → Create New App → From a manifest.
import type { CommandRegistry } from "../../command-kit/registry.ts";
import { SLASH_COMMAND } from "./commands.ts";
import { DEFAULT_BOT_NAME } from "../../core/messages/bot-name.ts";

export interface ManifestOptions {
  /** Socket Mode: no public URL needed. */
  socket?: boolean;
  /** The public base URL for HTTP mode; requests go to <url>/slack/events. */
  url?: string;
  name?: string;
}

/** Each scope, and why the bot needs it (reviewers of an app install ask). */
export const BOT_SCOPES: Record<string, string> = {
  "commands": "the /papers slash command",
  "chat:write": "digests, shared papers and private confirmations",
  "chat:write.public": "post a digest to a public channel without being invited first",
  "channels:join": "join a public channel a digest is set up in or a paper is shared to, since Slack sends 🔖 reactions only from channels the app is in",
  "reactions:read": "🔖 reactions on the bot's paper messages",
  "files:write": "/papers export sends the reading list as a file",
  "im:write": "open the direct message that export files and personal digests go to",
  "app_mentions:read": "answer \"@papers-bot <words>\" in a channel as /papers <words>, in its thread",
  "im:history": "find a personal digest message already posted after a restart (no duplicates), and answer what you type in the bot's Messages tab",
  "users:read": "your time zone (users.info) for your personal digest's time, and whether a 🔖 came from another app's bot (ignored)",
  "channels:history": "find a digest message already posted after a restart (no duplicates), and the thread a 🔖 reaction is in",
  "groups:history": "the same, in private channels",
};

// tokens_revoked and app_uninstalled: the bot stops saying its token no longer works (revoked.ts), not runs deaf.
// app_mention and message.im: words addressed to the bot outside /papers (mentions.ts).
export const BOT_EVENTS = ["reaction_added", "reaction_removed", "app_home_opened", "app_mention", "message.im", "tokens_revoked", "app_uninstalled"] as const;

const USAGE_HINT_MAX = 1000;

export function usageHint(registry: CommandRegistry): string {
  const parts = ["<words>", ...registry.visible().filter((c) => c.data.name !== "search").map((c) => c.data.usage.split(/\s{2,}|\s+\(/)[0]!.trim())];
  return parts.join(" | ").slice(0, USAGE_HINT_MAX);
}

export function buildManifest(registry: CommandRegistry, options: ManifestOptions = {}): Record<string, unknown> {
  const name = options.name ?? DEFAULT_BOT_NAME;
  const socket = options.socket ?? !options.url;
  const base = options.url?.replace(/\/+$/, "");
  const requestUrl = base ? `${base}/slack/events` : undefined;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: "Trending ML papers: search, a daily digest, and 🔖 bookmarks.",
      long_description: "Type /papers <words> to search trending machine-learning papers, /papers trending for today's list, and subscribe a channel to a daily digest. React with :bookmark: to any paper the bot posts to save it to your reading list (shown in the app's Home tab); /papers export hands it over as BibTeX or Markdown.",
      background_color: "#1d3557",
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: name, always_online: true },
      slash_commands: [{
        command: SLASH_COMMAND,
        description: "Search trending ML papers, or: " + registry.visible().map((c) => c.data.name).filter((name) => name !== "search" && name !== "help").join(", "),
        usage_hint: usageHint(registry),
        should_escape: false,
        ...(requestUrl ? { url: requestUrl } : {}),
      }],
    },
    oauth_config: { scopes: { bot: Object.keys(BOT_SCOPES) } },
    settings: {
      event_subscriptions: { ...(socket || !requestUrl ? {} : { request_url: requestUrl }), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(socket || !requestUrl ? {} : { request_url: requestUrl }) },
      org_deploy_enabled: false,
      socket_mode_enabled: socket,
      token_rotation_enabled: false,
    },
  };
}
