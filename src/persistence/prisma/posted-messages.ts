// Which bot message shows which paper (core/stores/posted-messages.ts).
import { channelKey, type ChannelRef } from "../../core/channel.ts";
import type { PostedKind, PostedMessageStore } from "../../core/stores/posted-messages.ts";
import type { ChannelKey, PrismaDb } from "./client.ts";

const channelOf = (c: ChannelRef): ChannelKey => ({ platform: c.platform, workspaceId: c.workspaceId, channelId: c.channelId });

export class PrismaPostedMessageStore implements PostedMessageStore {
  constructor(private readonly db: PrismaDb) {}

  async record(channel: ChannelRef, messageId: string, paperId: string, kind: PostedKind, at?: Date): Promise<void> {
    const id = { ...channelOf(channel), messageId };
    await this.db.postedMessage.upsert({ where: { platform_workspaceId_channelId_messageId: id },
      create: { ...id, paperId, kind, ...(at ? { postedAt: at } : {}) }, update: {} });
  }

  async paperFor(channel: ChannelRef, messageId: string): Promise<string | null> {
    const row = await this.db.postedMessage.findUnique({ where: { platform_workspaceId_channelId_messageId: { ...channelOf(channel), messageId } } });
    return row?.paperId ?? null;
  }

  async paperIdsSinceMany(channels: ChannelRef[], since: Date): Promise<string[][]> {
    // A discussion's first message is the paper posted again, in a thread: not a new post of it.
    const rows = await this.db.postedMessage.findMany({ where: { postedAt: { gte: since }, OR: channels.map(channelOf), kind: { not: "discuss" } } });
    const byChannel = new Map<string, string[]>();
    for (const r of rows) {
      const key = channelKey(r as ChannelRef);
      if (!byChannel.has(key)) byChannel.set(key, []);
      byChannel.get(key)!.push(r.paperId);
    }
    return channels.map((c) => byChannel.get(channelKey(c)) ?? []);
  }

  async recentPaperIds(channel: ChannelRef, limit: number): Promise<string[]> {
    const rows = await this.db.postedMessage.findMany({ where: channelOf(channel), orderBy: { postedAt: "desc" }, take: limit });
    return rows.map((r) => r.paperId);
  }
}
