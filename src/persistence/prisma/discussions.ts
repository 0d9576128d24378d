// Discussion threads (core/stores/discussions.ts). The insert is the claim: of two presses (two replicas
// included) exactly one creates the row; the other inserts nothing and reads what is there. A claim is
// dated, and judged stale, on the database's clock (ledger-sql.ts databaseClock), as a digest's lease is:
// a replica whose clock runs ahead would otherwise take over a claim still being opened (two threads),
// and one running behind would write claims the others already find stale.
import { sqltag as sql } from "@prisma/client/runtime/client";
import type { DiscussionClaim, DiscussionStore, MessageRef } from "../../core/stores/discussions.ts";
import type { PrismaDb } from "./client.ts";
import { atLeastAgo, databaseClock, type Dialect } from "./ledger-sql.ts";

const key = (m: MessageRef) => ({ platform: m.platform, workspaceId: m.workspaceId, channelId: m.channelId, messageId: m.messageId });
const isMessage = (m: MessageRef) =>
  sql`"platform" = ${m.platform} AND "workspaceId" = ${m.workspaceId} AND "channelId" = ${m.channelId} AND "messageId" = ${m.messageId}`;

export class PrismaDiscussionStore implements DiscussionStore {
  /** `dialect`: how the statements read the database's clock. */
  constructor(private readonly db: PrismaDb, private readonly dialect: Dialect) {}

  async claim(message: MessageRef, paperId: string, requestedBy: string, staleAfterMs: number): Promise<DiscussionClaim> {
    const inserted = await this.db.$executeRaw(sql`INSERT INTO "DiscussThread" ("platform", "workspaceId", "channelId", "messageId", "paperId",
      "requestedBy", "status", "claimedAt") VALUES (${message.platform}, ${message.workspaceId}, ${message.channelId}, ${message.messageId},
      ${paperId}, ${requestedBy}, 'opening', ${databaseClock(this.dialect)}) ON CONFLICT DO NOTHING`);
    if (inserted === 1) return { kind: "claimed" };
    const row = await this.db.discussThread.findUnique({ where: { platform_workspaceId_channelId_messageId: key(message) } });
    if (!row) return this.claim(message, paperId, requestedBy, staleAfterMs); // released in between
    if (row.status === "open" && row.threadId) return { kind: "open", threadId: row.threadId };
    // A conditional update is the takeover: of two presses that both see a stale claim, one updates it.
    const taken = await this.db.$executeRaw(sql`UPDATE "DiscussThread" SET "claimedAt" = ${databaseClock(this.dialect)}, "requestedBy" = ${requestedBy}
      WHERE ${isMessage(message)} AND "status" = 'opening' AND ${atLeastAgo(this.dialect, "claimedAt", staleAfterMs)}`);
    return taken === 1 ? { kind: "claimed" } : { kind: "opening" };
  }

  async opened(message: MessageRef, threadId: string, now: Date): Promise<void> {
    await this.db.discussThread.updateMany({ where: key(message), data: { status: "open", threadId, openedAt: now } });
  }

  async reopen(message: MessageRef, threadId: string, requestedBy: string): Promise<boolean> {
    // Conditional on the gone thread, so of several presses that found it gone one takes the claim.
    const taken = await this.db.$executeRaw(sql`UPDATE "DiscussThread" SET "status" = 'opening', "threadId" = NULL,
      "claimedAt" = ${databaseClock(this.dialect)}, "requestedBy" = ${requestedBy} WHERE ${isMessage(message)} AND "status" = 'open' AND "threadId" = ${threadId}`);
    return taken === 1;
  }

  async release(message: MessageRef): Promise<void> {
    await this.db.discussThread.deleteMany({ where: { ...key(message), status: "opening" } });
  }
}
