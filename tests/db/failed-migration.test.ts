// A migration that fails stops start-up with a clear message, leaves nothing half-applied, and keeps
// stopping it (as Prisma's P3009 does) until a person resolves it; it is never silently retried.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { MigrationError } from "../../src/persistence/index.ts";
import { openTestDb as openDatabase, freshDatabase, testDatabaseProvider as provider } from "../support/database.ts";
import { runCli, STACK_LINE } from "../support/cli.ts";

const BROKEN = "29991231000000_broken";
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** The real migrations plus one whose second statement fails after its first succeeded. */
function prismaDirWithBrokenMigration(): string {
  const dir = mkdtempSync(join(tmpdir(), "papers-migrations-"));
  dirs.push(dir);
  cpSync(fileURLToPath(new URL(`../../prisma/${provider}/migrations`, import.meta.url)), join(dir, provider, "migrations"), { recursive: true });
  mkdirSync(join(dir, provider, "migrations", BROKEN));
  writeFileSync(join(dir, provider, "migrations", BROKEN, "migration.sql"),
    `CREATE TABLE "HalfDone" ("id" INTEGER NOT NULL);\nINSERT INTO "NoSuchTable" ("id") VALUES (1);\n`);
  return dir;
}

describe(`a failed migration on ${provider}`, () => {
  it("stops start-up naming the migration, rolls back its work, records it as failed, and refuses every later start", async () => {
    const database = await freshDatabase();
    try {
      const error = await openDatabase(database.url, { prismaDir: prismaDirWithBrokenMigration() }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toMatch(new RegExp(`^Migration ${BROKEN} failed: .*NoSuchTable`));

      // The good migrations before it stay applied; the broken one's first statement does not.
      const raw = await rawQuery(database.url);
      expect(await raw(`SELECT COUNT(*) AS n FROM "Paper"`)).toEqual([{ n: 0 }]);
      await expect(raw(`SELECT COUNT(*) AS n FROM "HalfDone"`)).rejects.toThrow(/HalfDone/);
      const rows = await raw(`SELECT migration_name, finished_at, rolled_back_at, logs, applied_steps_count FROM "_prisma_migrations" WHERE migration_name = '${BROKEN}'`);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
      expect(String(rows[0]!.logs)).toMatch(/NoSuchTable/);
      await raw.close();

      // The shipped migrations alone do not paper over it: start-up is refused until someone resolves it.
      await expect(openDatabase(database.url)).rejects.toThrow(new RegExp(`Migration ${BROKEN} failed earlier and was not resolved`));

      // What a person sees: one sentence, exit 1, no stack trace.
      const cli = await runCli(["trending"], { DATABASE_URL: database.url });
      expect(cli.code).toBe(1);
      expect(cli.out).toBe("");
      expect(cli.err.trim().split("\n")).toHaveLength(1);
      expect(cli.err).toMatch(new RegExp(`^papers: the database could not be migrated: Migration ${BROKEN} failed earlier`));
      expect(cli.err).not.toMatch(STACK_LINE);

      // The fix it names needs no Prisma CLI (which downloads its engine): the database is as it was before the
      // broken migration (it rolled back), so deleting its row as said lets the next start go on.
      // On PostgreSQL it names the table in its schema, so it runs as written whatever psql's search_path.
      const statement = /\((DELETE FROM (?:"[^"]+"\.)?"_prisma_migrations" WHERE migration_name = '[^']+')\)/.exec(cli.err)?.[1];
      expect(statement, cli.err).toBeDefined();
      const writable = await rawQuery(database.url, true);
      await writable(statement!);
      await writable.close();
      const reopened = await openDatabase(database.url);
      expect(reopened.applied).toEqual([]);
      await reopened.db.$disconnect();
    } finally { await database.drop(); }
  });
});

/** Plain SQL on the test database, outside the app, to see what really got written. */
async function rawQuery(url: string, write = false) {
  if (provider === "sqlite") {
    const { default: Database } = await import("better-sqlite3");
    const { sqlitePath } = await import("../../src/persistence/sqlite/database-file.ts");
    const db = new Database(sqlitePath(url), { readonly: !write });
    return Object.assign(async (sql: string) => (write ? (db.prepare(sql).run(), []) : db.prepare(sql).all()) as Record<string, unknown>[], { close: async () => db.close() });
  }
  const { default: pg } = await import("pg");
  const { postgresTarget } = await import("../../src/persistence/postgresql/connect.ts");
  const client = new pg.Client(postgresTarget(url).config);
  await client.connect();
  return Object.assign(async (sql: string) => {
    const { rows } = await client.query(sql);
    return rows.map((r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === "n" ? Number(v) : v])));
  }, { close: () => client.end() });
}
