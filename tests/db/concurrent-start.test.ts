// Two processes starting at the same moment on one brand-new database (two replicas deployed together):
// both migrate safely (one applies, the other waits and finds nothing to do), the bundled papers are
// loaded once, and both answer.
import { readdirSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDb as openDatabase, freshDatabase, testDatabaseProvider as provider, type TestDatabase } from "../support/database.ts";
import { spawnCli, STACK_LINE } from "../support/cli.ts";
import pg from "pg";
import { postgresMigrationDriver } from "../../src/persistence/postgresql/connect.ts";

const databases: TestDatabase[] = [];
afterAll(async () => { for (const d of databases) await d.drop(); });

describe(`two processes starting at once on an empty ${provider} database`, () => {
  it("both migrate safely and both answer the same search", async () => {
    const database = await freshDatabase();
    databases.push(database);
    const env = { DATABASE_URL: database.url };
    const runs = await Promise.all([1, 2].map(() => spawnCli(["search", "moe", "--json"], env)));
    for (const run of runs) {
      expect(run.err).not.toMatch(STACK_LINE);
      expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: "" });
    }
    const results = runs.map((r) => JSON.parse(r.out) as { id: string; title: string }[]);
    expect(results[0]!.length).toBeGreaterThan(0);
    expect(results[0]!.some((p) => /mixture[- ]of[- ]experts/i.test(p.title))).toBe(true);
    expect(results[1]).toEqual(results[0]);

    const { db } = await openDatabase(database.url);
    try {
      const history = await db.$queryRawUnsafe<{ migration_name: string; finished: unknown }[]>(
        `SELECT migration_name, finished_at AS finished FROM "_prisma_migrations"`);
      // Every migration on disk, each applied once, whichever process got there first.
      const onDisk = readdirSync(`prisma/${provider}/migrations`, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
      expect(history.map((h) => h.migration_name)).toEqual(onDisk);
      expect(history[0]!.finished).not.toBeNull();
      expect(await db.paper.count()).toBe(89);
      expect(await db.snapshotEntry.count()).toBe(89);
    } finally { await db.$disconnect(); }
  });
});

describe.runIf(provider === "postgresql")("a replica that finds another migrating", () => {
  it("says it is waiting for the migration lock, then migrates when the lock is free", async () => {
    const database = await freshDatabase();
    databases.push(database);
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock(72707369)"); // Prisma's migration lock key, as connect.ts takes it
    const said: string[] = [];
    const driver = postgresMigrationDriver(database.url, () => said.push("waiting"));
    let ran = false;
    const migrating = driver.withLock(async () => { ran = true; });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([said, ran]).toEqual([["waiting"], false]);
    await holder.query("SELECT pg_advisory_unlock(72707369)");
    await migrating;
    expect(ran).toBe(true);
    await holder.end();
    await driver.close();
  });
});
