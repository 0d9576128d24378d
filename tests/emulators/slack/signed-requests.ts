// Requests to the bot exactly as Slack sends them: v0 HMAC-SHA256 over "v0:<timestamp>:<raw body>" in
// X-Slack-Signature, Unix seconds in X-Slack-Request-Timestamp; slash commands and interactivity
// form-encoded, events as JSON.
import { createHmac } from "node:crypto";

export interface SignOptions {
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Replace the computed signature (forgery tests). */
  signature?: string;
  /** X-Slack-Retry-Num, as Slack sets on a redelivery. */
  retryNum?: number;
}

export interface BotResponse { status: number; body: string; ms: number }

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export class SlackRequester {
  constructor(private readonly botUrl: string, private readonly signingSecret: string, private readonly defaults = { teamId: "T0TEST", userId: "U0ALICE", channelId: "C0GENERAL" }) {}

  async send(body: string, contentType: string, options: SignOptions = {}): Promise<BotResponse> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      "Content-Type": contentType,
      "X-Slack-Request-Timestamp": String(timestamp),
      "X-Slack-Signature": options.signature ?? slackSignature(this.signingSecret, timestamp, body),
    };
    if (options.retryNum !== undefined) { headers["X-Slack-Retry-Num"] = String(options.retryNum); headers["X-Slack-Retry-Reason"] = "http_timeout"; }
    const started = performance.now();
    const res = await fetch(`${this.botUrl}/slack/events`, { method: "POST", headers, body });
    const text = await res.text();
    return { status: res.status, body: text, ms: performance.now() - started };
  }

  /** `/papers <text>`, answered at `responseUrl`. */
  command(text: string, responseUrl: string, who: { userId?: string; channelId?: string; teamId?: string } = {}, options: SignOptions = {}): Promise<BotResponse> {
    const channelId = who.channelId ?? this.defaults.channelId;
    const form = new URLSearchParams({
      token: "deprecated-verification-token", team_id: who.teamId ?? this.defaults.teamId, team_domain: "emulated",
      // Slack names the conversation a command came from: a direct message (the bot's or between people) "directmessage".
      channel_id: channelId, channel_name: channelId.startsWith("D") ? "directmessage" : "general", user_id: who.userId ?? this.defaults.userId, user_name: "alice",
      command: "/papers", text, api_app_id: "A0PAPERS", is_enterprise_install: "false", response_url: responseUrl, trigger_id: `trigger-${Date.now()}`,
    });
    return this.send(form.toString(), "application/x-www-form-urlencoded", options);
  }

  /** A block_actions click on a button (value) or overflow option (selectedValue). */
  blockAction(action: { actionId: string; value?: string; selectedValue?: string; blockId?: string }, where: { responseUrl?: string; userId?: string; channelId?: string; teamId?: string; inHome?: boolean;
    /** A click on a channel message (not an ephemeral reply): its ts, as Slack sends container.message_ts and message.ts. */
    messageTs?: string } = {}, options: SignOptions = {}): Promise<BotResponse> {
    const teamId = where.teamId ?? this.defaults.teamId, userId = where.userId ?? this.defaults.userId, channelId = where.channelId ?? this.defaults.channelId;
    const element = action.selectedValue !== undefined
      ? { type: "overflow", action_id: action.actionId, block_id: action.blockId ?? "b", selected_option: { text: { type: "plain_text", text: "x" }, value: action.selectedValue }, action_ts: "1.2" }
      : { type: "button", action_id: action.actionId, block_id: action.blockId ?? "b", text: { type: "plain_text", text: "x" }, value: action.value, action_ts: "1.2" };
    const payload = {
      type: "block_actions", api_app_id: "A0PAPERS", token: "deprecated", trigger_id: `trigger-${Date.now()}`,
      team: { id: teamId, domain: "emulated" }, user: { id: userId, username: "alice", name: "alice", team_id: teamId },
      ...(where.inHome
        ? { container: { type: "view", view_id: "V1" }, view: { id: "V1", type: "home", blocks: [] } }
        : where.messageTs
          ? { container: { type: "message", message_ts: where.messageTs, channel_id: channelId, is_ephemeral: false }, channel: { id: channelId, name: "general" },
            message: { type: "message", ts: where.messageTs, text: "", user: "U0BOT", bot_id: "B0BOT" }, response_url: where.responseUrl }
          : { container: { type: "message", message_ts: "1.1", channel_id: channelId, is_ephemeral: true }, channel: { id: channelId, name: "general" }, response_url: where.responseUrl }),
      actions: [element],
    };
    return this.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded", options);
  }

  /** An Events API event_callback. */
  event(event: Record<string, unknown>, eventId: string, options: SignOptions & { teamId?: string } = {}): Promise<BotResponse> {
    const body = {
      token: "deprecated", team_id: options.teamId ?? this.defaults.teamId, api_app_id: "A0PAPERS", type: "event_callback",
      event_id: eventId, event_time: Math.floor(Date.now() / 1000), authorizations: [{ team_id: options.teamId ?? this.defaults.teamId, user_id: "U0BOT", is_bot: true }],
      event: { event_ts: `${Date.now() / 1000}`, ...event },
    };
    return this.send(JSON.stringify(body), "application/json", options);
  }

  /** `who.author`: who wrote the message reacted to (Slack's item_user); the bot unless said. */
  reaction(added: boolean, item: { channel: string; ts: string }, eventId: string, who: { userId?: string; reaction?: string; author?: string } = {}, options: SignOptions = {}): Promise<BotResponse> {
    return this.event({ type: added ? "reaction_added" : "reaction_removed", user: who.userId ?? this.defaults.userId, reaction: who.reaction ?? "bookmark",
      item_user: who.author ?? "U0BOT", item: { type: "message", channel: item.channel, ts: item.ts } }, eventId, options);
  }
}
