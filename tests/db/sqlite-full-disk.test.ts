// A SQLite file that cannot be opened because its disk is full stops `papers start` saying so, exit 1 (a plain
// Error: it passes by itself once space is freed, and the supervisor's restarts get there), not the
// configuration error (exit 2) asking for another folder. No portable test can fill a disk, so the errors
// are the ones SQLite and the OS really produce: better-sqlite3's SQLITE_FULL from a database at its size
// limit, Linux's ENOSPC from /dev/full, and better-sqlite3's own SqliteError class for a disk I/O error,
// with the free space the disk reports given.
import { writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { ConfigError } from "../../src/config.ts";
import { openFailure } from "../../src/persistence/sqlite/database-file.ts";

const path = "/srv/papers/papers.db";

function thrown(work: () => unknown): unknown {
  try { work(); } catch (error) { return error; }
  throw new Error("expected a failure");
}

it("SQLite's SQLITE_FULL: the disk is full, exit 1", () => {
  const db = new Database(":memory:");
  db.pragma("max_page_count = 2");
  db.exec("CREATE TABLE t (x TEXT)");
  const full = thrown(() => { for (let i = 0; i < 100; i++) db.prepare("INSERT INTO t VALUES (?)").run("x".repeat(4096)); });
  db.close();
  expect((full as { code?: string }).code).toBe("SQLITE_FULL");
  const failure = openFailure(full, path);
  expect(failure).not.toBeInstanceOf(ConfigError);
  expect(failure.message).toBe(`cannot open the SQLite file ${path}: its disk is full (database or disk is full); free some space on it and start again.`);
});

it.runIf(process.platform === "linux")("the OS's ENOSPC (creating the folder): the disk is full", () => {
  const enospc = thrown(() => writeFileSync("/dev/full", "x"));
  expect((enospc as { code?: string }).code).toBe("ENOSPC");
  const failure = openFailure(enospc, path);
  expect(failure).not.toBeInstanceOf(ConfigError);
  expect(failure.message).toMatch(/^cannot open the SQLite file \/srv\/papers\/papers\.db: its disk is full \(ENOSPC: no space left on device/);
});

it("SQLite's disk I/O error is a full disk only when the disk has no space left", () => {
  const ioError = new Database.SqliteError("disk I/O error", "SQLITE_IOERR_WRITE");
  expect(openFailure(ioError, path, () => 0).message).toBe(`cannot open the SQLite file ${path}: its disk is full (disk I/O error); free some space on it and start again.`);
  for (const free of [1 << 30, null]) {
    const failure = openFailure(ioError, path, () => free);
    expect(failure).toBeInstanceOf(ConfigError);
    expect(failure.message).toBe(`Configuration error: DATABASE_URL: cannot open the SQLite file ${path} (disk I/O error); point it at a SQLite file in a folder this user can write.`);
  }
});
