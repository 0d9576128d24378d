// Slack ids → the platform-neutral context every command runs with.
import type { webApi } from "@slack/bolt";
import type { ChannelRef, UserRef } from "../../core/channel.ts";
import type { CommandContext } from "../../command-kit/command.ts";
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

export function commandContext(services: Services, teamId: string, userId: string, channelId: string, client?: UsersInfo): CommandContext {
  // Slack has no per-channel admin role a slash command can see: anyone in a channel may manage its digest,
  // as with Slack's own /remind and /feed.
  const ctx: CommandContext = { services, user: slackUser(teamId, userId), channel: slackChannel(teamId, channelId), canManageChannel: true, now: services.clock() };
  if (client) ctx.userTimeZone = () => slackTimeZone(client, userId, services);
  return ctx;
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
