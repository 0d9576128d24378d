// SQLite: the app's Prisma client over the better-sqlite3 adapter, typed as the SQLite client it is, and
// the stores over it. Loaded by open.ts with a dynamic import, when a store first needs the client.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/sqlite/client.ts";
import type { Stores } from "../../core/stores/index.ts";
import type { PrismaDb } from "../prisma/client.ts";
import { prismaStores } from "../prisma/stores.ts";
import { TRANSACTION_WAIT_MS } from "../busy.ts";
import { SYNC_WAIT_MS, waitingForLocks } from "./wait.ts";

/** Locks are waited for asynchronously (wait.ts); Prisma's wait to start a transaction outlasts that wait. */
export function sqliteClient(path: string): PrismaClient {
  return new PrismaClient({ adapter: waitingForLocks(new PrismaBetterSqlite3({ url: path, timeout: SYNC_WAIT_MS })),
    transactionOptions: { maxWait: TRANSACTION_WAIT_MS + 5_000 } });
}

/**
 * Per-connection settings for the app's connection. The adapter (7.10) opens one better-sqlite3
 * connection per client and has no pragma option, so they go through it as statements at start-up.
 * The file is in WAL mode already (set by the migration driver; it persists in the file). In WAL,
 * synchronous=NORMAL syncs at checkpoints instead of at every commit: a commit survives a process crash
 * (kill -9) but may be lost on power loss or an OS crash. The digest tolerates that: an item that lost
 * its "sent" mark is left "sending" or "pending", and a resumed delivery asks the platform (findPosted)
 * or the platform dedupes by nonce, instead of trusting the ledger. Without it every commit is an fsync,
 * which bounded the digest fan-out at about 80 messages a second.
 */
export async function tuneSqliteConnection(db: PrismaClient): Promise<void> {
  await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
}

/** The app's client, tuned, and every store over it. */
export async function sqlitePrismaStores(path: string): Promise<{ stores: Stores; close(): Promise<void> }> {
  const client = sqliteClient(path);
  await tuneSqliteConnection(client);
  // Here the compiler checks the SQLite client against everything the stores call.
  const db: PrismaDb = client;
  return { stores: prismaStores(db, "sqlite"), close: () => client.$disconnect() };
}
