// The ledger's per-message writes as plain SQL, one statement each, that SQLite (3.35+) and PostgreSQL both
// run unchanged: multi-row VALUES, INSERT … ON CONFLICT DO NOTHING, RETURNING, UPDATE … CASE. Through
// Prisma's model API, the claim (a nested create) cost ~0.8 ms and a window's settle ~1 ms of CPU, most
// of a digest message's cost in the fan-out bench; these cost a tenth of that. Tables and columns are
// Prisma's (prisma/models.prisma: no @@map), parameters always bound, never spliced.
import { Prisma } from "../../generated/sqlite/client.ts";
import type { ChannelRef } from "../channel.ts";

// One runtime serves both generated clients, so these tags build queries either provider accepts.
const { sql, join } = Prisma;
type Sql = Prisma.Sql;

export interface ItemRow { position: number; kind: string; paperId: string | null; status: string }
export interface SentRow { position: number; messageId: string }
export interface PostedRow { messageId: string; paperId: string; at: Date }

export function insertDelivery(channel: ChannelRef, localDate: string, owner: string, leaseUntil: Date, late: boolean, now: Date): Sql {
  return sql`INSERT INTO "Delivery" ("platform", "workspaceId", "channelId", "localDate", "status", "claimedBy", "leaseUntil", "late", "createdAt")
    VALUES (${channel.platform}, ${channel.workspaceId}, ${channel.channelId}, ${localDate}, 'claimed', ${owner}, ${leaseUntil}, ${late}, ${now})
    ON CONFLICT DO NOTHING RETURNING "id"`;
}

export function insertItems(deliveryId: number, items: ItemRow[]): Sql {
  return sql`INSERT INTO "DeliveryItem" ("deliveryId", "position", "kind", "paperId", "status")
    VALUES ${join(items.map((i) => sql`(${deliveryId}, ${i.position}, ${i.kind}, ${i.paperId}, ${i.status})`))}`;
}

/** Marks items sent, each with its message id, in one statement. */
export function markSent(deliveryId: number, sent: SentRow[], at: Date): Sql {
  return sql`UPDATE "DeliveryItem" SET "status" = 'sent', "sentAt" = ${at},
    "messageId" = CASE "position" ${join(sent.map((s) => sql`WHEN ${s.position} THEN ${s.messageId}`), " ")} END
    WHERE "deliveryId" = ${deliveryId} AND "position" IN (${join(sent.map((s) => s.position))})`;
}

/** Which bot message shows which paper; a row already there (a takeover found the same message) stays. */
export function insertPosted(channel: ChannelRef, rows: PostedRow[]): Sql {
  return sql`INSERT INTO "PostedMessage" ("platform", "workspaceId", "channelId", "messageId", "paperId", "kind", "postedAt")
    VALUES ${join(rows.map((r) => sql`(${channel.platform}, ${channel.workspaceId}, ${channel.channelId}, ${r.messageId}, ${r.paperId}, 'digest', ${r.at})`))}
    ON CONFLICT DO NOTHING`;
}

export function markSending(deliveryId: number, positions: number[]): Sql {
  return sql`UPDATE "DeliveryItem" SET "status" = 'sending'
    WHERE "deliveryId" = ${deliveryId} AND "status" = 'pending' AND "position" IN (${join(positions)})`;
}

export function finishDelivery(deliveryId: number, owner: string, at: Date): Sql {
  return sql`UPDATE "Delivery" SET "status" = 'done', "finishedAt" = ${at}, "error" = NULL WHERE "id" = ${deliveryId} AND "claimedBy" = ${owner}`;
}
