// The last numbered list per person and channel (core/stores/last-lists.ts), one row each, overwritten.
import { EVERYONE, type LastList, type LastListStore, type ListViewer } from "../../core/stores/last-lists.ts";
import type { PrismaDb } from "./client.ts";
import type { Platform } from "../../core/channel.ts";

export class PrismaLastListStore implements LastListStore {
  constructor(private readonly db: PrismaDb) {}

  async remember(viewer: ListViewer, shown: LastList): Promise<void> {
    const key = { platform: viewer.platform, workspaceId: viewer.workspaceId, channelId: viewer.channelId, userId: viewer.userId };
    const value = JSON.stringify(shown);
    await this.db.lastList.upsert({ where: { platform_workspaceId_channelId_userId: key }, create: { ...key, paperIds: value }, update: { paperIds: value } });
  }

  async lastWorkspaceOf(platform: Platform, userId: string, except: string): Promise<{ workspaceId: string; at: Date } | null> {
    const row = await this.db.lastList.findFirst({ where: { platform, userId, workspaceId: { not: except } }, orderBy: [{ updatedAt: "desc" }] });
    return row ? { workspaceId: row.workspaceId, at: row.updatedAt } : null;
  }

  async recall(viewer: ListViewer, also?: ListViewer): Promise<LastList | null> {
    const key = (v: ListViewer, userIds: string[]) => ({ platform: v.platform, workspaceId: v.workspaceId, channelId: v.channelId, userId: { in: userIds } });
    const [row] = await this.db.lastList.findMany({ where: { OR: [key(viewer, [viewer.userId, EVERYONE]), ...(also ? [key(also, [also.userId])] : [])] },
      orderBy: [{ updatedAt: "desc" }], take: 1 });
    if (!row) return null;
    try {
      const parsed: unknown = JSON.parse(row.paperIds);
      // An array: written before lists were named (a later page then continues it, as it did).
      const { ids, list } = Array.isArray(parsed) ? { ids: parsed, list: "" } : (parsed ?? {}) as { ids?: unknown; list?: unknown };
      if (!Array.isArray(ids)) return null;
      return { ids: ids.map((id) => (typeof id === "string" ? id : null)), list: typeof list === "string" ? list : "" };
    } catch { return null; } // a row no version of the bot wrote: as if there were none
  }
}
