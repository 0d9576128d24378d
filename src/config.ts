// The only module that reads process.env. Parsed once at start-up; a bad value names its variable.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The package's root (the folder with package.json above this file), whether run from src or a build. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

// The default database is the project's data/papers.db whatever the working directory: `cd src && papers
// trending` must not start a second, empty database. A relative file: URL given explicitly still means
// relative to the working directory, as Prisma reads it.
export const PACKAGE_ROOT = packageRoot();
export const DEFAULT_DATABASE_URL = `file:${join(PACKAGE_ROOT, "data", "papers.db")}`;

const optionalString = z.string().trim().min(1).optional().or(z.literal("").transform(() => undefined));

const EnvSchema = z.object({
  DATABASE_URL: z.string().trim().min(1).default(DEFAULT_DATABASE_URL)
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), "must start with file: (SQLite) or postgresql:// (PostgreSQL)"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: z.string().url().optional(),
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString,
  DISCORD_API_URL: z.string().url().optional(),
  HF_API_URL: z.string().url().default("https://huggingface.co/api"),
  HF_REFRESH_CRON: z.string().default("7 * * * *"),
  HF_REFRESH: z.enum(["on", "off"]).default("on"),
  HF_PAGE_SIZE: z.coerce.number().int().min(1).max(100).default(50),
  HF_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(15),
  DIGEST_CRON: z.string().default("* * * * *"),
  COMMANDS_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  INDEX_SYNC_SECONDS: z.coerce.number().int().min(1).default(30),
  PUBLIC_BASE_URL: z.string().url().optional(),
  // Who "you" are in terminal mode: the login name, as a shell would say.
  USER: z.string().default("you"),
});

export type Config = z.infer<typeof EnvSchema> & {
  databaseProvider: "sqlite" | "postgresql";
  slack: boolean;
  discord: boolean;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Configuration error: ${issue.path.join(".")} ${issue.message}.`);
  }
  const c = parsed.data;
  if (Boolean(c.SLACK_BOT_TOKEN) !== Boolean(c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN)) {
    throw new ConfigError(c.SLACK_BOT_TOKEN
      ? "Configuration error: SLACK_BOT_TOKEN is set, so SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is needed too."
      : "Configuration error: SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set without SLACK_BOT_TOKEN.");
  }
  if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID) {
    throw new ConfigError("Configuration error: DISCORD_TOKEN is set, so DISCORD_APPLICATION_ID is needed too.");
  }
  return {
    ...c,
    databaseProvider: c.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql",
    slack: Boolean(c.SLACK_BOT_TOKEN),
    discord: Boolean(c.DISCORD_TOKEN),
  };
}
