// How `papers start` ends. The first SIGTERM/SIGINT starts a graceful stop (the caller stops taking
// work, drains, closes the database); a hard deadline then guarantees the process is gone within
// SHUTDOWN_DEADLINE_MS even if some part hangs (a socket that never closes, a stuck query), because an
// orchestrator kills us soon after anyway and a half-dead bot that holds its port is worse. A second
// signal means "now": a person pressing Ctrl-C twice, or a supervisor losing patience.
import type { Logger } from "../log.ts";

/** Kubernetes' default grace period is 30 s, systemd's 90 s; the issue asks for 10 s, so end before that. */
export const SHUTDOWN_DEADLINE_MS = 9_500;

/** The bits of `process` this needs: the OS side, passed in so tests can play the signals. */
export interface SignalSource {
  on(event: "SIGTERM" | "SIGINT", listener: () => void): unknown;
  off(event: "SIGTERM" | "SIGINT", listener: () => void): unknown;
  exit(code: number): void;
}

export interface ShutdownWatch {
  /** Resolves with the first signal's name. */
  signal: Promise<string>;
  /** The first signal's name, once one came. */
  readonly received: string | null;
  /** The graceful stop finished: exit with `code` if something still holds the process open at the deadline.
   * `leaving`: exit soon even without a signal (the terminal's person quit, and only abandoned work is left). */
  finished(code: number, leaving?: boolean): void;
  /** Stop listening (after a normal end without any signal). */
  dispose(): void;
}

export function watchShutdown(log: Logger, options: { source?: SignalSource; deadlineMs?: number } = {}): ShutdownWatch {
  const source = options.source ?? process;
  const deadlineMs = options.deadlineMs ?? SHUTDOWN_DEADLINE_MS;
  let received: string | null = null;
  let exitCode: number | null = null;
  let deadline: NodeJS.Timeout | undefined;
  let resolveSignal!: (signal: string) => void;
  const signal = new Promise<string>((resolve) => { resolveSignal = resolve; });

  const onSignal = (name: string) => {
    if (received) {
      log.warn({ signal: name }, "second signal: exiting now");
      source.exit(exitCode ?? 1);
      return;
    }
    received = name;
    log.info({ signal: name, deadlineMs }, "shutting down");
    deadline = setTimeout(() => {
      if (exitCode === null) log.error({ deadlineMs }, "shutdown did not finish in time; exiting anyway");
      source.exit(exitCode ?? 1);
    }, deadlineMs);
    // Only a hang keeps the process alive long enough for this to fire; a clean stop exits on its own.
    deadline.unref();
    resolveSignal(name);
  };
  const onTerm = () => onSignal("SIGTERM");
  const onInt = () => onSignal("SIGINT");
  source.on("SIGTERM", onTerm);
  source.on("SIGINT", onInt);

  return {
    signal,
    get received() { return received; },
    finished(code, leaving = false) {
      exitCode = code;
      log.info({ signal: received, code }, "shut down");
      // Everything we own is closed; a handle some library forgot (a keep-alive socket) must not make
      // a clean stop wait for the deadline. Armed only after a signal or when leaving, never in a normal end.
      if (received || leaving) setTimeout(() => source.exit(code), 1_000).unref();
    },
    dispose() {
      source.off("SIGTERM", onTerm);
      source.off("SIGINT", onInt);
      if (deadline) clearTimeout(deadline);
    },
  };
}
