// Reading lists (core/stores/bookmarks.ts). The unique key (person, paper) makes a second add a no-op.
import type { Platform, UserRef, WorkspaceRef } from "../../core/channel.ts";
import type { BookmarkEntry, BookmarkStore } from "../../core/stores/bookmarks.ts";
import { isUniqueViolation, type PrismaDb } from "./client.ts";

const person = (user: UserRef) => ({ platform: user.platform, workspaceId: user.workspaceId, userId: user.userId });
const workspace = (w: WorkspaceRef) => ({ platform: w.platform, workspaceId: w.workspaceId });

export class PrismaBookmarkStore implements BookmarkStore {
  constructor(private readonly db: PrismaDb) {}

  async add(user: UserRef, paperId: string, viaReaction = false): Promise<boolean> {
    try {
      await this.db.bookmark.create({ data: { ...person(user), paperId, viaReaction } });
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Saved on purpose (a command, a button) after a reaction made it: the person's own now, which taking
      // the reaction back leaves alone.
      if (!viaReaction) await this.db.bookmark.updateMany({ where: { ...person(user), paperId }, data: { viaReaction: false } });
      return false;
    }
  }

  async remove(user: UserRef, paperId: string): Promise<boolean> {
    return (await this.db.bookmark.deleteMany({ where: { ...person(user), paperId } })).count > 0;
  }

  async unreact(user: UserRef, paperId: string): Promise<"removed" | "notMadeByReaction" | "hasNote" | "markedRead" | "none"> {
    // One statement decides, so a note saved at the same moment is never deleted with the bookmark.
    const { count } = await this.db.bookmark.deleteMany({ where: { ...person(user), paperId, viaReaction: true, note: null, readAt: null } });
    if (count > 0) return "removed";
    const kept = await this.db.bookmark.findUnique({ where: { platform_workspaceId_userId_paperId: { ...person(user), paperId } } });
    return !kept ? "none" : !kept.viaReaction ? "notMadeByReaction" : kept.note !== null ? "hasNote" : "markedRead";
  }

  async markRead(user: UserRef, paperId: string, read = true): Promise<"changed" | "already" | "missing"> {
    const { count } = await this.db.bookmark.updateMany({ where: { ...person(user), paperId, readAt: read ? null : { not: null } },
      data: { readAt: read ? new Date() : null } });
    if (count > 0) return "changed";
    return (await this.has(user, paperId)) ? "already" : "missing";
  }

  async setNote(user: UserRef, paperId: string, note: string | null): Promise<boolean> {
    return (await this.db.bookmark.updateMany({ where: { ...person(user), paperId }, data: { note } })).count > 0;
  }

  async noteOf(user: UserRef, paperId: string): Promise<string | null | undefined> {
    const row = await this.db.bookmark.findUnique({ where: { platform_workspaceId_userId_paperId: { ...person(user), paperId } } });
    return row ? row.note : undefined;
  }

  async has(user: UserRef, paperId: string): Promise<boolean> {
    return (await this.db.bookmark.findUnique({ where: { platform_workspaceId_userId_paperId: { ...person(user), paperId } } })) !== null;
  }

  async lastWorkspaceOf(platform: Platform, userId: string, except: string): Promise<{ workspaceId: string; at: Date } | null> {
    const row = await this.db.bookmark.findFirst({ where: { platform, userId, workspaceId: { not: except } }, orderBy: [{ createdAt: "desc" }] });
    return row ? { workspaceId: row.workspaceId, at: row.createdAt } : null;
  }

  async list(user: UserRef, page: { offset?: number; limit?: number } = {}): Promise<{ entries: BookmarkEntry[]; total: number }> {
    const where = person(user);
    const [rows, total] = await Promise.all([
      this.db.bookmark.findMany({ where, orderBy: [{ createdAt: "desc" }, { paperId: "asc" }], skip: page.offset ?? 0,
        ...(page.limit ? { take: page.limit } : {}) }),
      this.db.bookmark.count({ where }),
    ]);
    return { entries: rows.map((r) => ({ paperId: r.paperId, createdAt: r.createdAt, readAt: r.readAt, note: r.note ?? null })), total };
  }

  async unreadCount(user: UserRef): Promise<number> {
    return this.db.bookmark.count({ where: { ...person(user), readAt: null } });
  }

  async citationKeys(user: UserRef): Promise<Map<string, string>> {
    const rows = await this.db.citationKey.findMany({ where: person(user) });
    return new Map(rows.map((r) => [r.paperId, r.key]));
  }

  async keepCitationKeys(user: UserRef, keys: Map<string, string>): Promise<boolean> {
    try {
      await this.db.$transaction([...keys].map(([paperId, key]) => this.db.citationKey.create({ data: { ...person(user), paperId, key } })));
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return false;
    }
  }

  async savers(w: WorkspaceRef, paperIds: string[]): Promise<string[]> {
    const rows = await this.db.bookmark.findMany({ where: { ...workspace(w), paperId: { in: paperIds } }, distinct: ["userId"] });
    return rows.map((r) => r.userId).sort();
  }

  async savedBy(w: WorkspaceRef, userIds: string[], limit: number): Promise<string[]> {
    const rows = await this.db.bookmark.findMany({ where: { ...workspace(w), userId: { in: userIds } },
      orderBy: [{ createdAt: "desc" }, { paperId: "asc" }], take: limit });
    return rows.map((r) => r.paperId);
  }
}
