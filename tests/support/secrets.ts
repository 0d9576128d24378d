// The fake credentials every test uses, in one place, so the suite-wide leak check (tests/support/
// leak-check.ts, run after every test file) knows what must never appear in anything the bot logged.
// Use these instead of inventing new ones; a secret the check does not know about is a secret it
// cannot catch. Shapes follow the real ones where the real ones have a shape, so both the masking by
// pattern and the masking of registered secrets are exercised.
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

/** The secrets that appear in `text` (a log, a process's stderr): empty when nothing leaked. */
export function leakedSecrets(text: string): string[] {
  return TEST_SECRETS.filter((secret) => text.includes(secret));
}

/** Every log capture made in this test file (LogCapture registers itself), for the leak check. */
export function capturedLogs(): { text: string }[] {
  const holder = globalThis as { __papersCapturedLogs?: { text: string }[] };
  return (holder.__papersCapturedLogs ??= []);
}
