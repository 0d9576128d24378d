// The composition root: opens the configured database's stores, seeds an empty one with the bundled
// capture, builds the in-memory catalog, and hands everything out as core's Services.
import type { Config } from "../config.ts";
import { registerConfigSecrets, type Logger } from "../log.ts";
import { Catalog } from "../core/catalog.ts";
import { seedIfEmpty } from "../core/bundled.ts";
import { RateLimiter } from "../core/rate-limit.ts";
import type { Clock, Services } from "../core/services.ts";
import { openStores } from "../persistence/index.ts";
import { listsWritten } from "../command-kit/paper-ref.ts";
import { collectGarbage, COLLECT_AFTER_PAPERS } from "./collect-garbage.ts";

export type { Clock, Services } from "../core/services.ts";

/** `stop`: a stop signal while the database opens ends a wait for another process's lock on a SQLite file. */
export async function createServices(config: Config, log: Logger, options: { clock?: Clock; stop?: AbortSignal } = {}): Promise<Services> {
  // Whoever builds services (papers start, the CLI, tests) gets the configured secrets masked in logs.
  registerConfigSecrets(config);
  const { stores, provider, applied, close } = await openStores(config.DATABASE_URL,
    { onLockWait: () => log.info("waiting for another process to let go of the database (a replica migrating it, or a first start)"),
      ...(options.stop ? { stop: options.stop } : {}) });
  if (applied.length > 0) log.info({ migrations: applied }, "database migrated");
  let catalog: Catalog;
  try {
    // Counted once and handed on (every query costs a one-shot command start-up time); again only after a seed.
    let count = await stores.papers.count();
    const seeded = await seedIfEmpty(stores.papers, count);
    if (seeded) {
      log.info({ papers: seeded.added, date: seeded.snapshotDate }, "loaded the bundled trending capture");
      count = await stores.papers.count();
    }
    // A large load collects as it goes and once at its end (collect-garbage.ts); a small one need not.
    const large = count >= COLLECT_AFTER_PAPERS;
    catalog = await Catalog.load(stores.papers, { count, ...(large ? { collect: collectGarbage } : {}) });
    if (large) await collectGarbage();
  } catch (error) {
    // An open PostgreSQL pool would keep a failed process alive forever instead of letting it exit.
    await close().catch(() => {});
    throw error;
  }
  return {
    ...stores, config, log, provider, clock: options.clock ?? (() => new Date()), catalog,
    commandLimiter: new RateLimiter(config.COMMANDS_PER_MINUTE),
    // Lists shown are remembered after the answer went out (paper-ref.ts): finish those writes first.
    close: async () => { await listsWritten(); await close(); },
  };
}
