// A channel or thread deleted on the server stops its digests (core/digest/paused.ts stopDeletedChannel).
// Read from the raw gateway packets: discord.js emits channelDelete/threadDelete only for what it has
// cached, and a thread's delete event carries no name, so the name is read from its cache first (the raw
// packet comes before discord.js forgets the channel).
import { type Client, GatewayDispatchEvents } from "discord.js";
import { stopDeletedChannel } from "../../core/digest/paused.ts";
import type { Services } from "../../core/services.ts";
import type { ChatTransport } from "../../core/transport.ts";

export function deletedChannelHandler(services: Services, transport: ChatTransport, client: Client) {
  return async (packet: { t?: string | null; d?: unknown }): Promise<void> => {
    if (packet.t !== GatewayDispatchEvents.ChannelDelete && packet.t !== GatewayDispatchEvents.ThreadDelete) return;
    const d = packet.d as { id: string; guild_id?: string; name?: string };
    if (!d.guild_id) return;
    const cached = client.channels.cache.get(d.id);
    const name = d.name ?? (cached && "name" in cached ? cached.name : null);
    const thread = packet.t === GatewayDispatchEvents.ThreadDelete;
    const where = name ? (thread ? `the thread “${name}”` : `#${name}`) : (thread ? "a thread" : "a channel");
    try {
      await stopDeletedChannel(services, transport, { platform: "discord", workspaceId: d.guild_id, channelId: d.id }, where);
    } catch (error) {
      services.log.error({ err: error, channel: d.id }, "could not stop the digests of a deleted channel");
    }
  };
}
