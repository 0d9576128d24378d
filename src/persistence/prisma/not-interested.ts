// "Not interested" marks (core/stores/not-interested.ts). The unique key (person, paper) makes a second
// mark a no-op.
import type { UserRef, WorkspaceRef } from "../../core/channel.ts";
import type { NotInterestedStore } from "../../core/stores/not-interested.ts";
import { isUniqueViolation, type PrismaDb } from "./client.ts";

const person = (user: UserRef) => ({ platform: user.platform, workspaceId: user.workspaceId, userId: user.userId });

export class PrismaNotInterestedStore implements NotInterestedStore {
  constructor(private readonly db: PrismaDb) {}

  async add(user: UserRef, paperId: string): Promise<boolean> {
    try {
      await this.db.notInterested.create({ data: { ...person(user), paperId } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async remove(user: UserRef, paperId: string): Promise<boolean> {
    return (await this.db.notInterested.deleteMany({ where: { ...person(user), paperId } })).count > 0;
  }

  async list(user: UserRef, limit?: number): Promise<string[]> {
    const rows = await this.db.notInterested.findMany({ where: person(user), orderBy: [{ createdAt: "desc" }, { paperId: "asc" }],
      ...(limit === undefined ? {} : { take: limit }) });
    return rows.map((r) => r.paperId);
  }

  async markers(workspace: WorkspaceRef, paperIds: string[]): Promise<string[]> {
    if (paperIds.length === 0) return [];
    const rows = await this.db.notInterested.findMany({ where: { platform: workspace.platform, workspaceId: workspace.workspaceId, paperId: { in: paperIds } },
      orderBy: [{ createdAt: "desc" }, { paperId: "asc" }], take: 10_000 });
    return [...new Set(rows.map((r) => r.userId))].sort();
  }

  async forUsers(workspace: WorkspaceRef, userIds: string[], limit: number): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db.notInterested.findMany({ where: { platform: workspace.platform, workspaceId: workspace.workspaceId, userId: { in: userIds } },
      orderBy: [{ createdAt: "desc" }, { paperId: "asc" }], take: limit });
    return rows.map((r) => r.paperId);
  }
}
