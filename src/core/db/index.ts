// Opens the configured database, applying pending migrations first: SQLite in a file is the embedded
// default, PostgreSQL (DATABASE_URL=postgresql://…) the production store for several replicas.
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "../../generated/sqlite/client.ts";
import { migrate, readMigrations } from "./migrate.ts";
import { sqliteClient, sqliteMigrationDriver, sqlitePath, tuneSqliteConnection } from "./sqlite.ts";
import { postgresClient, postgresMigrationDriver } from "./postgres.ts";

export type Db = PrismaClient;
export { MigrationError } from "./migrate.ts";

const prismaDir = join(dirname(fileURLToPath(import.meta.url)), "../../../prisma");

export interface OpenedDb { db: Db; provider: "sqlite" | "postgresql"; applied: string[] }

/** `prismaDir` (tests only): a folder holding sqlite/migrations and postgresql/migrations to apply instead. */
export async function openDatabase(url: string, options: { prismaDir?: string } = {}): Promise<OpenedDb> {
  const root = options.prismaDir ?? prismaDir;
  if (url.startsWith("file:")) {
    const path = sqlitePath(url);
    const driver = sqliteMigrationDriver(path);
    try {
      const applied = await migrate(driver, readMigrations(join(root, "sqlite/migrations")));
      const db = sqliteClient(path);
      await tuneSqliteConnection(db);
      return { db, provider: "sqlite", applied };
    } finally { driver.close(); }
  }
  const driver = postgresMigrationDriver(url);
  try {
    const applied = await migrate(driver, readMigrations(join(root, "postgresql/migrations")));
    return { db: postgresClient(url), provider: "postgresql", applied };
  } finally { await driver.close(); }
}
