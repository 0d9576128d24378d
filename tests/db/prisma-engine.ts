// Prisma's own schema engine (the wasm build of what `prisma migrate` runs), pointed at a database
// our start-up applier migrated: if it agrees the history is complete, the two are interchangeable.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { postgresTarget } from "../../src/persistence/postgresql/connect.ts";
import { sqlitePath } from "../../src/persistence/sqlite/database-file.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const require = createRequire(import.meta.url);
const filters = { externalTables: [], externalEnums: [] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Engine = any;
let bg: Engine;

async function engineModule(): Promise<Engine> {
  if (bg) return bg;
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasm = readFileSync(join(dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return (bg = glue);
}

/** The committed migrations as the Prisma CLI hands them to its engine (a directory's path is its name). */
function migrationsList(provider: string) {
  const baseDir = join(root, "prisma", provider, "migrations");
  const lock = join(baseDir, "migration_lock.toml");
  const names = readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return { baseDir, lockfile: { path: lock, content: readFileSync(lock, "utf8") }, shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({ path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: readFileSync(join(baseDir, name, "migration.sql"), "utf8") } } })) };
}

export async function prismaHistory(provider: "sqlite" | "postgresql", url: string) {
  const glue = await engineModule();
  const schemaPath = join(root, "prisma", provider, "schema.prisma");
  const target = provider === "postgresql" ? postgresTarget(url) : null;
  // Our own pool, ended below: the engine takes Prisma's migration advisory lock on one of its sessions and
  // never disposes its adapter, so the lock stayed held until the idle session closed, 10 s later, and the
  // next test's start-up migration waited for it that long.
  const pool = target ? new pg.Pool(target.config) : null;
  const factory = pool ? new PrismaPg(pool, { schema: target!.schema }) : new PrismaBetterSqlite3({ url: sqlitePath(url) });
  const engine = await glue.SchemaEngine.new({ datamodels: [[schemaPath, readFileSync(schemaPath, "utf8")]] }, () => {},
    bindMigrationAwareSqlAdapterFactory(factory));
  const diagnosis = await engine.diagnoseMigrationHistory({ migrationsList: migrationsList(provider), optInToShadowDatabase: false, filters });
  const deployed = diagnosis.failedMigrationNames.length > 0 ? null
    : (await engine.applyMigrations({ migrationsList: migrationsList(provider), filters })).appliedMigrationNames;
  engine.free?.();
  await pool?.end();
  return { diagnosis, deployed };
}
