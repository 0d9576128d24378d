// Who sends a digest is settled on the database's clock (a delivery's lease, persistence/prisma/ledger-sql.ts),
// but when it falls due is read on each process's own: its cron and the subscriber's local time and date.
// A replica ahead of the others posts digests early by as much (one behind, late, when it is alone), and
// Slack's HTTP mode refuses requests dated more than 5 minutes off it. The database's clock is the one the
// replicas share, so a process that is off it by more than SKEW_WARN_MS says so at start-up, with what to
// do. SQLite has no clock of its own (its processes share the machine's).
import type { Services } from "../core/services.ts";

export const SKEW_WARN_MS = 10_000;

/** This process's clock minus the database's, in ms (a round trip's error), or null where there is none to compare. */
export async function clockSkewMs(services: Pick<Services, "database" | "clock">): Promise<number | null> {
  if (!services.database.now) return null;
  const before = Date.now();
  const theirs = await services.database.now();
  const midway = services.clock().getTime() - (Date.now() - before) / 2;
  return Math.round(midway - theirs.getTime());
}

/** Warns in the log when the clocks disagree by more than SKEW_WARN_MS; never stops the start (a failed read is logged). */
export async function warnOfClockSkew(services: Pick<Services, "database" | "clock" | "log">): Promise<void> {
  const skew = await clockSkewMs(services).catch((error: unknown) => {
    services.log.debug({ reason: error instanceof Error ? error.message : String(error) }, "could not read the database's clock");
    return null;
  });
  if (skew === null || Math.abs(skew) <= SKEW_WARN_MS) return;
  const seconds = Math.round(Math.abs(skew) / 1000);
  services.log.warn({ skewSeconds: Math.round(skew / 1000) },
    `this machine's clock is ${seconds} s ${skew > 0 ? "ahead of" : "behind"} the database's, so this process may post digests ${seconds} s ` +
    `${skew > 0 ? "early" : "late"} (a digest falls due by this machine's clock; which replica sends it is settled on the database's), ` +
    "and Slack over HTTP refuses requests dated more than 5 minutes off it: keep every replica's clock synchronised (NTP)");
}
