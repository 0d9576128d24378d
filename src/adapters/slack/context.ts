// Slack ids → the platform-neutral context every command runs with.
import type { webApi } from "@slack/bolt";
import { isDirectMessage, type ChannelRef, type UserRef } from "../../core/channel.ts";
import type { BotReach, CommandContext } from "../../command-kit/command.ts";
import type { CommandRegistry } from "../../command-kit/registry.ts";
import type { ChatTransport } from "../../core/transport.ts";
import type { Services } from "../../core/services.ts";

/** What every Slack listener needs, built once in startSlack. */
export interface SlackDeps {
  services: Services;
  registry: CommandRegistry;
  transport: ChatTransport;
  /** For lookups a reply must not wait on: no retries, and a rate limit refused at once rather than slept out
   * (the WebClient pauses all its calls for a Retry-After). The transport's own client. */
  lookups: webApi.WebClient;
  /** The bot's own user (auth.test), how replies name the bot. */
  botUserId: string;
  /** Work that outlives its HTTP request (everything after ack); stop() waits for it. */
  track<T>(work: Promise<T>): Promise<T>;
}

export function slackUser(teamId: string, userId: string): UserRef {
  return { platform: "slack", workspaceId: teamId, userId };
}

export function slackChannel(teamId: string, channelId: string): ChannelRef {
  return { platform: "slack", workspaceId: teamId, channelId };
}

/** The slice of the WebClient a command may need: the person's own profile (their time zone). */
export interface UsersInfo { users: { info(args: { user: string }): Promise<unknown> } }

/** The slice of the WebClient that asks whether the bot can see a conversation, and joins a public one. */
export interface Conversations { conversations: {
  history(args: { channel: string; limit: number }): Promise<unknown>;
  join(args: { channel: string }): Promise<unknown>;
} }

/** `client`: the person's profile (their zone); `lookups`: whether the bot can post here (deps.lookups: a rate
 * limit is refused at once, not slept out). */
export function commandContext(services: Services, teamId: string, userId: string, channelId: string, client?: UsersInfo,
  lookups?: Conversations): CommandContext {
  // Slack has no per-channel admin role a slash command can see: anyone in a channel may manage its digest,
  // as with Slack's own /remind and /feed.
  const ctx: CommandContext = { services, user: slackUser(teamId, userId), channel: slackChannel(teamId, channelId), canManageChannel: true, now: services.clock() };
  if (client) ctx.userTimeZone = () => slackTimeZone(client, userId, services);
  if (lookups) ctx.botReach = () => slackBotReach(lookups, channelId, services);
  return ctx;
}

const slackCode = (error: unknown): unknown => (error as { data?: { error?: unknown } } | null)?.data?.error;

/**
 * A slash command works in any conversation, the bot's or not; posting there does not. Slack answers
 * conversations.history with channel_not_found where the bot cannot see the conversation at all: a direct
 * message between people (its id starts with D, as the bot's own DM's does, and the payload calls both
 * "directmessage"), a private channel or group DM without the bot. A public channel the bot is not in answers
 * not_in_channel: chat:write.public posts there, but Slack sends reactions only from conversations the app is
 * in, so a 🔖 on the digest or a shared paper would save nothing; the bot joins it (channels:join). Anything else (a scope an
 * older install lacks, a rate limit, Slack down) says nothing, and the subscription goes ahead as before.
 */
async function slackBotReach(lookups: Conversations, channelId: string, services: Services): Promise<BotReach | null> {
  try {
    await lookups.conversations.history({ channel: channelId, limit: 1 });
    return null;
  } catch (error) {
    const code = slackCode(error);
    if (code === "channel_not_found") return isDirectMessage({ platform: "slack", channelId }) ? "others_dm" : "not_member";
    if (code === "not_in_channel") return joinPublic(lookups, channelId, services);
    services.log.info({ err: error, channel: channelId }, "conversations.history failed: cannot tell whether the bot may post here");
    return null;
  }
}

async function joinPublic(lookups: Conversations, channelId: string, services: Services): Promise<BotReach | null> {
  try {
    await lookups.conversations.join({ channel: channelId });
    return null;
  } catch (error) {
    // An install from a manifest before channels:join (missing_scope), or a workspace that restricts it.
    services.log.info({ err: error, channel: channelId }, "conversations.join failed: reactions in this channel will not reach the bot");
    return "unheard";
  }
}

/** The zone the person set in Slack (users.info `tz`); null when Slack will not say (the caller asks for one). */
async function slackTimeZone(client: UsersInfo, userId: string, services: Services): Promise<string | null> {
  try {
    const answer = await client.users.info({ user: userId }) as { user?: { tz?: unknown } };
    return typeof answer.user?.tz === "string" ? answer.user.tz : null;
  } catch (error) {
    services.log.warn({ err: error }, "users.info failed: no time zone from Slack for this person");
    return null;
  }
}
