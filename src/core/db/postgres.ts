import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PgPrismaClient } from "../../generated/postgresql/client.ts";
import type { PrismaClient } from "../../generated/sqlite/client.ts";
import type { MigrationDriver } from "./migrate.ts";

// Any fixed number works; every replica uses the same one, as Prisma's own migrate does.
const MIGRATION_LOCK_KEY = 72707369;

export function postgresMigrationDriver(url: string): MigrationDriver & { close(): Promise<void> } {
  const client = new pg.Client({ connectionString: url });
  const connected = client.connect();
  return {
    async withLock(fn) {
      await connected;
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      try { return await fn(); } finally { await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]); }
    },
    async ensureTable() {
      await client.query(`CREATE TABLE IF NOT EXISTS _prisma_migrations (
        id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,
        migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
        started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
    },
    async applied() {
      const { rows } = await client.query(`SELECT migration_name AS name, finished_at IS NOT NULL AS finished, checksum
        FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY started_at`);
      return rows as { name: string; finished: boolean; checksum: string }[];
    },
    async apply(m, id) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count)
          VALUES ($1, $2, $3, now(), 1)`, [id, m.checksum, m.name]);
        await client.query("COMMIT");
      } catch (error) { await client.query("ROLLBACK"); throw error; }
    },
    async recordFailure(m, id, error) {
      await client.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name, logs) VALUES ($1, $2, $3, $4)`,
        [id, m.checksum, m.name, error]);
    },
    close: async () => { await connected.catch(() => {}); await client.end(); },
  };
}

/** The PostgreSQL client has the same model API as the SQLite one; the app codes against one type. */
export function postgresClient(url: string): PrismaClient {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return new PgPrismaClient({ adapter: new PrismaPg(pool) }) as unknown as PrismaClient;
}
