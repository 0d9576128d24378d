// Applies pending migrations from prisma/<provider>/migrations at start-up, keeping Prisma's own
// bookkeeping (_prisma_migrations, sha256 checksums), so `prisma migrate deploy/status` on a machine
// with the native engine sees the same history. Like Prisma (P3009), a failed migration stops start-up
// until someone resolves it; it is never retried behind their back; and an applied migration whose
// file was edited since stops it too.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

export interface Migration { name: string; sql: string; checksum: string }

export interface MigrationDriver {
  /** The migrations table as SQL names it there (a PostgreSQL schema's own: "MySchema"."_prisma_migrations"). */
  table?: string;
  /** Runs fn while holding a lock that other processes migrating the same database wait on. */
  withLock<T>(fn: () => Promise<T>): Promise<T>;
  ensureTable(): Promise<void>;
  applied(): Promise<{ name: string; finished: boolean; checksum: string }[]>;
  apply(migration: Migration, id: string): Promise<void>;
  recordFailure(migration: Migration, id: string, error: string): Promise<void>;
}

export class MigrationError extends Error {}

/** The database could not be reached to migrate at all: nothing about migrations went wrong, and the
 * sentence says so ("Cannot connect to PostgreSQL at …"), not "could not be migrated". */
export class CannotConnectError extends MigrationError {}

export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new MigrationError(`No migrations folder at ${dir}.`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name).sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Whether every migration here is applied, finished and unedited, read without the lock. Almost every
 * start finds it so: then nothing is written, and the start neither takes the lock nor waits for it
 * behind another process's long write (a SQLite write lock held by an ingest). Only a plain yes counts:
 * anything else (no table yet, a migration running or failed, a read that failed) is "no", and the
 * locked path below decides and reports. Migrations are only ever added, so a yes stays true.
 */
async function upToDate(driver: MigrationDriver, migrations: Migration[]): Promise<boolean> {
  try {
    const applied = new Map((await driver.applied()).map((m) => [m.name, m]));
    return migrations.every((m) => applied.get(m.name)?.finished === true && applied.get(m.name)?.checksum === m.checksum)
      && [...applied.values()].every((m) => m.finished);
  } catch { return false; }
}

/** Returns the names of the migrations it applied (empty when the database was up to date). */
export async function migrate(driver: MigrationDriver, migrations: Migration[]): Promise<string[]> {
  if (await upToDate(driver, migrations)) return [];
  return driver.withLock(async () => {
    await driver.ensureTable();
    const applied = await driver.applied();
    const failed = applied.find((m) => !m.finished);
    if (failed) {
      // The fix needs nothing downloaded: the Prisma CLI fetches its schema engine on first use, which an
      // offline machine cannot (the project installs no engine binary).
      throw new MigrationError(`Migration ${failed.name} failed earlier and was not resolved; put the database back as it was `
        + `before it, delete its row (DELETE FROM ${driver.table ?? '"_prisma_migrations"'} WHERE migration_name = '${failed.name}') and start again, `
        + `which applies it anew.`);
    }
    // Like Prisma (it reports them as "edited"), an applied migration whose file has changed since stops
    // start-up: the database was built from the old text, and nothing would ever apply the new one.
    const local = new Map(migrations.map((m) => [m.name, m.checksum]));
    const edited = applied.find((m) => local.has(m.name) && local.get(m.name) !== m.checksum);
    if (edited) {
      throw new MigrationError(`Migration ${edited.name} was edited after it was applied (its checksum no longer matches the one `
        + `recorded in _prisma_migrations); restore its migration.sql and put the change in a new migration instead.`);
    }
    const done = new Set(applied.map((m) => m.name));
    const pending = migrations.filter((m) => !done.has(m.name));
    for (const migration of pending) {
      const id = randomUUID();
      try {
        await driver.apply(migration, id);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await driver.recordFailure(migration, id, message);
        throw new MigrationError(`Migration ${migration.name} failed: ${message}`);
      }
    }
    return pending.map((m) => m.name);
  });
}
