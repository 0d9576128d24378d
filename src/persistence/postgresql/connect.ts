// PostgreSQL: the URL read as Prisma reads it, the migration connection (pg itself), and the app's
// pooled Prisma client over the pg adapter, typed as the PostgreSQL client it is.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/postgresql/client.ts";
import { CannotConnectError, MigrationError, type MigrationDriver } from "../migrate.ts";
import { ConfigError, PLAIN_IDENTIFIER, postgresSchema } from "../../config.ts";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { TRANSACTION_WAIT_MS, WRITE_WAIT_MS } from "../busy.ts";

// Prisma's own migrate uses this key for its advisory lock; using the same one means a native
// `prisma migrate deploy` and a starting replica never migrate at the same time either.
const MIGRATION_LOCK_KEY = 72707369;

// Per replica. The digest job serves many channels at once but writes its ledger in batches (group
// commit, core/coalesce.ts), so it holds a few connections at a time, with commands arriving
// alongside: 20 keeps them from queueing, and 4 replicas × 20 still fit PostgreSQL's default max_connections of 100.
const DEFAULT_POOL_SIZE = 20;
// Prisma's default wait for a connection to start a transaction is 2 s. Under a burst (a 1,000-channel
// digest minute on a busy host) that failed deliveries outright; waiting longer only queues them.
const TRANSACTION_MAX_WAIT_MS = 10_000;

// A server that accepts the TCP connection and then says nothing (a hung or overloaded PostgreSQL, a proxy
// in front of a dead one, a black-holing network) would otherwise hold a connection attempt or a statement
// for as long as the kernel keeps the socket: start-up hung in silence, commands went unanswered.
/** Connecting (TCP, TLS, authentication): a healthy server answers in milliseconds, a cold one across a region in well under a second. */
export const CONNECT_TIMEOUT_MS = 5_000;
/**
 * A statement outside a transaction: what a person's command runs, plus the catalog's paged loads and the
 * index sync's read of changed papers. Such a statement waits for a lock WRITE_WAIT_MS at most; the
 * slowest legitimate ones (a 1,000-row page of the catalog, a sync folding in 1,000 changed papers) take
 * well under a second at 100k papers (README, *Replicas*). 15 s leaves a loaded server plenty and still
 * answers a person within Slack's and Discord's windows for a follow-up.
 */
export const STATEMENT_ANSWER_MS = 15_000;
/**
 * A statement inside a transaction (background work: ingests, refreshes, the digest's ledger) may wait
 * TRANSACTION_WAIT_MS for a lock by design, and a bulk ingest's statements are the biggest the bot runs:
 * they get that wait and as long again.
 */
export const TRANSACTION_STATEMENT_ANSWER_MS = 2 * TRANSACTION_WAIT_MS;
// A peer that vanished (a host gone, a dropped NAT mapping) is found by TCP keepalive probes after this
// much silence, instead of the kernel's two hours, while a connection waits for a lock or sits idle.
const KEEPALIVE_AFTER_MS = 10_000;

/**
 * PostgreSQL gave no answer in time. It looks like a socket's read timeout (ETIMEDOUT), which is what it
 * is, so the driver adapter reports it as one (Prisma's P1008) and the stores say "busy" (../busy.ts):
 * the person is told in one sentence to try again, not left without an answer.
 */
export class NoAnswerError extends Error {
  readonly code = "ETIMEDOUT";
  readonly syscall = "read";
  readonly errno = -110;
  constructor(where: string, ms: number, what: string) {
    super(`PostgreSQL at ${where} did not answer ${what} within ${ms / 1000} s`);
    this.name = "NoAnswerError";
  }
}

type Limits = { where: string; statementMs: number | null };

/**
 * pg's Client, except that connecting, and (with `statementMs`) each statement, must get an answer in
 * time, else the connection is destroyed with NoAnswerError: the caller gets that error, the pool drops
 * the connection (a statement never answered leaves it unusable), and nothing waits on it any longer.
 * pg's own query_timeout does not do that: it fails the call but leaves the connection waiting, so the
 * ROLLBACK that follows in a transaction waited as long again, and the connection went back to the pool.
 */
