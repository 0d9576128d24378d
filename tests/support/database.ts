// A fresh, real database for each test that asks: a SQLite file in a temp folder by default, or a new
// schema on the PostgreSQL server when TEST_DATABASE_URL=postgresql://… (the CI's second pass).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { PrismaClient } from "../../src/generated/sqlite/client.ts";
import { openStores, type Provider } from "../../src/persistence/index.ts";
import { sqliteClient } from "../../src/persistence/sqlite/connect.ts";
import { sqlitePath } from "../../src/persistence/sqlite/database-file.ts";
import { postgresClient } from "../../src/persistence/postgresql/connect.ts";

export interface TestDatabase { url: string; drop(): Promise<void> }

export const testDatabaseProvider = (process.env.TEST_DATABASE_URL ?? "").startsWith("postgres") ? "postgresql" : "sqlite";

export async function freshDatabase(): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (server && server.startsWith("postgres")) {
    const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
    const url = new URL(server);
    url.searchParams.set("options", `-c search_path=${schema}`);
    return {
      url: url.toString(),
      async drop() {
        const c = new pg.Client({ connectionString: server });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "papers-test-"));
  return { url: `file:${join(dir, "papers.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Tests read and write rows directly, through the provider's own Prisma client (the bot itself only ever
 * sees the stores). Both clients are generated from the same models, so test code is typed once, against
 * the SQLite client's types; on PostgreSQL the second pass of `npm test` runs the same calls through
 * PostgreSQL's client. Test code only: src/ never pretends one client is the other.
 */
export type TestDb = PrismaClient;

/** A client on a database that is already migrated (no migration check). */
export function rawClient(url: string): TestDb {
  if (url.startsWith("file:")) return sqliteClient(sqlitePath(url));
  return postgresClient(url) as unknown as TestDb;
}

/** Migrates (or checks) the database as the bot's start-up does, then opens a raw client on it. */
export async function openTestDb(url: string, options: { prismaDir?: string } = {}): Promise<{ db: TestDb; applied: string[]; provider: Provider }> {
  const opened = await openStores(url, options);
  await opened.close();
  return { db: rawClient(url), applied: opened.applied, provider: opened.provider };
}
