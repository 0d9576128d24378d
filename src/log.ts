// Structured logs (pino). Secrets never reach a log line: known token shapes are masked in every
// string pino writes, and the usual secret-bearing keys are redacted wherever they sit in an object.
import { readFileSync } from "node:fs";
import { createRequire, SourceMap } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import { TOKEN_PATTERNS, type Config } from "./config.ts";

export type { Logger };

// user:password@ in any URL (a database URL in a driver's error): the password goes, the host stays.
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^:@\s/"]*:)[^@\s/"]+@/gi;

// Credentials that are a URL's path: a Discord interaction's token (/interactions/<id>/<token>/callback, and
// /webhooks/<app>/<token>/… for its replies), with which anyone may answer as the bot in that channel for 15
// minutes, and a Slack response_url or webhook (hooks.slack.com/commands/…), which posts there as it. A failed
// request's error carries its url, and pino's error serializer logs it.
const PATH_CREDENTIALS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(\/(?:interactions|webhooks)\/\d+\/)[^/?#\s"\\]+/g, "$1[redacted]"],
  [/(hooks\.slack\.com\/[a-z]+\/)[^?#\s"\\]+/gi, "$1[redacted]"],
];

const REDACT_KEYS = ["token", "botToken", "appToken", "signingSecret", "authorization", "Authorization",
  "password", "secret", "clientSecret", "DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"];

const extraSecrets = new Set<string>();

/** Register a configured secret (a token from the environment) so it is masked even if its shape is unknown. */
export function registerSecret(secret: string | undefined): void {
  if (!secret || secret.length < 6) return;
  extraSecrets.add(secret);
  // A log line is JSON: a secret with a quote or backslash appears there escaped.
  const escaped = JSON.stringify(secret).slice(1, -1);
  if (escaped !== secret) extraSecrets.add(escaped);
}

/** Every secret the configuration holds: tokens, the signing secret, the database password. */
export function registerConfigSecrets(config: Config): void {
  for (const secret of [config.SLACK_BOT_TOKEN, config.SLACK_SIGNING_SECRET, config.SLACK_APP_TOKEN, config.DISCORD_TOKEN]) registerSecret(secret);
  if (!config.DATABASE_URL.startsWith("file:")) {
    try {
      const password = new URL(config.DATABASE_URL).password;
      registerSecret(password);
      registerSecret(decodeURIComponent(password));
    } catch { /* not a URL: nothing to register */ }
  }
}

export function maskSecrets(text: string): string {
  let out = text;
  for (const secret of extraSecrets) out = out.split(secret).join("[redacted]");
  for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, "[redacted]");
  out = out.replace(URL_PASSWORD, "$1[redacted]@");
  for (const [pattern, masked] of PATH_CREDENTIALS) out = out.replace(pattern, masked);
  return out;
}

/**
 * An error's (or a message's) reason in one line: its last non-blank line. Prisma's messages carry a code
 * frame of our source ("Invalid `prisma.bookmark.findMany()` invocation: …") before the reason on their
 * last line; a one-line message is itself.
 */
export function lastLine(error: unknown): string {
  const message = typeof error === "string" ? error : String((error as Error)?.message ?? error);
  return message.split("\n").map((l) => l.trim()).filter(Boolean).pop() ?? "unknown error";
}

/** The reason of `error` and of each of its causes, one line each, joined as pino joins their messages. */
function reasons(error: Error): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (e.message.trim()) parts.push(lastLine(e));
  }
  return parts.join(": ");
}

type LoggerOptions = { level?: string; destination?: NodeJS.WritableStream };