function answeringClient(limits: Limits): typeof pg.Client {
  return class AnsweringClient extends pg.Client {
    override connect(...args: unknown[]): any {
      return this.#within(CONNECT_TIMEOUT_MS, "the connection", args, (a) => Reflect.apply(pg.Client.prototype.connect, this, a));
    }

    override query(...args: unknown[]): any {
      if (limits.statementMs === null) return Reflect.apply(pg.Client.prototype.query, this, args);
      const inTransaction = this.getTransactionStatus() === "T" || this.getTransactionStatus() === "E";
      const ms = inTransaction ? Math.max(limits.statementMs, TRANSACTION_STATEMENT_ANSWER_MS) : limits.statementMs;
      return this.#within(ms, "a statement", args, (a) => Reflect.apply(pg.Client.prototype.query, this, a));
    }

    #within(ms: number, what: string, args: unknown[], call: (args: unknown[]) => unknown): unknown {
      const timer = setTimeout(() => this.connection.stream.destroy(new NoAnswerError(limits.where, ms, what)), ms);
      timer.unref();
      const done = () => clearTimeout(timer);
      const last = args.at(-1);
      if (typeof last === "function") return call([...args.slice(0, -1), (...result: unknown[]) => { done(); last(...result); }]);
      const result = call(args);
      if (result instanceof Promise) result.then(done, done);
      else done(); // a submittable (a cursor) reads at its own pace
      return result;
    }
  };
}

export interface PostgresTarget { config: pg.ClientConfig; schema: string; poolSize: number; where: string }

const keepAlive = { keepAlive: true, keepAliveInitialDelayMillis: KEEPALIVE_AFTER_MS };

/** sslmode values whose meaning pg (without uselibpqcompat) changes from libpq's. */
const LIBPQ_SSL_MODES = new Set(["prefer", "require", "verify-ca"]);

/**
 * Reads the schema from the URL the way Prisma does (`?schema=name`), or from
 * `?options=-c search_path=name`. The Prisma client qualifies every table with its schema
 * ("public" unless told), so search_path alone would not steer it: the adapter gets the schema too.
 * `?connection_limit=N` (Prisma's name) sizes the pool.
 */
