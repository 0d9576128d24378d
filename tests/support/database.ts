// A fresh, real database for each test that asks: a SQLite file in a temp folder by default, or a new
// schema on the PostgreSQL server when TEST_DATABASE_URL=postgresql://… (the CI's second pass).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface TestDatabase { url: string; drop(): Promise<void> }

export const testDatabaseProvider = (process.env.TEST_DATABASE_URL ?? "").startsWith("postgres") ? "postgresql" : "sqlite";

export async function freshDatabase(): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (server && server.startsWith("postgres")) {
    const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
    const url = new URL(server);
    url.searchParams.set("options", `-c search_path=${schema}`);
    return {
      url: url.toString(),
      async drop() {
        const c = new pg.Client({ connectionString: server });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "papers-test-"));
  return { url: `file:${join(dir, "papers.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}
