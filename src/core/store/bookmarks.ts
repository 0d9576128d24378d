// A person's reading list. Adding twice or removing what is not there is harmless: a reaction event
// that Slack or Discord delivers twice must not double anything.
import type { UserRef } from "../channel.ts";
import type { Db } from "../db/index.ts";

export interface BookmarkEntry { paperId: string; createdAt: Date; readAt: Date | null }

const key = (user: UserRef, paperId: string) => ({
  platform_workspaceId_userId_paperId: { platform: user.platform, workspaceId: user.workspaceId, userId: user.userId, paperId },
});

export class BookmarkStore {
  constructor(private readonly db: Db) {}

  /** true when it was new; a duplicate (the unique key says so) is not an error. */
  async add(user: UserRef, paperId: string): Promise<boolean> {
    try {
      await this.db.bookmark.create({ data: { platform: user.platform, workspaceId: user.workspaceId, userId: user.userId, paperId } });
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") return false;
      throw error;
    }
  }

  /** true when there was one to remove. */
  async remove(user: UserRef, paperId: string): Promise<boolean> {
    const result = await this.db.bookmark.deleteMany({ where: { platform: user.platform, workspaceId: user.workspaceId, userId: user.userId, paperId } });
    return result.count > 0;
  }

  async markRead(user: UserRef, paperId: string, read = true): Promise<boolean> {
    const result = await this.db.bookmark.updateMany({ where: key(user, paperId).platform_workspaceId_userId_paperId, data: { readAt: read ? new Date() : null } });
    return result.count > 0;
  }

  async has(user: UserRef, paperId: string): Promise<boolean> {
    return (await this.db.bookmark.findUnique({ where: key(user, paperId) })) !== null;
  }

  /** Newest first. */
  async list(user: UserRef, options: { offset?: number; limit?: number } = {}): Promise<{ entries: BookmarkEntry[]; total: number }> {
    const where = { platform: user.platform, workspaceId: user.workspaceId, userId: user.userId };
    const [entries, total] = await Promise.all([
      this.db.bookmark.findMany({ where, orderBy: [{ createdAt: "desc" }, { paperId: "asc" }], skip: options.offset ?? 0,
        ...(options.limit ? { take: options.limit } : {}), select: { paperId: true, createdAt: true, readAt: true } }),
      this.db.bookmark.count({ where }),
    ]);
    return { entries, total };
  }
}
