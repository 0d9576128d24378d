// The SQLite database: migrated over its own short-lived connection, then the app's client, tuned.
import { migrate, readMigrations } from "../migrate.ts";
import type { OpenedStores } from "../opened.ts";
import type { PrismaDb } from "../prisma/client.ts";
import { prismaStores } from "../prisma/stores.ts";
import { sqliteClient, sqliteMigrationDriver, sqlitePath, tuneSqliteConnection } from "./connect.ts";

export async function openSqlite(url: string, migrationsDir: string): Promise<OpenedStores> {
  const path = sqlitePath(url);
  const driver = sqliteMigrationDriver(path);
  let applied: string[];
  try { applied = await migrate(driver, readMigrations(migrationsDir)); } finally { driver.close(); }
  const client = sqliteClient(path);
  await tuneSqliteConnection(client);
  // Here the compiler checks the SQLite client against everything the stores call.
  const db: PrismaDb = client;
  return { stores: prismaStores(db), provider: "sqlite", applied, close: () => client.$disconnect() };
}
