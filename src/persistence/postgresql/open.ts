// The PostgreSQL database: migrated under an advisory lock (replicas starting together migrate once),
// then the app's pooled client.
import type { Stores } from "../../core/stores/index.ts";
import { migrate, readMigrations } from "../migrate.ts";
import type { OpenedStores } from "../opened.ts";
import type { PrismaDb } from "../prisma/client.ts";
import { prismaStores } from "../prisma/stores.ts";
import { postgresClient, postgresMigrationDriver } from "./connect.ts";

export async function openPostgres(url: string, migrationsDir: string, onLockWait?: () => void): Promise<OpenedStores> {
  const driver = postgresMigrationDriver(url, onLockWait);
  let applied: string[];
  try { applied = await migrate(driver, readMigrations(migrationsDir)); } finally { await driver.close(); }
  return { ...postgresStores(url), provider: "postgresql", applied };
}

/** The stores over a new pool, without migrating (the health tests point it at servers that never answer). */
export function postgresStores(url: string): { stores: Stores; close(): Promise<void> } {
  const client = postgresClient(url);
  // Here the compiler checks the PostgreSQL client against everything the stores call.
  const db: PrismaDb = client;
  return { stores: prismaStores(db), close: () => client.$disconnect() };
}
