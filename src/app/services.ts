// Everything a command or job needs, built once at start-up and passed in (no module reads globals).
import type { Config } from "../config.ts";
import { registerConfigSecrets, type Logger } from "../log.ts";
import { openDatabase, type Db } from "../core/db/index.ts";
import { Catalog } from "../core/catalog.ts";
import { seedIfEmpty } from "../core/bundled.ts";
import { PaperStore } from "../core/store/papers.ts";
import { BookmarkStore } from "../core/store/bookmarks.ts";
import { PostedMessageStore } from "../core/store/posted-messages.ts";
import { SubscriptionStore } from "../core/store/subscriptions.ts";
import { RateLimiter } from "../core/rate-limit.ts";

export type Clock = () => Date;

export interface Services {
  config: Config;
  log: Logger;
  db: Db;
  provider: "sqlite" | "postgresql";
  clock: Clock;
  papers: PaperStore;
  catalog: Catalog;
  bookmarks: BookmarkStore;
  posted: PostedMessageStore;
  subscriptions: SubscriptionStore;
  /** Per-person command limit (COMMANDS_PER_MINUTE), checked in runCommand; absent = unlimited. */
  commandLimiter?: RateLimiter;
  close(): Promise<void>;
}

export async function createServices(config: Config, log: Logger, options: { clock?: Clock } = {}): Promise<Services> {
  // Whoever builds services (papers start, the CLI, tests) gets the configured secrets masked in logs.
  registerConfigSecrets(config);
  const { db, provider, applied } = await openDatabase(config.DATABASE_URL);
  if (applied.length > 0) log.info({ migrations: applied }, "database migrated");
  const papers = new PaperStore(db);
  let catalog: Catalog;
  try {
    const seeded = await seedIfEmpty(papers);
    if (seeded) log.info({ papers: seeded.added, date: seeded.snapshotDate }, "loaded the bundled trending capture");
    catalog = await Catalog.load(papers);
  } catch (error) {
    // An open PostgreSQL pool would keep a failed process alive forever instead of letting it exit.
    await db.$disconnect().catch(() => {});
    throw error;
  }
  return {
    config, log, db, provider, clock: options.clock ?? (() => new Date()),
    papers, catalog,
    bookmarks: new BookmarkStore(db),
    posted: new PostedMessageStore(db),
    subscriptions: new SubscriptionStore(db),
    commandLimiter: new RateLimiter(config.COMMANDS_PER_MINUTE),
    close: () => db.$disconnect(),
  };
}
