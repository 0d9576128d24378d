// Structured logs (pino). Secrets never reach a log line: known token shapes are masked in every
// string pino writes, and the usual secret-bearing keys are redacted wherever they sit in an object.
import { pino, type Logger } from "pino";

export type { Logger };

const TOKEN_PATTERNS = [
  /xox[abposr]-[A-Za-z0-9-]{6,}/g,            // Slack bot/user/app tokens
  /xapp-[A-Za-z0-9-]{6,}/g,                   // Slack app-level tokens
  /[MNO][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,}/g, // Discord bot tokens
  /(Bot|Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/g,   // Authorization header values
];

const REDACT_KEYS = ["token", "botToken", "appToken", "signingSecret", "authorization", "Authorization",
  "password", "secret", "clientSecret", "DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"];

const extraSecrets = new Set<string>();

/** Register a configured secret (a token from the environment) so it is masked even if its shape is unknown. */
export function registerSecret(secret: string | undefined): void {
  if (secret && secret.length >= 6) extraSecrets.add(secret);
}

export function maskSecrets(text: string): string {
  let out = text;
  for (const secret of extraSecrets) out = out.split(secret).join("[redacted]");
  for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, "[redacted]");
  return out;
}

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const destination = options.destination ?? process.stderr;
  const masked = { write: (line: string) => destination.write(maskSecrets(line)) };
  return pino({
    level: options.level ?? "info",
    base: undefined,
    redact: { paths: [...REDACT_KEYS, ...REDACT_KEYS.map((k) => `*.${k}`), "*.headers.authorization", "*.config.headers.Authorization"], censor: "[redacted]" },
  }, masked);
}
