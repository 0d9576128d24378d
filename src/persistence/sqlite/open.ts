// The SQLite database: migrated over its own short-lived connection (better-sqlite3), then the stores.
// Papers are read over a better-sqlite3 connection of their own (reader.ts); everything else goes through
// the app's Prisma client, which is loaded and started on the first call that needs it (connect.ts, by
// a dynamic import): Prisma's runtime and query compiler were about a third of a one-shot `papers
// search`, which reads only papers.
import type { Stores } from "../../core/stores/index.ts";
import { reportingBusy } from "../busy.ts";
import { migrate, readMigrations } from "../migrate.ts";
import { onDemand } from "../on-demand.ts";
import type { OpenedStores } from "../opened.ts";
import { type LockWait, sqliteMigrationDriver, sqlitePath } from "./database-file.ts";
import { SqlitePaperStore } from "./paper-store.ts";
import { openPaperReader } from "./reader.ts";

export async function openSqlite(url: string, migrationsDir: string, wait: LockWait = {}): Promise<OpenedStores> {
  const path = sqlitePath(url);
  const driver = await sqliteMigrationDriver(path, wait);
  let applied: string[];
  try { applied = await migrate(driver, readMigrations(migrationsDir)); } finally { driver.close(); }
  const reader = openPaperReader(path);

  let client: Promise<{ stores: Stores; close(): Promise<void> }> | null = null;
  let closed = false;
  const prisma = (): Promise<{ stores: Stores; close(): Promise<void> }> => {
    if (closed) return Promise.reject(new Error("the database is closed"));
    // A failed start (it should not fail: the file is there and migrated) is tried again by the next call.
    client ??= import("./connect.ts").then((m) => m.sqlitePrismaStores(path)).catch((error: unknown) => { client = null; throw error; });
    return client;
  };
  const store = <K extends Exclude<keyof Stores, "database">>(key: K): Stores[K] => onDemand(async () => (await prisma()).stores[key]);
  const stores: Stores = {
    papers: reportingBusy(new SqlitePaperStore(reader, store("papers"))),
    bookmarks: store("bookmarks"),
    subscriptions: store("subscriptions"),
    posted: store("posted"),
    deliveries: store("deliveries"),
    notInterested: store("notInterested"),
    events: store("events"),
    jobRuns: store("jobRuns"),
    lastLists: store("lastLists"),
    discussions: store("discussions"),
    database: { ping: () => reader.ping() },
  };
  return {
    stores, provider: "sqlite", applied,
    close: async () => {
      closed = true;
      reader.close();
      const opened = await client?.catch(() => null);
      await opened?.close();
    },
  };
}
