// `papers start`: Slack, Discord and the cron jobs as configured; with no tokens, the terminal mode.
// On SIGTERM/SIGINT it stops taking work, lets what is in flight finish, closes the database, exits 0.
import { warnOfClockSkew } from "./clock-check.ts";
import { ConfigError, halfDiscord, misspeltSentence, noChatConfigured, userDirectory, type Config } from "../config.ts";
import type { Platform } from "../core/channel.ts";
import type { ChatTransport } from "../core/transport.ts";
import { createLogger, lastLine, registerConfigSecrets } from "../log.ts";
import { openTerminalLog, refreshNotice } from "./terminal.ts";
import { createServices } from "./services.ts";
import { createRegistry } from "../commands/index.ts";
import { startConsole } from "../adapters/console/index.ts";
import { ConsoleTransport } from "../adapters/console/transport.ts";
import { startDigestJob, type RunningDigest } from "../jobs/digest.ts";
import { staleDigestAfterMs } from "../jobs/cron.ts";
import { startRefreshJob } from "../jobs/refresh.ts";
import { startIndexSync } from "../jobs/index-sync.ts";
import { startEventPruning } from "../jobs/prune-events.ts";
import { startHealthServer } from "../adapters/http/health-server.ts";
import { createMetrics, metricsHandler, METRICS_PATH } from "../adapters/http/metrics.ts";
import { stopInReverse, type Running } from "../core/lifecycle.ts";
import { watchShutdown } from "./shutdown.ts";
import { unexpectedRejections, watchUnhandledRejections } from "./process-errors.ts";

/** How long quitting the terminal waits for the jobs' work in flight before leaving it. */
const QUIT_WAIT_MS = 2_000;