export function postgresTarget(url: string): PostgresTarget {
  const parsed = new URL(url);
  const options = parsed.searchParams.get("options") ?? "";
  const named = postgresSchema(parsed.searchParams);
  const schema = named.schema ?? "public";
  // loadConfig refuses such a URL; this is for one that did not come through it.
  if (!PLAIN_IDENTIFIER.test(schema)) throw new MigrationError(`The PostgreSQL schema "${schema.slice(0, 70)}" is not a plain identifier.`);
  const limit = Number(parsed.searchParams.get("connection_limit") ?? DEFAULT_POOL_SIZE);
  for (const param of ["schema", "connection_limit"]) parsed.searchParams.delete(param);
  // pg alone reads sslmode=prefer, require and verify-ca as verify-full, unlike libpq, psql and the Prisma
  // CLI, and says so in a ten-line warning on stderr: a managed server's URL ("?sslmode=require", often
  // a self-signed or private-CA certificate) was refused, and the warning broke the JSON log. Its libpq
  // mode reads them as every other client does; verify-full still checks the certificate and host.
  if (LIBPQ_SSL_MODES.has(parsed.searchParams.get("sslmode") ?? "") && !parsed.searchParams.has("uselibpqcompat")) {
    parsed.searchParams.set("uselibpqcompat", "true");
  }
  // Quoted, as the schema is created ("MySchema"): unquoted, PostgreSQL folds the name to lower case and the
  // migrations find no schema to create their tables in. A search_path typed in options is set so too.
  if (schema !== "public") {
    parsed.searchParams.set("options", `${options.replace(/-c\s*search_path=\S+/, "").trim()} -c search_path="${schema}"`.trim());
  }
  return {
    config: { connectionString: parsed.toString() },
    schema,
    poolSize: Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_POOL_SIZE,
    where: `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
  };
}

// PostgreSQL's answers that mean DATABASE_URL itself is wrong (no such database, role or password), not a
// server that is down: a configuration error (exit 2), which waiting and retrying will not fix.
const WRONG_SETTING: Record<string, string> = {
  "3D000": "names a database that does not exist there (create it, e.g. createdb, or fix the name)",
  "28000": "names a role the server does not accept",
  "28P01": "has a password the server refuses",
};

function misconfigured(error: unknown, where: string): ConfigError | null {
  const problem = WRONG_SETTING[String((error as { code?: unknown })?.code)];
  return problem ? new ConfigError(`Configuration error: DATABASE_URL ${problem} (PostgreSQL at ${where}).`) : null;
}

/** `onLockWait`: called when another process holds the migration lock, before waiting for it. */
export function postgresMigrationDriver(url: string, onLockWait?: () => void): MigrationDriver & { close(): Promise<void> } {
  const target = postgresTarget(url);
  // Connecting is bounded; statements are not: a replica waits here for another's migration (the
  // advisory lock) for as long as that takes, and a migration's statements may rewrite a big table.
  const Client = answeringClient({ where: target.where, statementMs: null });
  const client = new Client({ ...target.config, ...keepAlive });
  client.on("error", () => {}); // a dropped connection surfaces through the next query instead
  const connected = client.connect().catch((error: unknown) => {
    if (error instanceof NoAnswerError) {
      throw new CannotConnectError(`Cannot connect to PostgreSQL at ${target.where} (DATABASE_URL): it accepted the connection but did not answer within ${CONNECT_TIMEOUT_MS / 1000} s; check the host and port, and that the server is up.`);
    }
    throw misconfigured(error, target.where) ?? new CannotConnectError(`Cannot connect to PostgreSQL at ${target.where} (DATABASE_URL): ${(error as Error).message || String(error)}.`);
  });
  connected.catch(() => {}); // awaited (and reported) by withLock
  return {
    table: `"${target.schema}"."_prisma_migrations"`,
    async withLock(fn) {
      await connected;
      // Session-level lock: released by the unlock below, or by the server if this process dies.
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [MIGRATION_LOCK_KEY]);
      if (!rows[0]?.locked) {
        onLockWait?.();
        await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      }
      try { return await fn(); } finally { await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]); }
    },
    async ensureTable() {
      // Like `prisma migrate deploy`, create the configured schema when it is missing.
      if (target.schema !== "public") await client.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`);
      await client.query(`CREATE TABLE IF NOT EXISTS "${target.schema}"."_prisma_migrations" (
        id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,
        migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
        started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
    },
    async applied() {
      const { rows } = await client.query(`SELECT migration_name AS name, finished_at IS NOT NULL AS finished, checksum
        FROM "${target.schema}"."_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`);
      return rows as { name: string; finished: boolean; checksum: string }[];
    },
    async apply(m, id) {
      // One transaction per migration: PostgreSQL DDL is transactional, so a failure leaves nothing half-made.
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "${target.schema}"."_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
          VALUES ($1, $2, $3, clock_timestamp(), 1)`, [id, m.checksum, m.name]);
        await client.query("COMMIT");
      } catch (error) { await client.query("ROLLBACK"); throw error; }
    },
    async recordFailure(m, id, error) {
      // The row Prisma leaves for a failed migration: not finished, not rolled back, the error in logs (P3009).
      await client.query(`INSERT INTO "${target.schema}"."_prisma_migrations" (id, checksum, migration_name, logs, applied_steps_count)
        VALUES ($1, $2, $3, $4, 0)`, [id, m.checksum, m.name, error]);
    },
    close: async () => { await connected.catch(() => {}); await client.end().catch(() => {}); },
  };
}

/** A transaction (background work that queues by design) waits for a lock TRANSACTION_WAIT_MS, not the pool's WRITE_WAIT_MS. */
function transactionsWaitLonger(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider, adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      const start = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) => {
        const tx = await start(isolationLevel);
        try {
          await tx.executeRaw({ sql: `SET LOCAL lock_timeout = ${TRANSACTION_WAIT_MS}`, args: [], argTypes: [] });
        } catch (error) {
          await tx.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).finally(() => tx.rollback()).catch(() => undefined);
          throw error;
        }
        return tx;
      };
      return adapter;
    },
  };
}

/** `statementAnswerMs`: STATEMENT_ANSWER_MS unless a test asks for less. */
export function postgresClient(url: string, statementAnswerMs = STATEMENT_ANSWER_MS): PrismaClient {
  const target = postgresTarget(url);
  // A statement waits for another session's lock at most WRITE_WAIT_MS (../busy.ts), then fails as "busy".
  // Connecting and each statement must get an answer in time (answeringClient). Waiting for a free
  // connection of the pool is not bounded here: under a burst that is queueing, not a dead server, and
  // a transaction's wait for one is bounded by Prisma's maxWait.
  const pool = new pg.Pool({ ...target.config, ...keepAlive, max: target.poolSize, idleTimeoutMillis: 30_000, lock_timeout: WRITE_WAIT_MS,
    Client: answeringClient({ where: target.where, statementMs: statementAnswerMs }) });
  pool.on("error", () => {}); // an idle connection dropped by the server: the pool replaces it
  const adapter = transactionsWaitLonger(new PrismaPg(pool, { schema: target.schema, disposeExternalPool: true }));
  return new PrismaClient({ adapter, transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS } });
}