/**
 * The logger, made on first use. A one-shot command usually logs nothing at its level (warn), and
 * loading pino (and what it requires) was ~40 ms of CPU of each `papers search`; so pino is required,
 * synchronously, the first time anything reads or sets a property of the logger (a log call, a child,
 * its level). Functions read from it are bound to the real logger, so a child or a log call behaves as
 * pino's own.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  let real: Logger | undefined;
  const logger = () => (real ??= pinoLogger(options));
  // The target only satisfies Proxy's typing: every trap below answers from the real logger.
  return new Proxy({} as Logger, {
    get(_target, key) {
      const it = logger();
      const value: unknown = Reflect.get(it, key, it);
      return typeof value === "function" ? value.bind(it) : value;
    },
    set: (_target, key, value) => Reflect.set(logger(), key, value),
    has: (_target, key) => Reflect.has(logger(), key),
  });
}

/** Errors that are conditions, not bugs: logged as their sentence alone. */
const EXPECTED_ERRORS = new Set(["DatabaseBusyError", "DatabaseUnreachableError", "DatabaseUnwritableError", "TransientPostError"]);

function pinoLogger(options: LoggerOptions): Logger {
  // pino is CommonJS: require()d here, when the first log line (or child logger) needs it.
  const { pino } = createRequire(import.meta.url)("pino") as typeof import("pino");
  const errorWithSource = (error: Error) => {
    // A database another process holds locked, one out of reach or refusing writes, is expected, not a bug: what happened,
    // without the stack and the driver's code frame (stores/busy.ts), or every refused write fills the log
    // with them. So is a platform that keeps failing a digest's posts (core/transport.ts): its sentence
    // names the platform and the reason, once per channel, where a stack per channel buried it.
    if (EXPECTED_ERRORS.has(error?.name)) return { type: error.name, message: error.message };
    const serialized = pino.stdSerializers.err(error);
    // The reason alone, as the CLI says it: a Prisma message is a code frame of our source and then the
    // reason, on many lines. The whole of it stays in `stack`, which starts with it.
    if (typeof serialized?.message === "string" && serialized.message.includes("\n")) serialized.message = reasons(error);
    if (typeof serialized?.stack === "string") serialized.stack = sourceStack(serialized.stack);
    return serialized;
  };
  const destination = options.destination ?? process.stderr;
  const masked = { write: (line: string) => destination.write(maskSecrets(line)) };
  return pino({
    level: options.level ?? "info",
    base: undefined,
    // Level names and ISO times: readable in `kubectl logs`/`docker logs` and by any log shipper without a lookup table.
    formatters: { level: (label) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    // An Error under `error` or `cause` would otherwise serialize as its enumerable fields only: no message.
    serializers: { err: errorWithSource, error: errorWithSource, cause: errorWithSource },
    redact: { paths: [...REDACT_KEYS, ...REDACT_KEYS.map((k) => `*.${k}`), "*.headers.authorization", "*.config.headers.Authorization"], censor: "[redacted]" },
  }, masked);
}

// A logged stack names src/*.ts, not the bundle bin/papers.js runs (dist/bundle/*.js, built with linked
// source maps). Mapped here, when an error is logged, reading a chunk's map the first time one of its
// frames is logged: Node's own source-map support (--enable-source-maps) reads and indexes the map of
// every module as it loads, whether or not anything is ever logged, which was ~150 ms of CPU of each
// `papers start`. Frames elsewhere (node_modules, node:) are left as they are.
const BUNDLE_FRAME = /(file:\/\/\/[^\s()]*\/dist\/bundle\/[^\s():]+\.js):(\d+):(\d+)/g;
const maps = new Map<string, SourceMap | null>();

function mapOf(url: string): SourceMap | null {
  let map = maps.get(url);
  if (map === undefined) {
    try { map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, "utf8"))); } catch { map = null; }
    maps.set(url, map);
  }
  return map;
}

/** `stack` with each frame in the bundle replaced by its place in src/ (absolute path:line:column). */
export function sourceStack(stack: string): string {
  return stack.replace(BUNDLE_FRAME, (frame, url: string, line: string, column: string) => {
    const entry = mapOf(url)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !("originalSource" in entry) || !entry.originalSource) return frame;
    return `${resolve(dirname(fileURLToPath(url)), entry.originalSource)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
