// What Bolt 5.1's HTTPReceiver lets through and Slack's rules do not. Both guards wrap functions of
// HTTPModuleFunctions, which the receiver calls through that module's exports object (the typings call
// it read-only; at run time it is the CommonJS exports object), so the receiver's own 401/400 answers
// and logging stay as they are.
import { HTTPModuleFunctions } from "./bolt.ts";

/** Slack refuses a request whose timestamp differs from now by more than this, in either direction. */
export const MAX_REQUEST_SKEW_SECONDS = 5 * 60;

const httpFunctions = HTTPModuleFunctions as { -readonly [K in keyof typeof HTTPModuleFunctions]: (typeof HTTPModuleFunctions)[K] };
let installed = false;

/**
 * A signed request dated more than five minutes AHEAD is refused like a stale one: Bolt checks only the
 * past, so a captured request re-dated into the future would otherwise be replayable for as long as its
 * date lies ahead. The check runs after Bolt's own (signature, staleness), so it sees only signed requests;
 * Slack's unsigned `ssl_check=1` probe, which Bolt reduces to exactly that body, is left alone.
 */
function refuseFutureRequests(): void {
  const parseAndVerify = httpFunctions.parseAndVerifyHTTPRequest;
  httpFunctions.parseAndVerifyHTTPRequest = async (options, request, response) => {
    const buffered = await parseAndVerify(options, request, response);
    if (options.enabled === false || buffered.rawBody.toString() === "ssl_check=1") return buffered;
    const timestamp = Number(HTTPModuleFunctions.getHeader(request, "x-slack-request-timestamp"));
    if (timestamp - Math.floor(Date.now() / 1000) > MAX_REQUEST_SKEW_SECONDS) {
      throw new Error("Failed to verify authenticity: x-slack-request-timestamp is more than 5 minutes in the future");
    }
    return buffered;
  };
}

/**
 * The receiver reads `body.ssl_check` from whatever a signed body parses to, so a body of `null` threw
 * inside a promise nobody awaits: no answer, and an unhandled rejection (found by
 * tests/fuzz/slack-http.test.ts). Anything but an object is refused where Bolt parses it, so Bolt
 * answers its own 400 "Malformed request body" instead.
 */
function refuseNonObjectBodies(): void {
  const parseBody = httpFunctions.parseHTTPRequestBody;
  httpFunctions.parseHTTPRequestBody = (request: Parameters<typeof parseBody>[0]) => {
    const body: unknown = parseBody(request);
    if (body === null || typeof body !== "object") throw new Error("the request body is not an object");
    return body;
  };
}

/** Once per process, before the first HTTPReceiver handles a request. */
export function installReceiverGuards(): void {
  if (installed) return;
  installed = true;
  refuseFutureRequests();
  refuseNonObjectBodies();
}
