// Socket Mode: Bolt's receiver over a WebSocket the bot opens with its app-level token. There are no
// signed requests to date-check here (see receiver-guards.ts): the connection itself is the credential.
//
// @slack/socket-mode 3.1.0 reads a frame's fields without looking: a `null` frame, or an `events_api`
// envelope without `payload.event`, throws inside its message handler, an async function nobody awaits,
// so the bot saw only an unhandled rejection. Frames are checked here before the client sees them; one
// that cannot be processed is acknowledged when it has an envelope id (so Slack does not send it again),
// logged, and dropped. Anything the client still throws is caught and logged at error with the frame's
// type, never left to the process-wide handler.
import type { Logger as BoltLogger, webApi } from "@slack/bolt";
import { SocketModeReceiver } from "./bolt.ts";
import type { Logger } from "../../log.ts";
import { isRefusal, tokenLost } from "./credentials.ts";

type Frame = Record<string, unknown>;
type Dispatch = (data: unknown, isBinary: boolean) => unknown;

const isObject = (value: unknown): value is Frame => typeof value === "object" && value !== null && !Array.isArray(value);

/** Why a frame cannot be handed to the client, or null when it can. */
export function frameProblem(frame: unknown): string | null {
  if (!isObject(frame)) return "the frame is not an object";
  if (typeof frame.type !== "string") return "the frame has no type";
  if (frame.type === "hello" || frame.type === "disconnect") return null;
  if (typeof frame.envelope_id !== "string" || !frame.envelope_id) return "the envelope has no envelope_id";
  if (!isObject(frame.payload)) return "the envelope has no payload";
  if (frame.type === "events_api" && !(isObject(frame.payload.event) && typeof frame.payload.event.type === "string")) {
    return "the events_api envelope has no event";
  }
  return null;
}

function guardDispatch(client: SocketModeReceiver["client"], log: Logger): void {
  const dispatchers = client.listeners("ws_message") as Dispatch[];
  client.removeAllListeners("ws_message");
  client.on("ws_message", (data: unknown, isBinary: boolean) => {
    if (!isBinary && typeof data === "string") {
      let frame: unknown;
      try { frame = JSON.parse(data); } catch { frame = undefined; }
      const problem = frameProblem(frame);
      if (problem) {
        log.warn({ part: "slack", problem, type: isObject(frame) ? String(frame.type).slice(0, 40) : typeof frame },
          "slack sent a Socket Mode frame that cannot be processed; dropped");
        if (isObject(frame) && typeof frame.envelope_id === "string" && frame.envelope_id) {
          // send() is how the client acknowledges (typed private, public at run time).
          (client as unknown as { send(id: string, body: object): Promise<void> }).send(frame.envelope_id, {}).catch((err: unknown) => log.warn({ err, part: "slack" }, "could not acknowledge a dropped Socket Mode frame"));
        }
        return;
      }
    }
    for (const dispatch of dispatchers) {
      Promise.resolve().then(() => dispatch.call(client, data, isBinary))
        .catch((err: unknown) => log.error({ err, part: "slack" }, "a Socket Mode frame failed in the Slack client"));
    }
  });
}

/**
 * What Bolt calls when processing an event threw. Its default writes the envelope's `type` into a string,
 * and a frame whose type is an object with no usable toString (`{"type":{"toString":1}}`) made that throw
 * too, as an unhandled rejection. Returns whether to acknowledge, as Bolt's own does: an authorization
 * failure is, so Slack stops retrying it.
 */
export function eventErrorHandler(log: Logger) {
  return async ({ error, event }: { error: Error; event: { body?: unknown } }): Promise<boolean> => {
    const type = (event.body as { type?: unknown } | undefined)?.type;
    log.error({ err: error, part: "slack", type: typeof type === "string" ? type.slice(0, 40) : typeof type }, "Bolt could not process a Socket Mode event");
    return (error as { code?: unknown } | null)?.code === "slack_bolt_authorization_error";
  };
}

/**
 * A connection Slack closed is reopened by the client (apps.connections.open, then a new socket), and when
 * that call is refused (the app-level token revoked or regenerated) the client gives up and rejects into
 * nothing: an unhandled rejection, and a bot that runs, looks healthy and hears nothing. Once the first
 * start succeeded, a refused reopening is reported through `onLost`; any other failure (the client itself
 * retries network errors and 5xx for a long while before that) is logged, not left unhandled.
 */
function watchReconnects(client: SocketModeReceiver["client"], log: Logger, onLost: (error: Error) => void): void {
  const start = client.start.bind(client);
  let started = false;
  // The client reconnects by calling this.start, read off the instance: this replaces it there.
  client.start = async () => {
    try {
      const connected = await start();
      started = true;
      return connected;
    } catch (error) {
      if (!started) throw error; // papers start says why (startSlack)
      const code = isRefusal(error);
      if (code) onLost(tokenLost("SLACK_APP_TOKEN", code));
      else log.error({ err: error, part: "slack" }, "the Socket Mode connection could not be reopened");
      // What the client's reconnect timer resolves with, which nothing reads.
      return { ok: false, error: code ?? "reconnect_failed" };
    }
  };
}

/** `clientOptions` reach the Socket Mode client's own WebClient (apps.connections.open), SLACK_API_URL included. */
export function createSocketModeReceiver(appToken: string, logger: BoltLogger, log: Logger,
  clientOptions: Pick<webApi.WebClientOptions, "slackApiUrl" | "fetch">, onLost: (error: Error) => void): SocketModeReceiver {
  const receiver = new SocketModeReceiver({ appToken, logger, installerOptions: { clientOptions }, processEventErrorHandler: eventErrorHandler(log) });
  guardDispatch(receiver.client, log);
  watchReconnects(receiver.client, log, onLost);
  return receiver;
}
