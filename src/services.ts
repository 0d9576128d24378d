// Everything a command or job needs, built once at start-up and passed in (no module reads globals).
import type { Config } from "./config.ts";
import type { Logger } from "./log.ts";
import { openDatabase, type Db } from "./core/db/index.ts";
import { Catalog } from "./core/catalog.ts";
import { seedIfEmpty } from "./core/bundled.ts";
import { PaperStore } from "./core/store/papers.ts";
import { BookmarkStore } from "./core/store/bookmarks.ts";
import { PostedMessageStore } from "./core/store/posted-messages.ts";
import { SubscriptionStore } from "./core/store/subscriptions.ts";

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
  close(): Promise<void>;
}

export async function createServices(config: Config, log: Logger, options: { clock?: Clock } = {}): Promise<Services> {
  const { db, provider, applied } = await openDatabase(config.DATABASE_URL);
  if (applied.length > 0) log.info({ migrations: applied }, "database migrated");
  const papers = new PaperStore(db);
  const seeded = await seedIfEmpty(papers);
  if (seeded) log.info({ papers: seeded.added, date: seeded.snapshotDate }, "loaded the bundled trending capture");
  const catalog = await Catalog.load(papers);
  return {
    config, log, db, provider, clock: options.clock ?? (() => new Date()),
    papers, catalog,
    bookmarks: new BookmarkStore(db),
    posted: new PostedMessageStore(db),
    subscriptions: new SubscriptionStore(db),
    close: () => db.$disconnect(),
  };
}
