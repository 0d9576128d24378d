// Discord: the gateway client for commands, clicks and reactions, and a REST transport for channel posts.
import { Events } from "discord.js";
import type { CommandRegistry } from "../../command-kit/registry.ts";
import type { ChatTransport } from "../../core/transport.ts";
import type { Services } from "../../core/services.ts";
import { createDiscordClient } from "./client.ts";
import { ComponentIds } from "./component-ids.ts";
import { interactionHandler } from "./interactions.ts";
import { dmReactionHandler, reactionHandler } from "./reactions.ts";
import { createPostingRest, DiscordTransport } from "./transport.ts";
import { gatewayLost, startFailure } from "./credentials.ts";
import { deletedChannelHandler } from "./channel-deleted.ts";

export { buildCommands } from "./commands.ts";
export { registerCommands } from "./register.ts";

export interface RunningDiscord {
  transport: ChatTransport;
  /** Resolves when Discord closed the gateway for good (a token reset since start-up): the bot hears nothing more. */
  lost: Promise<Error>;
  stop(): Promise<void>;
}

export async function startDiscord(services: Services, registry: CommandRegistry): Promise<RunningDiscord> {
  const { config, log } = services;
  if (!config.DISCORD_TOKEN) throw new Error("DISCORD_TOKEN is not set.");
  const ids = new ComponentIds();
  const transport = new DiscordTransport(createPostingRest({ token: config.DISCORD_TOKEN, api: config.DISCORD_API_URL }), ids);
  const client = createDiscordClient(config);
  const inFlight = new Set<Promise<void>>();
  let accepting = true;
  // Work in flight is tracked so that stop() lets it finish before the connection closes.
  const track = <A extends unknown[]>(fn: (...args: A) => Promise<void>) => (...args: A) => {
    if (!accepting) return;
    const work = fn(...args).finally(() => inFlight.delete(work));
    inFlight.add(work);
  };
  client.on(Events.InteractionCreate, track(interactionHandler({ services, registry, transport, ids })));
  client.on(Events.MessageReactionAdd, track(reactionHandler(services, ids, true)));
  client.on(Events.MessageReactionRemove, track(reactionHandler(services, ids, false)));
  const onDmReaction = track(dmReactionHandler(services, ids, client));
  const onDeleted = track(deletedChannelHandler(services, transport, client));
  client.on(Events.Raw, (packet: { t?: string | null; d?: unknown }) => {
    if (packet.t?.startsWith("MESSAGE_REACTION_")) onDmReaction(packet);
    else if (packet.t?.endsWith("_DELETE")) onDeleted(packet);
  });
  client.on(Events.Error, (err) => log.error({ err }, "discord client error"));
  client.on(Events.Warn, (message) => log.warn({ message }, "discord client warning"));
  // discord.js emits this only for the close codes it will not reconnect after; a normal stop closes with 1000.
  const lost = new Promise<Error>((resolve) => client.on(Events.ShardDisconnect, (event) => resolve(gatewayLost(event.code))));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(config.DISCORD_TOKEN).catch((error: unknown) => { throw startFailure(error, config.DISCORD_API_URL); });
  await ready;
  log.info({ bot: client.user?.id, guilds: client.guilds.cache.size }, "discord connected");

  return {
    transport,
    lost,
    async stop() {
      accepting = false;
      await Promise.allSettled([...inFlight]);
      await client.destroy();
    },
  };
}
