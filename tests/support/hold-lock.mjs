// A second process holding the database's write lock, as an operator's long `papers ingest` would:
// `node tests/support/hold-lock.mjs <database url> <milliseconds>` prints "locked" once it holds it and
// lets go after that long. SQLite: BEGIN EXCLUSIVE (in WAL, readers go on; writers wait). PostgreSQL:
// every table of the schema locked IN EXCLUSIVE MODE (reads go on; every write waits).
import Database from "better-sqlite3";
import pg from "pg";

const [url, ms] = process.argv.slice(2);
const holdMs = Number(ms);

if (url.startsWith("file:")) {
  const db = new Database(url.replace(/^file:/, "").replace(/\?.*$/, ""));
  db.exec("BEGIN EXCLUSIVE");
  console.log("locked");
  setTimeout(() => { db.exec("ROLLBACK"); db.close(); }, holdMs);
} else {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  const { rows } = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()");
  for (const { tablename } of rows) await client.query(`LOCK TABLE "${tablename}" IN EXCLUSIVE MODE`);
  console.log("locked");
  setTimeout(async () => { await client.query("ROLLBACK"); await client.end(); }, holdMs);
}
