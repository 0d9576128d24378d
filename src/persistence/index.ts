// Opens the configured database, applying pending migrations first: SQLite in a file is the embedded
// default, PostgreSQL (DATABASE_URL=postgresql://…) the production store for several replicas. Only the
// configured provider's module is loaded, by a dynamic import chosen by the URL, so a process loads one
// Prisma client and one driver. What comes back is the stores (core/stores), never the client.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { OpenedStores } from "./opened.ts";

export { CannotConnectError, MigrationError } from "./migrate.ts";
export type { OpenedStores, Provider } from "./opened.ts";

const prismaDir = join(dirname(fileURLToPath(import.meta.url)), "../../prisma");

/** `prismaDir` (tests only): a folder holding sqlite/migrations and postgresql/migrations to apply instead.
 * `onLockWait`: told when another process holds the migration lock (or, SQLite, the file), so the wait is not
 * silent. `stop`: ends SQLite's wait for the file (a stop signal while starting). */
export async function openStores(url: string, options: { prismaDir?: string; onLockWait?: () => void; stop?: AbortSignal } = {}): Promise<OpenedStores> {
  const root = options.prismaDir ?? prismaDir;
  if (url.startsWith("file:")) return (await import("./sqlite/open.ts")).openSqlite(url, join(root, "sqlite/migrations"), options);
  return (await import("./postgresql/open.ts")).openPostgres(url, join(root, "postgresql/migrations"), options.onLockWait);
}
