// The secrets tests use, and what the suite-wide leak check (tests/support/leak-check.ts, run after every
// test file) looks for in everything the bot wrote: every LogCapture, the test process's own output, and
// the output of every bot process a test spawned (tests/support/processes.ts captures it). Besides the
// fixed credentials below, every secret a test hands the bot through its environment is registered as it
// is handed over (a *_TOKEN, *_SECRET or *_PASSWORD variable, a database URL's password), so a secret
// the check does not know about cannot slip in by being new. Shapes follow the real ones where the real
// ones have a shape, so both the masking by pattern and the masking of registered secrets are exercised.
export const TEST_SLACK_BOT_TOKEN = "xoxb-test-0000000000-emulator";
export const TEST_SLACK_APP_TOKEN = "xapp-1-A0PAPERS-0000000000-emulatortoken";
export const TEST_SLACK_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const TEST_DISCORD_TOKEN = "test-discord-token-not-real";
/** Shaped like a real Discord bot token (id.timestamp.hmac), to exercise the pattern mask too. */
export const TEST_DISCORD_SHAPED_TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";
export const TEST_DATABASE_PASSWORD = "db-password-not-real";

export const TEST_SECRETS: readonly string[] = [
  TEST_SLACK_BOT_TOKEN, TEST_SLACK_APP_TOKEN, TEST_SLACK_SIGNING_SECRET, TEST_DISCORD_TOKEN, TEST_DISCORD_SHAPED_TOKEN, TEST_DATABASE_PASSWORD,
];

/** Shorter values would match ordinary words; no real credential is this short. */
const MIN_SECRET_LENGTH = 6;
const SECRET_VARIABLE = /(TOKEN|SECRET|PASSWORD)$/i;

function known(): Set<string> {
  const holder = globalThis as { __papersTestSecrets?: Set<string> };
  return (holder.__papersTestSecrets ??= new Set(TEST_SECRETS));
}

export function registerTestSecret(secret: string | undefined): void {
  if (secret && secret.length >= MIN_SECRET_LENGTH) known().add(secret);
}

/** The password of a database URL, if it has one (PostgreSQL); SQLite file URLs have none. */
function urlPassword(url: string): string | undefined {
  try { return decodeURIComponent(new URL(url).password) || undefined; } catch { return undefined; }
}

/** Registers every secret an environment (for a spawned bot, a config) carries. */
export function registerSecretsIn(env: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (SECRET_VARIABLE.test(name)) registerTestSecret(value);
    if (/DATABASE_URL$/.test(name)) registerTestSecret(urlPassword(value));
  }
}
registerSecretsIn({ TEST_DATABASE_URL: process.env.TEST_DATABASE_URL });

/** The secrets that appear in `text` (a log, a process's stderr): empty when nothing leaked. */
export function leakedSecrets(text: string): string[] {
  return [...known()].filter((secret) => text.includes(secret));
}

/** Every log capture and spawned process's output in this test file (each registers itself), for the leak check. */
export function capturedLogs(): { text: string }[] {
  const holder = globalThis as { __papersCapturedLogs?: { text: string }[] };
  return (holder.__papersCapturedLogs ??= []);
}
