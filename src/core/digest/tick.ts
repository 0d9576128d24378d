// One digest tick as of an injected instant: every active subscription whose local time has come today
// (and whose day is not settled in the ledger) gets its digest, several channels at a time. One channel's
// failure is that channel's outcome, never the tick's. The caller (node-cron, the CLI, a test) owns time.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { channelKey, type ChannelRef, type Platform } from "../channel.ts";
import type { ChatTransport } from "../transport.ts";
import type { Services } from "../services.ts";
import { DeliveryLedger } from "../delivery/ledger.ts";
import { defaultRetryPolicy, type RetryPolicy } from "../retry.ts";
import { dayKey } from "../stores/deliveries.ts";
import { DIGEST_JOB } from "../stores/job-runs.ts";
import type { ChannelOutcome } from "./fanout.ts";
import { deliverSubscription, dueFor, type KindDue } from "./kinds.ts";
import { isTimeZone } from "../time.ts";
import { recentPerTick, trendingPerTick } from "./plan.ts";

export interface TickOptions {
  /** Channels posted to at once per platform (each channel's messages go one after another); by default
   * the transport's own `concurrency`, else DEFAULT_CONCURRENCY. */
  concurrency?: number;
  retry?: RetryPolicy;
  /** Checked before each message: true once shutdown began. */
  stopping?: () => boolean;
  /** Aborted when shutdown begins, to end a wait between retries at once. */
  signal?: AbortSignal;
  /** Who claims ledger rows; one per process. */
  owner?: string;
}

/** `settled`: due, but the ledger has the period already (sent, skipped, or failed for good): an operator's
 * second `papers digest run` counts its channels here, not nowhere. */
export interface TickReport { at: string; channels: ChannelOutcome[]; notDue: number; paused: number; settled: number }

export const processOwner = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
export const DEFAULT_CONCURRENCY = 16;

async function pool<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => { while (next < tasks.length) { const i = next++; results[i] = await tasks[i]!(); } };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, worker));
  return results;
}

export async function runDigestTick(services: Services, transports: ReadonlyMap<Platform, ChatTransport>, now: Date,
  options: TickOptions = {}): Promise<TickReport> {
  const started = performance.now();
  // Time inside the tick moves on from the injected instant at the real pace (leases, sentAt).
  const clock = () => new Date(now.getTime() + (performance.now() - started));
  const ledger = new DeliveryLedger(services.deliveries, options.owner ?? processOwner);
  const control = { retry: options.retry ?? defaultRetryPolicy, clock, stopping: options.stopping ?? (() => false),
    ...(options.signal ? { signal: options.signal } : {}) };
  const report: TickReport = { at: now.toISOString(), channels: [], notDue: 0, paused: 0, settled: 0 };
  try {
    const subs = await services.subscriptions.all();
    const due = subs.flatMap((sub) => {
      if (sub.pausedReason) { report.paused++; return []; }
      const channel: ChannelRef = { platform: sub.platform as Platform, workspaceId: sub.workspaceId, channelId: sub.channelId };
      let check: KindDue;
      try { check = dueFor(sub, now); } catch (error) {
        // A zone this runtime's ICU does not know (stored by a replica on a newer Node, or restored from
        // elsewhere) throws in Intl: that channel alone fails, where it stopped every channel's digest here.
        services.log.error({ err: error, channel, timeZone: sub.timeZone }, "digest schedule unreadable");
        const reason = isTimeZone(sub.timeZone) ? "its schedule could not be read" : `its time zone "${sub.timeZone.slice(0, 60)}" is unknown to this process`;
        report.channels.push({ channel, localDate: "", outcome: "failed", posted: 0, reason });
        return [];
      }
      if (!check.due) { report.notDue++; return []; }
      return [{ sub, check, channel }];
    });
    const settled = await ledger.settled([...new Set(due.map((d) => d.check.localDate))]);
    const deps = { ...services, trending: trendingPerTick(services.papers), recent: recentPerTick(services.posted, now) };
    // One pool per platform: Slack's limit is per channel, Discord's per bot, so each sets its own width. A
    // channel's digests due together (its daily and its weekly at 09:00) are one task, one after the other,
    // the daily first: run side by side, their headers and papers would interleave in the channel.
    const tasks = new Map<Platform, Map<string, (() => Promise<ChannelOutcome>)[]>>();
    due.sort((a, b) => Number(a.sub.cadence === "weekly") - Number(b.sub.cadence === "weekly"));
    for (const { sub, check, channel } of due) {
      if (settled.has(dayKey({ ...channel, localDate: check.localDate }))) { report.settled++; continue; }
      const transport = transports.get(channel.platform);
      if (!transport) {
        report.channels.push({ channel, localDate: check.localDate, outcome: "skipped", posted: 0, reason: `no ${channel.platform} connection in this process` });
        continue;
      }
      const byChannel = tasks.get(channel.platform) ?? new Map<string, (() => Promise<ChannelOutcome>)[]>();
      tasks.set(channel.platform, byChannel);
      const key = channelKey(channel);
      if (!byChannel.has(key)) byChannel.set(key, []);
      byChannel.get(key)!.push(async (): Promise<ChannelOutcome> => {
        try { return await deliverSubscription(deps, ledger, transport, channel, sub, check, control); }
        catch (error) {
          // The ledger itself failed (database trouble): this channel only; the next tick tries again.
          services.log.error({ err: error, channel }, "digest delivery crashed");
          return { channel, localDate: check.localDate, outcome: "failed", posted: 0, reason: "unexpected error; retrying next tick" };
        }
      });
    }
    const inTurn = (list: (() => Promise<ChannelOutcome>)[]) => async () => {
      const out: ChannelOutcome[] = [];
      for (const task of list) out.push(await task());
      return out;
    };
    const outcomes = await Promise.all([...tasks].map(([platform, byChannel]) =>
      pool([...byChannel.values()].map(inTurn), options.concurrency ?? transports.get(platform)!.concurrency ?? DEFAULT_CONCURRENCY)));
    report.channels.push(...outcomes.flat(2));
    for (const c of report.channels) services.metrics?.digestChannel({ platform: c.channel.platform, outcome: c.outcome, posted: c.posted });
    const failed = report.channels.filter((c) => c.outcome === "failed" && !c.reason?.startsWith("paused"));
    // When the tick really ran (the process's clock), not the instant it acted as: `papers digest run --now`
    // a year ahead must not make /healthz think the job ticked then.
    await services.jobRuns.record(DIGEST_JOB, services.clock(), failed.length ? `${failed.length} channel(s) failed: ${failed[0]!.reason}` : null);
    // Only a tick that could record itself counts: with the database full, every tick fails to, and the
    // metric must stand still so the alert on it fires (as /healthz, which reads the record, turns 503).
    services.metrics?.digestTickFinished(services.clock());
    return report;
  } catch (error) {
    await services.jobRuns.record(DIGEST_JOB, services.clock(), (error as Error)?.message ?? String(error)).catch(() => {});
    throw error;
  }
}
