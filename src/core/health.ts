// What GET /healthz reports. Healthy means: the database answers, and the digest job is ticking. The
// digest job is what a team notices when it silently stops (no morning list), so a tick older than the
// threshold makes the bot unhealthy and an orchestrator restarts it. "Ticking" counts failed ticks too:
// one channel that keeps failing is a logged problem in that channel, not a reason to restart the bot.
// The paper refresh is reported but never fails the check: when Hugging Face is down the bot keeps
// serving the last good list, which is the right behaviour, not an outage.
// A database that stops answering fails the check only once it has been out for DATABASE_GRACE_MS: a
// restart or failover of PostgreSQL is not cured by restarting the bot (whose start would then fail too,
// and a supervisor back off), and the pool reconnects by itself; an outage that lasts, or a pool that
// never comes back, is one a restart may cure.
import type { Services } from "./services.ts";
import { DIGEST_JOB, REFRESH_JOB, type JobRun } from "./stores/job-runs.ts";

export interface HealthOptions {
  /** When this process started serving; a fresh process gets the threshold as grace before its first tick. */
  startedAt: Date;
  /** Whether this process runs the digest job (so a stale tick is its problem). */
  digestRunning: boolean;
  /**
   * This process's own last digest tick that recorded itself (jobs/digest.ts). When given, staleness is
   * judged on it rather than on the shared record, which any replica's tick moves: a replica whose digest
   * job has died is then unhealthy (and restarted) while the others keep ticking.
   */
  ownLastTick?: () => Date | null;
  /** Digest tick older than this → unhealthy. Default 5 minutes (the job ticks every minute). */
  staleAfterMs?: number;
  /** A database that does not answer within this is unreachable. Default 2 s. */
  databaseTimeoutMs?: number;
  /** How long the database may stay unreachable before the check fails. Default DATABASE_GRACE_MS. */
  databaseGraceMs?: number;
  /** Since when the database has been unreachable, kept between checks by whoever serves them (null: it
   * answered last time). Without it each check sees an outage start afresh. */
  outage?: { since: Date | null };
  /**
   * Promise rejections nobody handled that this process survived (app/process-errors.ts): reported once
   * there are any, without failing the check (the bot still serves; the logs have each one at error).
   */
  unhandledRejections?: () => number;
}

export interface HealthStatus {
  ok: boolean;
  database: "reachable" | "unreachable";
  /** ISO times from the JobRun table (null: never). */
  lastDigestTick: string | null;
  lastDigestSuccess: string | null;
  lastPaperRefresh: string | null;
  /** One sentence on why it is unhealthy, or a note on the last digest tick when it failed somewhere. */
  reason?: string;
  /** How many unhandled rejections this process survived, when there were any. */
  unhandledRejections?: number;
}

const DEFAULT_STALE_MS = 5 * 60_000;
export const DATABASE_GRACE_MS = 5 * 60_000;
const DEFAULT_DB_TIMEOUT_MS = 2_000;

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms); });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const minutes = (ms: number): string => { const m = Math.round(ms / 60_000); return `${m} minute${m === 1 ? "" : "s"}`; };
/** A span as a person reads it: seconds under two minutes, minutes after. */
const span = (ms: number): string => (ms < 120_000 ? `${Math.round(ms / 1000)} s` : minutes(ms));
const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
const latest = (a: Date | null | undefined, b: Date | null | undefined): Date | null =>
  (a && b ? (a > b ? a : b) : a ?? b ?? null);

export async function healthStatus(services: Pick<Services, "database" | "jobRuns" | "clock">, options: HealthOptions): Promise<HealthStatus> {
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_MS;
  const timeoutMs = options.databaseTimeoutMs ?? DEFAULT_DB_TIMEOUT_MS;
  const down: HealthStatus = { ok: false, database: "unreachable", lastDigestTick: null, lastDigestSuccess: null, lastPaperRefresh: null };
  let runs: JobRun[];
  try {
    await within(services.database.ping(), timeoutMs, "the database");
    runs = await within(services.jobRuns.read([DIGEST_JOB, REFRESH_JOB]), timeoutMs, "the database");
  } catch (error) {
    // The message names the cause (refused, timed out) but never the URL, which may hold a password.
    const cause = error instanceof Error && /did not answer/.test(error.message) ? error.message : "the database is not reachable";
    const now = services.clock();
    const since = options.outage ? (options.outage.since ??= now) : now;
    const out = Math.max(0, now.getTime() - since.getTime());
    const graceMs = options.databaseGraceMs ?? DATABASE_GRACE_MS;
    const sentence = `${cause[0]!.toUpperCase()}${cause.slice(1)}${out >= 1000 ? ` (for ${span(out)})` : ""}`;
    return out > graceMs ? { ...down, reason: `${sentence}.` } : { ...down, ok: true,
      reason: `${sentence}; commands are told so and the bot reconnects by itself, so this check fails only once it lasts ${span(graceMs)}.` };
  }
  if (options.outage) options.outage.since = null;
  const digest = runs.find((r) => r.name === DIGEST_JOB);
  const refresh = runs.find((r) => r.name === REFRESH_JOB);
  const lastTick = latest(digest?.lastSuccessAt, digest?.lastFailureAt);
  const status: HealthStatus = {
    ok: true, database: "reachable",
    lastDigestTick: iso(lastTick), lastDigestSuccess: iso(digest?.lastSuccessAt), lastPaperRefresh: iso(refresh?.lastSuccessAt),
  };
  const now = services.clock().getTime();
  if (options.digestRunning) {
    // Measured from the later of the last tick and this process's start, so a new replica is not unhealthy.
    const ticked = options.ownLastTick ? options.ownLastTick() : lastTick;
    const since = Math.max(ticked?.getTime() ?? 0, options.startedAt.getTime());
    if (now - since > staleAfterMs) {
      return { ...status, ok: false, reason: options.ownLastTick
        ? `This process's digest job has finished no tick for ${minutes(now - since)} (another replica's ticks do not count; nor does a tick that cannot write to the database).`
        : `The digest job has recorded no tick for ${minutes(now - since)} (a tick that cannot write to the database records none).` };
    }
  }
  const lastDigestFailed = digest?.lastFailureAt && (!digest.lastSuccessAt || digest.lastFailureAt > digest.lastSuccessAt);
  // /healthz is unauthenticated (it shares Slack's public port): the error text itself stays in the logs.
  if (lastDigestFailed) status.reason = "The last digest tick failed for some channels; the logs say which.";
  return status;
}
