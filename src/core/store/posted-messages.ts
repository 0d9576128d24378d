// Which bot message shows which paper, so that a reaction on it finds its paper later, across restarts.
import { channelKey, type ChannelRef } from "../channel.ts";
import type { Db } from "../db/index.ts";

export class PostedMessageStore {
  constructor(private readonly db: Db) {}

  /** `at`: when it was posted, by the caller's clock (the digest's 7-day rule runs on the injected clock). */
  async record(channel: ChannelRef, messageId: string, paperId: string, kind: "digest" | "share", at?: Date): Promise<void> {
    const id = { platform: channel.platform, workspaceId: channel.workspaceId, channelId: channel.channelId, messageId };
    await this.db.postedMessage.upsert({ where: { platform_workspaceId_channelId_messageId: id },
      create: { ...id, paperId, kind, ...(at ? { postedAt: at } : {}) }, update: {} });
  }

  async paperFor(channel: ChannelRef, messageId: string): Promise<string | null> {
    const row = await this.db.postedMessage.findUnique({ where: { platform_workspaceId_channelId_messageId: {
      platform: channel.platform, workspaceId: channel.workspaceId, channelId: channel.channelId, messageId } } });
    return row?.paperId ?? null;
  }

  /** Papers posted to each channel since `since`, in one query (the digest's 7-day no-repeat rule asks
   * for every channel of a tick). */
  async paperIdsSinceMany(channels: ChannelRef[], since: Date): Promise<string[][]> {
    const rows = await this.db.postedMessage.findMany({ where: { postedAt: { gte: since },
      OR: channels.map((c) => ({ platform: c.platform, workspaceId: c.workspaceId, channelId: c.channelId })) },
      select: { platform: true, workspaceId: true, channelId: true, paperId: true } });
    const byChannel = new Map<string, string[]>();
    for (const r of rows) {
      const key = channelKey(r as ChannelRef);
      if (!byChannel.has(key)) byChannel.set(key, []);
      byChannel.get(key)!.push(r.paperId);
    }
    return channels.map((c) => byChannel.get(channelKey(c)) ?? []);
  }
}
