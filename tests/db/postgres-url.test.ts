// PostgreSQL URLs: the schema named in the URL is where both the migrations and the Prisma client's
// queries go (the client qualifies every table with its schema, so search_path alone is not enough).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openTestDb as openDatabase } from "../support/database.ts";
import { postgresTarget } from "../../src/persistence/postgresql/connect.ts";

describe("postgresTarget", () => {
  it("reads the schema from ?schema= or from options=-c search_path=, and the pool size from connection_limit", () => {
    expect(postgresTarget("postgresql://bot@db:5432/papers")).toMatchObject({ schema: "public", poolSize: 20, where: "db:5432/papers" });
    const bySchema = postgresTarget("postgresql://bot@db/papers?schema=team_a&connection_limit=4");
    expect(bySchema).toMatchObject({ schema: "team_a", poolSize: 4 });
    // pg never sees Prisma's parameters; the server is told the schema through search_path.
    const sent = new URL(bySchema.config.connectionString!);
    expect(sent.searchParams.get("schema")).toBeNull();
    expect(sent.searchParams.get("connection_limit")).toBeNull();
    expect(sent.searchParams.get("options")).toBe('-c search_path="team_a"');
    expect(postgresTarget("postgresql://bot@db/papers?options=-c%20search_path%3Dt_1").schema).toBe("t_1");
  });

  it("refuses a schema that is not a plain identifier instead of quoting it into SQL", () => {
    expect(() => postgresTarget(`postgresql://bot@db/papers?schema=${encodeURIComponent('x"; DROP TABLE y; --')}`)).toThrow(/not a plain identifier/);
  });
});

describe("a PostgreSQL that is not there", () => {
  it("is named in one sentence saying it cannot be reached, not that the database could not be migrated", async () => {
    const { spawnCli } = await import("../support/cli.ts");
    const { createServer } = await import("node:net");
    const probe = createServer();
    const port = await new Promise<number>((resolve) => probe.listen(0, "127.0.0.1", () => resolve((probe.address() as import("node:net").AddressInfo).port)));
    await new Promise((resolve) => probe.close(resolve)); // nothing listens there now
    const run = await spawnCli(["search", "moe"], { DATABASE_URL: `postgresql://papers:pw@127.0.0.1:${port}/papers` });
    expect(run.code).toBe(1);
    expect(run.err.trim().split("\n")).toEqual([`papers: Cannot connect to PostgreSQL at 127.0.0.1:${port}/papers (DATABASE_URL): connect ECONNREFUSED 127.0.0.1:${port}.`]);
  }, 20_000);
});

const server = process.env.TEST_DATABASE_URL ?? "";
describe.skipIf(!server.startsWith("postgres"))("a PostgreSQL URL with ?schema=", () => {
  it("creates that schema, migrates into it and the client reads and writes there, capitals and all", async () => {
    // Capitals: the schema is created quoted, and search_path must name it so (unquoted, it folds to lower case).
    const schema = `S_${randomBytes(5).toString("hex")}`;
    const url = new URL(server);
    url.searchParams.set("schema", schema);
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    const { db } = await openDatabase(url.toString());
    try {
      await db.paper.create({ data: { id: "p1", titleKey: "p1", title: "P1", summary: "s", source: "capture" } });
      const { rows } = await admin.query(`SELECT id FROM "${schema}"."Paper"`);
      expect(rows).toEqual([{ id: "p1" }]);
      const tables = await admin.query(`SELECT table_schema FROM information_schema.tables WHERE table_name = '_prisma_migrations' AND table_schema = $1`, [schema]);
      expect(tables.rowCount).toBe(1);
    } finally {
      await db.$disconnect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    }
  });
});

describe.skipIf(!server.startsWith("postgres"))("a PostgreSQL URL the server refuses", () => {
  it("is a configuration error naming DATABASE_URL, exit 2: no such database, no such role", async () => {
    const { spawnCli } = await import("../support/cli.ts");
    const base = new URL(server);
    const noDatabase = new URL(server); noDatabase.pathname = `/nosuch_${randomBytes(4).toString("hex")}`;
    const noRole = new URL(server); noRole.username = `nosuch_${randomBytes(4).toString("hex")}`; noRole.password = "";
    for (const [url, sentence] of [[noDatabase, /DATABASE_URL names a database that does not exist there/], [noRole, /DATABASE_URL names a role the server does not accept/]] as const) {
      const run = await spawnCli(["search", "moe"], { DATABASE_URL: url.toString() });
      expect(run.code, run.err).toBe(2);
      expect(run.err).toMatch(new RegExp(`^Configuration error: ${sentence.source}.*\\(PostgreSQL at ${base.hostname}:`));
    }
  });
});
