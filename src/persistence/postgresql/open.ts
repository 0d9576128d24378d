// The PostgreSQL database: migrated under an advisory lock (replicas starting together migrate once),
// then the app's pooled client.
import { sqltag as sql } from "@prisma/client/runtime/client";
import type { Stores } from "../../core/stores/index.ts";
import { migrate, readMigrations } from "../migrate.ts";
import type { OpenedStores } from "../opened.ts";
import type { PrismaDb } from "../prisma/client.ts";
import { prismaStores } from "../prisma/stores.ts";
import { CONNECT_TIMEOUT_MS, postgresClient, postgresMigrationDriver, postgresTarget, STATEMENT_ANSWER_MS } from "./connect.ts";

export async function openPostgres(url: string, migrationsDir: string, onLockWait?: () => void): Promise<OpenedStores> {
  const driver = postgresMigrationDriver(url, onLockWait);
  let applied: string[];
  try { applied = await migrate(driver, readMigrations(migrationsDir)); } finally { await driver.close(); }
  return { ...postgresStores(url), provider: "postgresql", applied };
}

/** The stores over a new pool, without migrating (the health tests point it at servers that never answer). */
export function postgresStores(url: string, statementAnswerMs = STATEMENT_ANSWER_MS): { stores: Stores; close(): Promise<void> } {
  const client = postgresClient(url, statementAnswerMs);
  // Here the compiler checks the PostgreSQL client against everything the stores call.
  const db: PrismaDb = client;
  const timeoutMeans = `PostgreSQL at ${postgresTarget(url).where} did not answer in time (connecting within ${CONNECT_TIMEOUT_MS / 1000} s, a statement within ${statementAnswerMs / 1000} s)`;
  const stores = prismaStores(db, "postgresql", { timeoutMeans });
  const now = async () => (await client.$queryRaw<{ now: Date }[]>(sql`SELECT now() AS now`))[0]!.now;
  return { stores: { ...stores, database: { ...stores.database, now } }, close: () => client.$disconnect() };
}
