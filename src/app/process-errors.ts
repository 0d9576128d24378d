// The process-wide net for promise rejections nobody handled. It was added for one kind: a Slack library
// failing inside a promise it never awaits (Bolt 5.1's HTTP receiver on a signed `null` body,
// @slack/socket-mode 3.1.0's dispatch on a malformed frame). Those are now refused before they reach the
// library (slack/receiver-guards.ts, slack/socket-mode.ts), so one still arriving from those libraries is
// logged as a warning. Anything else is a bug of ours or of another dependency: logged at error with how
// many there have been, and counted, so /healthz shows it (start.ts hands `unexpectedRejections` to the
// health check); the bot keeps serving either way.
import type { Logger } from "../log.ts";

/** Stack frames of the libraries the net was made for. */
const SLACK_LIBRARY_FRAME = /[\\/]node_modules[\\/]@slack[\\/](bolt[\\/]dist[\\/]receivers|socket-mode)[\\/]/;

let unexpected = 0;

/** Unhandled rejections not from the Slack libraries' known paths, since the process started. */
export function unexpectedRejections(): number { return unexpected; }

export interface RejectionSource {
  on(event: "unhandledRejection", listener: (reason: unknown) => void): unknown;
  off(event: "unhandledRejection", listener: (reason: unknown) => void): unknown;
}

export function watchUnhandledRejections(log: Logger, source: RejectionSource = process): () => void {
  const listener = (reason: unknown) => {
    const stack = reason instanceof Error ? reason.stack ?? "" : "";
    if (SLACK_LIBRARY_FRAME.test(stack)) {
      log.warn({ err: reason }, "a Slack library promise failed where nobody awaits it; still running");
      return;
    }
    unexpected++;
    log.error({ err: reason, unhandledRejections: unexpected }, "unhandled promise rejection; still running");
  };
  source.on("unhandledRejection", listener);
  return () => { source.off("unhandledRejection", listener); };
}
