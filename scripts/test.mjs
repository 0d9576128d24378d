// `npm test`: the whole suite on SQLite, then again on PostgreSQL when a server answers
// (TEST_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres). The PostgreSQL pass gets a
// brand-new database, dropped afterwards (each test file makes its own schema inside it). Without a
// server, that pass is skipped with one line saying so. Extra arguments go to vitest (e.g. a test file).
// The last line printed says how both passes went.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

const args = process.argv.slice(2);

// Tests that spawn `bin/papers.js` run the compiled dist/: bring it up to date first (a no-op when fresh).
const built = spawnSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
if (built.status !== 0) process.exit(built.status ?? 1);
const reports = mkdtempSync(join(tmpdir(), "papers-test-"));
process.on("exit", () => rmSync(reports, { recursive: true, force: true }));

/** The failed tests of a run, from vitest's JSON report, so the last lines name them (a CI log shows its tail). */
function failuresOf(reportFile) {
  try {
    const report = JSON.parse(readFileSync(reportFile, "utf8"));
    return report.testResults.flatMap((file) => {
      const where = file.name.replace(`${process.cwd()}/`, "");
      const failed = file.assertionResults.filter((t) => t.status === "failed")
        .map((t) => `${where} > ${t.fullName}: ${(t.failureMessages[0] ?? "").split("\n")[0]}`);
      return failed.length || file.status !== "failed" ? failed : [`${where}: ${(file.message ?? "failed").split("\n")[0]}`];
    });
  } catch { return ["(no JSON report: vitest did not finish)"]; }
}

const vitest = (name, env) => {
  const started = Date.now();
  const reportFile = join(reports, `${name}.json`);
  const status = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json",
    `--outputFile.json=${reportFile}`, ...args], { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
  return { name, status, seconds: Math.round((Date.now() - started) / 1000), failures: status === 0 ? [] : failuresOf(reportFile) };
};
const verdict = (run) => `${run.status === 0 ? "passed" : "FAILED"} (${run.seconds} s)`;

const serverUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

/** A database of its own for this run, or the reason there is none. */
async function createRunDatabase() {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch (error) {
    return { skipped: `no PostgreSQL server answering at ${new URL(serverUrl).host} (${error.code ?? error.message}); set TEST_DATABASE_URL to run it` };
  }
  const name = `papers_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  try { await admin.query(`CREATE DATABASE "${name}"`); } finally { await admin.end(); }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try { await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); } finally { await c.end(); }
    },
  };
}

console.log("== papers-bot tests on SQLite");
const sqlite = vitest("SQLite", { TEST_DATABASE_URL: "" });
let postgres = null;
let skipped = null;
if (process.env.SKIP_POSTGRES === "1") skipped = "SKIP_POSTGRES=1";
else {
  const database = await createRunDatabase();
  if (database.skipped) skipped = database.skipped;
  else {
    console.log(`\n== papers-bot tests on PostgreSQL (${new URL(serverUrl).host}, fresh database ${database.url.split("/").pop()})`);
    try { postgres = vitest("PostgreSQL", { TEST_DATABASE_URL: database.url }); }
    finally { await database.drop().catch((error) => console.log(`(could not drop the test database: ${error.message})`)); }
  }
}

for (const run of [sqlite, postgres]) for (const failure of run?.failures ?? []) console.log(`FAILED on ${run.name}: ${failure}`);
console.log(`\n== papers-bot tests: SQLite ${verdict(sqlite)}; PostgreSQL ${postgres ? verdict(postgres) : `pass skipped: ${skipped}`}`);
process.exit(sqlite.status || (postgres?.status ?? 0));
