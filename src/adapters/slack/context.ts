// Slack ids → the platform-neutral context every command runs with.
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
  /** Work that outlives its HTTP request (everything after ack); stop() waits for it. */
  track<T>(work: Promise<T>): Promise<T>;
}

export function slackUser(teamId: string, userId: string): UserRef {
  return { platform: "slack", workspaceId: teamId, userId };
}

export function slackChannel(teamId: string, channelId: string): ChannelRef {
  return { platform: "slack", workspaceId: teamId, channelId };
}

export function commandContext(services: Services, teamId: string, userId: string, channelId: string): CommandContext {
  // Slack has no per-channel admin role a slash command can see: anyone in a channel may manage its digest,
  // as with Slack's own /remind and /feed.
  return { services, user: slackUser(teamId, userId), channel: slackChannel(teamId, channelId), canManageChannel: true, now: services.clock() };
}