export async function start(config: Config, io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
  options: { requireChat?: boolean } = {}): Promise<number> {
  registerConfigSecrets(config);
  const chat = config.slack || config.discord;
  if (!chat && options.requireChat) throw new ConfigError(`Configuration error: ${noChatConfigured(config)}.`);
  const half = halfDiscord(config);
  if (half) throw new ConfigError(half);
  // In terminal mode a log line would land in the middle of the conversation: it goes to a file instead.
  const log = createLogger({ level: config.LOG_LEVEL, destination: chat ? io.stderr : openTerminalLog(config) });
  // A misspelt name leaves its setting at the default in silence (DATABSE_URL: the embedded SQLite file).
  // Terminal mode's log is a file: the person at the terminal is told too.
  for (const misspelt of config.misspeltVariables) {
    log.warn({ variable: misspelt.name, meant: misspelt.meant }, misspeltSentence(misspelt));
    if (!chat) io.stderr.write(`papers: ${misspeltSentence(misspelt)}\n`);
  }
  // A chat variable under a name papers-bot does not read (SLACK_TOKEN beside a working Discord): the
  // platform it was meant for is off, which the log says.
  const told = new Set(config.misspeltVariables.map((m) => m.name));
  if (chat) {
    for (const name of config.unreadChatVariables.filter((n) => !told.has(n))) {
      log.warn({ variable: name }, `${name} is not a setting papers-bot reads, so it changes nothing; the README's Configuration lists the Slack and Discord ones`);
    }
  }
  const metrics = chat ? createMetrics({ hfRefresh: config.HF_REFRESH === "on" }) : undefined;
  // Listening before the database opens: a signal while it migrates or loads the catalog is logged and
  // ends the start once that step is done (or at the shutdown deadline, shutdown.ts), with exit 0.
  const shutdown = watchShutdown(log);
  // A signal also ends a wait for another process's lock on a SQLite file: nothing is open yet to finish.
  const stopOpening = new AbortController();
  void shutdown.signal.then(() => stopOpening.abort());
  let opened: Awaited<ReturnType<typeof createServices>>;
  try { opened = await createServices(config, log, { stop: stopOpening.signal }); } catch (error) {
    // Asked to stop while the database was opening: the step is done and so is the start, as asked
    // (exit 0); why opening failed is logged, and the next start says it again if it still holds.
    if (shutdown.received) {
      log.warn({ reason: lastLine(error) }, "the database could not be opened; stopping as asked");
      shutdown.finished(0);
      shutdown.dispose();
      return 0;
    }
    shutdown.dispose();
    throw error;
  }
  const services = { ...opened, ...(metrics ? { metrics } : {}) };
  // A signal while the database opened: nothing else has started, so nothing else need stop. (In the terminal,
  // Ctrl-C pressed while it opened: no greeting and prompt for a person who has asked to leave.) Node reads a
  // signal between turns of its event loop, which SQLite's opening (synchronous) held: one turn first hears it.
  await new Promise((resolve) => setImmediate(resolve));
  if (shutdown.received) {
    await services.close();
    shutdown.finished(0);
    return 0;
  }
  const registry = createRegistry();
  if (!chat || !metrics) {
    // Terminal-mode subscriptions get their digests printed here.
    const digest = startDigestJob(services, new Map([["console", new ConsoleTransport(io.stdout)]]));
    // The same refresh from Hugging Face as chat mode (HF_REFRESH=off turns it off); its first run said once.
    let reported: (text: string | null) => void = () => {};
    const notice = new Promise<string | null>((resolve) => { reported = resolve; });
    let refresh: ReturnType<typeof startRefreshJob>;
    try {
      refresh = startRefreshJob(services, { onFirstRun: (outcome) => { void refreshNotice(services, outcome).then(reported, () => reported(null)); } });
    } catch (error) {
      // A schedule node-cron refuses: the digest job already runs and would keep the process alive.
      await digest.stop();
      await services.close();
      shutdown.dispose();
      throw error;
    }
    // Ctrl-C or SIGTERM ends the conversation as "quit" does.
    const ended = new AbortController();
    void shutdown.signal.then(() => ended.abort());
    await startConsole(services, registry, { input: io.stdin, output: io.stdout, signal: ended.signal, notice, cwd: userDirectory() });
    // The person has left: a job's write held up by another process's lock (for up to a minute) is no reason to
    // keep them waiting, nor to start another tick. Both jobs stop taking work at once; what one leaves undone is
    // safe to leave (a digest's claim lapses and its next run posts it, once; the refresh runs hourly), so past a
    // moment the process ends, and the log says what was left.
    const stopped = Promise.all([refresh?.stop(), digest.stop()]).then(() => services.close());
    let waited: NodeJS.Timeout | undefined;
    const done = await Promise.race([stopped.then(() => true), new Promise<false>((resolve) => { waited = setTimeout(resolve, QUIT_WAIT_MS, false); })]);
    clearTimeout(waited);
    if (!done) log.warn({ waitedMs: QUIT_WAIT_MS }, "left at quit with a job's database write unfinished (another process held the database); its next run does it");
    shutdown.finished(0, !done);
    shutdown.dispose();
    return 0;
  }

  const transports = new Map<Platform, ChatTransport>();
  const running: Running[] = [];
  /** A platform that will hear nothing more (a token revoked or reset while running): the bot stops, saying why. */
  const lost: Promise<Error>[] = [];
  let digest: RunningDigest | undefined;
  // The watch (from before the database opened) also covers a slow start-up here (Discord login).
  // A promise nobody awaits must not take the whole bot down: logged (and counted unless it is one of the
  // Slack library cases the net was made for), and the bot keeps serving (process-errors.ts).
  const unwatchRejections = watchUnhandledRejections(log);
  const stopAll = async () => {
    // Jobs first (no new digests), then adapters, each finishing what it has in flight; health last.
    await stopInReverse(running, (part, err) => log.error({ err, part: part.name }, "stop failed"));
    await services.close();
  };
  try {
    // /healthz: Bolt serves it on its own port in Slack's HTTP mode; otherwise this small server on PORT.
    // A digest job on a slower schedule than every minute is stale only past its own longest wait.
    const health = { unhandledRejections: unexpectedRejections, staleAfterMs: staleDigestAfterMs(config.DIGEST_CRON),
      ownLastTick: () => digest?.lastTick() ?? null };
    const routes = [{ path: METRICS_PATH, handler: metricsHandler(metrics, log) }];
    // Each step in turn, and none after a signal: one that came while an earlier step ran (Slack's auth.test,
    // a Discord login, either of which can take seconds) stops the start there, rather than log in to the
    // next platform and start the jobs only to stop them again.
    const steps: Array<() => Promise<void> | void> = [
      async () => { if (!(config.slack && !config.SLACK_APP_TOKEN)) running.push(await startHealthServer(services, config.PORT, health, routes)); },
      // Adapters (each registers its ChatTransport), then jobs that post through them.
      async () => {
        if (!config.slack) return;
        // Each platform's SDK is loaded only when it is configured (discord.js alone is ~30 MB resident).
        const { startSlack } = await import("../adapters/slack/index.ts");
        const slack = await startSlack(services, registry, { health, routes });
        transports.set("slack", slack.transport);
        running.push({ name: "slack", stop: slack.stop });
        lost.push(slack.lost);
      },
      async () => {
        if (!config.discord) return;
        const { startDiscord } = await import("../adapters/discord/index.ts");
        const discord = await startDiscord(services, registry);
        transports.set("discord", discord.transport);
        running.push({ name: "discord", stop: discord.stop });
        lost.push(discord.lost);
      },
      () => warnOfClockSkew(services), // before the digest job, whose due times read this process's clock
      () => {
        running.push(startEventPruning(services)); // Slack's events, and Share's claims on either platform
        running.push(startIndexSync(services)); // other replicas' ingests reach this search index
        digest = startDigestJob(services, transports);
        running.push(digest);
        const refresh = startRefreshJob(services);
        if (refresh) running.push(refresh);
      },
    ];
    for (const step of steps) {
      if (shutdown.received) break;
      await step();
    }
  } catch (error) {
    // A part that failed to start (bad token, port taken) must not leave the others holding the process open.
    await stopAll();
    unwatchRejections();
    shutdown.dispose();
    if (listenRefused(error, "EADDRINUSE")) throw new ConfigError(`Configuration error: PORT ${config.PORT} is already in use by another process; set PORT to a free port.`);
    if (listenRefused(error, "EACCES")) throw new ConfigError(`Configuration error: PORT ${config.PORT} needs root privileges to listen on; set PORT to 1024 or above (the container uses 3000).`);
    throw error;
  }
  if (!shutdown.received) log.info({ slack: config.slack, discord: config.discord, database: services.provider, running: running.map((r) => r.name) }, "papers-bot started");

  const failed = await Promise.race([shutdown.signal.then(() => null), ...lost]);
  await stopAll();
  unwatchRejections();
  if (failed) {
    // Said by the CLI as start-up failures are (one sentence, exit 2 for a ConfigError).
    shutdown.dispose();
    throw failed;
  }
  shutdown.finished(0);
  return 0;
}

/** Node's `code` (EADDRINUSE: the port is taken; EACCES: a port below 1024 without root) from listening,
 * however deep Bolt or node:http wrapped it. */
function listenRefused(error: unknown, code: "EADDRINUSE" | "EACCES"): boolean {
  for (let e = error as { code?: unknown; cause?: unknown; original?: unknown; message?: unknown; syscall?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if ((e.code === code && (code !== "EACCES" || e.syscall === "listen")) || new RegExp(`listen ${code}`).test(String(e.message ?? ""))) return true;
    e = (e.cause ?? e.original) as typeof e;
  }
  return false;
}
