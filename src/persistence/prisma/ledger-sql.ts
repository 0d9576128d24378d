// The ledger's per-message writes as plain SQL, one statement each, that SQLite (3.35+) and PostgreSQL both
// run unchanged (but for how each reads its clock: databaseClock): multi-row VALUES, INSERT … ON CONFLICT DO
// NOTHING, RETURNING, UPDATE … FROM VALUES. Through
// Prisma's model API, the claim (a nested create) cost ~0.8 ms and a window's settle ~1 ms of CPU, most
// of a digest message's cost in the fan-out bench; these cost a tenth of that. Tables and columns are
// Prisma's (prisma/models.prisma: no @@map), parameters always bound, never spliced. The tags come from
// Prisma's runtime, which both generated clients share, so nothing here loads either client.
import { join, raw, sqltag as sql, type Sql } from "@prisma/client/runtime/client";
import type { ChannelRef } from "../../core/channel.ts";
import type { NewDelivery } from "../../core/stores/deliveries.ts";

/** The two SQL dialects, which differ here only in how the database's clock is read. */
export type Dialect = "sqlite" | "postgresql";

export interface ItemRow { deliveryId: number; position: number; kind: string; paperId: string | null; status: string }
export interface SentRow { deliveryId: number; position: number; messageId: string }
export interface PostedRow { channel: ChannelRef; messageId: string; paperId: string; at: Date }
/** What a claim insert returns for each row it inserted: the key to match it to its request, and the id. */
export interface InsertedDelivery { id: number | bigint; platform: string; workspaceId: string; channelId: string; localDate: string }

/** What a takeover returns: the row's id and what its first claim said. */
export interface TakenOverRow { id: number | bigint; late: boolean | number | bigint; createdAt: Date | string }

/**
 * The database's clock `ms` from now, read by the statement itself: leases are written and judged on it,
 * so replicas whose own clocks disagree still agree on whose lease has run out, at no extra round trip.
 * PostgreSQL: clock_timestamp() in UTC (the columns are TIMESTAMP(3) holding UTC). SQLite: the clock of the
 * machine every process on that file shares, in the form the adapter writes dates ("…T09:00:00.000+00:00").
 */
export function databaseClock(dialect: Dialect, ms = 0): Sql {
  return dialect === "postgresql"
    ? sql`((clock_timestamp() AT TIME ZONE 'UTC') + CAST(${ms} AS DOUBLE PRECISION) * INTERVAL '1 millisecond')`
    : sql`strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', ${`${ms / 1000} seconds`})`;
}

/**
 * The row's `column` (a date, named by this code, never by input) is at least `ms` ago by the database's
 * clock (SQLite compares the instants, not their spelling).
 */
export function atLeastAgo(dialect: Dialect, column: string, ms = 0): Sql {
  const at = raw(`"${column}"`);
  return dialect === "postgresql" ? sql`${at} <= ${databaseClock(dialect, -ms)}` : sql`julianday(${at}) <= julianday('now', ${`${-ms / 1000} seconds`})`;
}

/** A row whose lease has run out by the database's clock. */
const leaseRunOut = (dialect: Dialect): Sql => atLeastAgo(dialect, "leaseUntil");

/** Claims: the unique key (channel, day) decides; a row already there inserts nothing and returns nothing. */
export function insertDeliveries(dialect: Dialect, rows: Omit<NewDelivery, "items">[]): Sql {
  return sql`INSERT INTO "Delivery" ("platform", "workspaceId", "channelId", "localDate", "status", "claimedBy", "leaseUntil", "late", "createdAt")
    VALUES ${join(rows.map((r) => sql`(${r.channel.platform}, ${r.channel.workspaceId}, ${r.channel.channelId}, ${r.localDate}, 'claimed', ${r.owner},
      ${databaseClock(dialect, r.leaseMs)}, ${r.late}, ${r.now})`))}
    ON CONFLICT DO NOTHING RETURNING "id", "platform", "workspaceId", "channelId", "localDate"`;
}

/**
 * Takes a claimed row whose lease has run out over for `owner`, in one statement: of two takers, the row
 * lock (PostgreSQL re-reads the row after the first commits) or SQLite's one writer lets one through.
 */
export function takeOverDelivery(dialect: Dialect, day: { channel: ChannelRef; localDate: string }, owner: string, leaseMs: number): Sql {
  const { channel } = day;
  return sql`UPDATE "Delivery" SET "claimedBy" = ${owner}, "leaseUntil" = ${databaseClock(dialect, leaseMs)}
    WHERE "platform" = ${channel.platform} AND "workspaceId" = ${channel.workspaceId} AND "channelId" = ${channel.channelId}
      AND "localDate" = ${day.localDate} AND "status" = 'claimed' AND ${leaseRunOut(dialect)}
    RETURNING "id", "late", "createdAt"`;
}

/** Extends the owner's lease from the database's clock; changes nothing once the row is another's or settled. */
export function renewDelivery(dialect: Dialect, id: number, owner: string, leaseMs: number): Sql {
  return sql`UPDATE "Delivery" SET "leaseUntil" = ${databaseClock(dialect, leaseMs)} WHERE "id" = ${id} AND "claimedBy" = ${owner} AND "status" = 'claimed'`;
}

export function insertItems(items: ItemRow[]): Sql {
  return sql`INSERT INTO "DeliveryItem" ("deliveryId", "position", "kind", "paperId", "status")
    VALUES ${join(items.map((i) => sql`(${i.deliveryId}, ${i.position}, ${i.kind}, ${i.paperId}, ${i.status})`))}`;
}

/** Marks items sent, each with its message id, in one statement (UPDATE … FROM VALUES, typed by CAST so
 * PostgreSQL need not guess the parameters' types). */
export function markSent(sent: SentRow[], at: Date): Sql {
  return sql`UPDATE "DeliveryItem" SET "status" = 'sent', "sentAt" = ${at}, "messageId" = v.column3
    FROM (VALUES ${join(sent.map((s) => sql`(CAST(${s.deliveryId} AS INTEGER), CAST(${s.position} AS INTEGER), CAST(${s.messageId} AS TEXT))`))}) AS v
    WHERE "DeliveryItem"."deliveryId" = v.column1 AND "DeliveryItem"."position" = v.column2`;
}

/** Which bot message shows which paper; a row already there (a takeover found the same message) stays. */
export function insertPosted(rows: PostedRow[]): Sql {
  return sql`INSERT INTO "PostedMessage" ("platform", "workspaceId", "channelId", "messageId", "paperId", "kind", "postedAt")
    VALUES ${join(rows.map((r) => sql`(${r.channel.platform}, ${r.channel.workspaceId}, ${r.channel.channelId}, ${r.messageId}, ${r.paperId}, 'digest', ${r.at})`))}
    ON CONFLICT DO NOTHING`;
}

/** The next window of each delivery: `positions` per delivery id. */
export function markWindowsSending(windows: { deliveryId: number; positions: number[] }[]): Sql {
  return sql`UPDATE "DeliveryItem" SET "status" = 'sending' WHERE "status" = 'pending' AND
    (${join(windows.map((w) => sql`("deliveryId" = ${w.deliveryId} AND "position" IN (${join(w.positions)}))`), " OR ")})`;
}

export function finishDeliveries(owner: string, ids: number[], at: Date): Sql {
  return sql`UPDATE "Delivery" SET "status" = 'done', "finishedAt" = ${at}, "error" = NULL WHERE "claimedBy" = ${owner} AND "id" IN (${join(ids)})`;
}
