// A platform's API that cannot be reached at start-up (no network yet, a proxy in the way, a mistyped
// *_API_URL, an outage) is not a crash either: one sentence naming the service, where it was sought and what to
// check. Exit 1, not a configuration error's 2: it may pass by itself, and a supervisor restarts the bot.

// Socket-level failures, as Node reports them (Slack's WebClient wraps them in `original`, undici in `cause`).
const NETWORK = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "ECONNRESET", "EHOSTUNREACH",
  "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_SOCKET", "CERT_HAS_EXPIRED", "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "SELF_SIGNED_CERT_IN_CHAIN"]);

/** The socket-level error inside `error` (itself, its `original` or its `cause`, a few levels down), or null. */
function networkCause(error: unknown): { code: string; message: string } | null {
  let at = error as { code?: unknown; message?: unknown; original?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; at && depth < 4; depth++) {
    if (typeof at.code === "string" && NETWORK.has(at.code)) return { code: at.code, message: String(at.message ?? at.code) };
    at = (at.original ?? at.cause) as typeof at;
  }
  return null;
}

/**
 * The HTTP status of an answer that was not the API's own (Slack's WebClient: slack_webapi_http_error; discord.js:
 * one whose body held no Discord error): a mistyped *_API_URL's 404, a proxy's 403 or 502, an outage's
 * 503 after the retries. Said before as "start failed: An HTTP protocol error occurred: statusCode = 404", or
 * from discord.js "start failed: No Description". Null for anything else.
 */
function httpStatus(error: unknown): number | null {
  let at = error as { code?: unknown; name?: unknown; statusCode?: unknown; status?: unknown; original?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; at && depth < 4; depth++) {
    if (at.code === "slack_webapi_http_error" && typeof at.statusCode === "number") return at.statusCode;
    // discord.js: an HTTPError, or a DiscordAPIError without Discord's error code (a body that was not Discord's).
    const notDiscords = at.name === "HTTPError" || (/^DiscordAPIError/.test(String(at.name)) && at.code === undefined);
    if (notDiscords && typeof at.status === "number") return at.status;
    at = (at.original ?? at.cause) as typeof at;
  }
  return null;
}

/**
 * `error` as one sentence saying `service` could not be reached at `url` when it is a network failure, or an
 * HTTP answer that was not the API's; otherwise `error` itself. `variable` is the setting that overrides the address.
 */
export function unreachable(error: unknown, service: string, url: string, variable: string): unknown {
  const status = httpStatus(error);
  if (status !== null) {
    return new Error(`${service} at ${url} answered HTTP ${status}, not as its API does; check ${variable} if set and this machine's` +
      " proxy settings, then try again.");
  }
  const cause = networkCause(error);
  if (!cause) return error;
  const detail = cause.message.includes(cause.code) ? cause.message : `${cause.code}: ${cause.message}`;
  return new Error(`cannot reach ${service} at ${url} (${detail}); check this machine's network and proxy settings` +
    ` and ${variable} if set, then try again.`);
}
