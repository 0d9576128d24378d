// Discussion threads (core/stores/discussions.ts). The insert is the claim: of two presses (two replicas
// included) exactly one creates the row; the other gets the unique violation and reads what is there.
import type { DiscussionClaim, DiscussionStore, MessageRef } from "../../core/stores/discussions.ts";
import { isUniqueViolation, type PrismaDb } from "./client.ts";

const key = (m: MessageRef) => ({ platform: m.platform, workspaceId: m.workspaceId, channelId: m.channelId, messageId: m.messageId });

export class PrismaDiscussionStore implements DiscussionStore {
  constructor(private readonly db: PrismaDb) {}

  async claim(message: MessageRef, paperId: string, requestedBy: string, now: Date, staleAfterMs: number): Promise<DiscussionClaim> {
    try {
      await this.db.discussThread.create({ data: { ...key(message), paperId, requestedBy, status: "opening", claimedAt: now } });
      return { kind: "claimed" };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const row = await this.db.discussThread.findUnique({ where: { platform_workspaceId_channelId_messageId: key(message) } });
    if (!row) return this.claim(message, paperId, requestedBy, now, staleAfterMs); // released in between
    if (row.status === "open" && row.threadId) return { kind: "open", threadId: row.threadId };
    // A conditional update is the takeover: of two presses that both see a stale claim, one updates it.
    const stale = new Date(now.getTime() - staleAfterMs);
    const taken = await this.db.discussThread.updateMany({ where: { ...key(message), status: "opening", claimedAt: { lt: stale } },
      data: { claimedAt: now, requestedBy } });
    return taken.count === 1 ? { kind: "claimed" } : { kind: "opening" };
  }

  async opened(message: MessageRef, threadId: string, now: Date): Promise<void> {
    await this.db.discussThread.updateMany({ where: key(message), data: { status: "open", threadId, openedAt: now } });
  }

  async reopen(message: MessageRef, threadId: string, requestedBy: string, now: Date): Promise<boolean> {
    // Conditional on the gone thread, so of several presses that found it gone one takes the claim.
    const taken = await this.db.discussThread.updateMany({ where: { ...key(message), status: "open", threadId },
      data: { status: "opening", threadId: null, claimedAt: now, requestedBy } });
    return taken.count === 1;
  }

  async release(message: MessageRef): Promise<void> {
    await this.db.discussThread.deleteMany({ where: { ...key(message), status: "opening" } });
  }
}
