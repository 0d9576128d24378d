// What can go wrong talking to the papers API, each with one short message fit for one log line or one
// sentence to a person. None carries a stack worth printing: callers log `message`, never the error.

export abstract class HfSourceError extends Error {
  abstract readonly kind: "network" | "http" | "rate_limited" | "body" | "stopped";
}

/** The bot is shutting down: the request (or its wait to retry) was dropped. Not a failure of the API. */
export class HfStoppedError extends HfSourceError {
  readonly kind = "stopped";
}

/** DNS, refused connection, reset, timeout: the API could not be reached at all. */
export class HfNetworkError extends HfSourceError {
  readonly kind = "network";
}

/** The API answered with an error status (after retries for 5xx). */
export class HfHttpError extends HfSourceError {
  readonly kind = "http";
  constructor(readonly status: number, message: string) { super(message); }
}

/** 429 for longer than we are willing to wait, or too many times in a row. */
export class HfRateLimitError extends HfSourceError {
  readonly kind = "rate_limited";
  constructor(readonly retryAfterMs: number | null, message: string) { super(message); }
}

/** The body was cut off, was not JSON, or was not the shape of a page at all. */
export class HfBodyError extends HfSourceError {
  readonly kind = "body";
}
