// Start-up migrations on a brand-new database of the provider under test (SQLite file, or a fresh
// PostgreSQL schema when TEST_DATABASE_URL is set): Prisma's layout, Prisma's bookkeeping.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { openTestDb as openDatabase, type TestDb as Db, freshDatabase, testDatabaseProvider, type TestDatabase } from "../support/database.ts";
import { prismaHistory } from "./prisma-engine.ts";
import { spawnCli, STACK_LINE } from "../support/cli.ts";

const provider = testDatabaseProvider;
const migrationsDir = fileURLToPath(new URL(`../../prisma/${provider}/migrations`, import.meta.url));
const onDisk = readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => { for (const fn of cleanup.splice(0).reverse()) await fn(); });

async function open(database?: TestDatabase) {
  const db0 = database ?? await freshDatabase();
  if (!database) cleanup.push(() => db0.drop());
  const opened = await openDatabase(db0.url);
  cleanup.push(() => opened.db.$disconnect());
  return { database: db0, ...opened };
}

async function tables(db: Db): Promise<string[]> {
  const rows = provider === "sqlite"
    ? await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    : await db.$queryRawUnsafe<{ name: string }[]>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`);
  return rows.map((r) => r.name).sort();
}

interface MigrationRow { id: string; checksum: string; migration_name: string; finished_at: unknown; rolled_back_at: unknown; applied_steps_count: number | bigint }

describe(`migrations on a fresh ${provider} database`, () => {
  it("creates every model's table and records each migration as Prisma does", async () => {
    const { db, applied, provider: opened } = await open();
    expect(opened).toBe(provider);
    expect(applied).toEqual(onDisk);
    expect(onDisk[0]).toMatch(/^\d{14}_init$/);
    expect(await tables(db)).toEqual(["Bookmark", "CitationKey", "Delivery", "DeliveryItem", "DiscussThread", "JobRun", "LastList", "NotInterested", "Paper", "PostedMessage",
      "ProcessedEvent", "Snapshot", "SnapshotEntry", "Subscription", "_prisma_migrations"]);
    const rows = await db.$queryRawUnsafe<MigrationRow[]>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at`);
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk);
    for (const row of rows) {
      const sql = readFileSync(`${migrationsDir}/${row.migration_name}/migration.sql`);
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }
  });

  it("opens an up-to-date database again without applying anything or touching the history", async () => {
    const first = await open();
    const before = await first.db.$queryRawUnsafe<MigrationRow[]>(`SELECT id, checksum, migration_name FROM "_prisma_migrations"`);
    const second = await open(first.database);
    expect(second.applied).toEqual([]);
    expect(await second.db.$queryRawUnsafe(`SELECT id, checksum, migration_name FROM "_prisma_migrations"`)).toEqual(before);
    // The client of the second open works against the same tables.
    await first.db.paper.create({ data: { id: "p1", titleKey: "p1", title: "P1", summary: "s", source: "capture" } });
    expect(await second.db.paper.count()).toBe(1);
  });

  it("leaves a history Prisma's own schema engine reads as up to date (so `prisma migrate deploy` would do nothing)", async () => {
    const { database } = await open();
    const prisma = await prismaHistory(provider, database.url);
    expect(prisma.diagnosis).toMatchObject({ history: null, failedMigrationNames: [], editedMigrationNames: [], hasMigrationsTable: true });
    expect(prisma.deployed).toEqual([]);
  });
});

describe(`an applied migration edited afterwards (${provider})`, () => {
  it("stops start-up with one sentence naming it, through the real CLI, and changes nothing", async () => {
    const { database, db } = await open();
    // The recorded checksum no longer matching the file is what an edit of the file after applying looks like.
    await db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET checksum = '${"0".repeat(64)}' WHERE migration_name = '${onDisk[0]}'`);
    const run = await spawnCli(["search", "moe"], { DATABASE_URL: database.url });
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    expect(run.err).not.toMatch(STACK_LINE);
    expect(run.err.trim().split("\n")).toEqual([`papers: the database could not be migrated: Migration ${onDisk[0]} was edited after it was applied `
      + "(its checksum no longer matches the one recorded in _prisma_migrations); restore its migration.sql and put the change in a new migration instead."]);
    await expect(openDatabase(database.url)).rejects.toThrow(/was edited after it was applied/);
  });
});
