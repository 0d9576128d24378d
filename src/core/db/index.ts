// Opens the configured database, applying pending migrations first: SQLite in a file is the embedded
// default, PostgreSQL (DATABASE_URL=postgresql://…) the production store for several replicas.
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "../../generated/sqlite/client.ts";
import { migrate, readMigrations } from "./migrate.ts";
import { sqliteClient, sqliteMigrationDriver, sqlitePath } from "./sqlite.ts";
import { postgresClient, postgresMigrationDriver } from "./postgres.ts";

export type Db = PrismaClient;
export { MigrationError } from "./migrate.ts";

const prismaDir = join(dirname(fileURLToPath(import.meta.url)), "../../../prisma");

export interface OpenedDb { db: Db; provider: "sqlite" | "postgresql"; applied: string[] }

export async function openDatabase(url: string): Promise<OpenedDb> {
  if (url.startsWith("file:")) {
    const path = sqlitePath(url);
    const driver = sqliteMigrationDriver(path);
    try {
      const applied = await migrate(driver, readMigrations(join(prismaDir, "sqlite/migrations")));
      return { db: sqliteClient(path), provider: "sqlite", applied };
    } finally { driver.close(); }
  }
  const driver = postgresMigrationDriver(url);
  try {
    const applied = await migrate(driver, readMigrations(join(prismaDir, "postgresql/migrations")));
    return { db: postgresClient(url), provider: "postgresql", applied };
  } finally { await driver.close(); }
}
