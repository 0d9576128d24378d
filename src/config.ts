// The only module that reads process.env. Parsed once at start-up; a bad value names its variable.
import { accessSync, constants, existsSync, statSync } from "node:fs";
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

/**
 * The folder the person typed the command in. `npm start` and `npm run papers` run in the package's root
 * whatever folder npm was called from, and say that folder in INIT_CWD; anything else (`node bin/papers.js`,
 * a process started with its own working directory) is where it runs.
 */
export function userDirectory(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const viaNpm = env.INIT_CWD && (env.npm_lifecycle_event === "start" || env.npm_lifecycle_event === "papers") && cwd === PACKAGE_ROOT;
  return viaNpm ? env.INIT_CWD! : cwd;
}

// Empty values never get here: loadConfig drops them, so an empty variable is its default.
const optionalString = z.string().trim().optional();
// An address the bot sends requests to (or Slack does): fetch takes http and https only, and says of an
// ftp:// one no more than "fetch failed" at start-up.
// fetch refuses a URL with a user name or password in it ("Request cannot be constructed from a URL that includes
// credentials"), at the first request rather than at start-up, and its error would carry the password's start.
const httpUrl = z.string().url().refine((v) => /^https?:\/\//i.test(v), { error: "must be an http:// or https:// URL" })
  .refine((v) => !URL.canParse(v) || (new URL(v).username === "" && new URL(v).password === ""),
    { error: "must not hold a user name or password (user:password@): requests cannot send them that way" });

/**
 * A number setting, as a person writes one: decimal digits (with a fraction where `fractions`), nothing
 * else. z.coerce.number() is Number(), which reads "0x10" as 16, "1e1" as 10 and "0b11" as 3: not what a
 * person reading the config sees. `takes` says what the setting takes, for the sentence naming it.
 */
const decimal = (takes: string, fractions = false) =>
  z.string().trim().regex(fractions ? /^\d+(\.\d+)?$/ : /^\d+$/, { error: `must be ${takes}` }).transform(Number);

const EnvSchema = z.object({
  DATABASE_URL: z.string().trim().min(1).default(DEFAULT_DATABASE_URL)
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), "must start with file: (SQLite) or postgresql:// (PostgreSQL)")
    .refine((v) => v.startsWith("file:") || URL.canParse(v), "must be a URL like postgresql://papers@db.example.com:5432/papers (a password goes after the user name and a colon, its special characters percent-encoded)"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Digits only ("0x1F90" is not 8080 to a person reading the config); 0 takes any free port (tests).
  PORT: decimal("a whole number from 0 to 65535 (0: any free port)").default(3000).pipe(z.number().max(65535)),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: httpUrl.optional(),
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString.refine((v) => v === undefined || /^\d{15,22}$/.test(v),
    { error: "must be the application's numeric id (Developer Portal → your application → General Information → Application ID)" }),
  DISCORD_API_URL: httpUrl.optional(),
  HF_API_URL: httpUrl.default("https://huggingface.co/api"),
  HF_REFRESH_CRON: z.string().default("7 * * * *"),
  HF_REFRESH: z.enum(["on", "off"]).default("on"),
  HF_PAGE_SIZE: decimal("a whole number from 1 to 100").default(50).pipe(z.number().min(1).max(100)),
  HF_TIMEOUT_SECONDS: decimal("a number of seconds from 1 to 300", true).default(15).pipe(z.number().min(1).max(300)),
  DIGEST_CRON: z.string().default("* * * * *"),
  COMMANDS_PER_MINUTE: decimal("a whole number, 1 or more").default(20).pipe(z.number().min(1)),
  // At most a day: a timer takes no more than 2^31 ms, and past that Node fires it at once, every time.
  INDEX_SYNC_SECONDS: decimal("a whole number of seconds from 1 to 86400").default(30).pipe(z.number().min(1).max(86_400)),
  PUBLIC_BASE_URL: httpUrl.optional(),
  // Who "you" are in terminal mode: the login name, as a shell would say.
  USER: z.string().default("you"),
});

export type Config = z.infer<typeof EnvSchema> & {
  databaseProvider: "sqlite" | "postgresql";
  slack: boolean;
  discord: boolean;
  /** Variables set that look meant for Slack or Discord but are no setting ("SLACK_BOT_TOKN"). */
  unreadChatVariables: string[];
  /** Variables set that look like a misspelt setting, each with the one it looks meant as ("DATABSE_URL"). */
  misspeltVariables: { name: string; meant: string }[];
};

export class ConfigError extends Error {}

/** What tokens look like: log.ts masks these in every log line, and a configuration error never echoes them. */
export const TOKEN_PATTERNS = [
  /xox[abposr]-[A-Za-z0-9-]{6,}/g,            // Slack bot/user/app tokens
  /xapp-[A-Za-z0-9-]{6,}/g,                   // Slack app-level tokens
  /[MNO][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,}/g, // Discord bot tokens
  /(Bot|Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, // Authorization header values
];
// A fresh copy of each for a test: a /g pattern's test() goes on from where its last match ended.
const tokenShaped = (value: string) => TOKEN_PATTERNS.some((pattern) => new RegExp(pattern.source).test(value));

/** A zod issue as one sentence naming the variable and what it takes. */
function describeIssue(issue: z.core.$ZodIssue, env: Record<string, string | undefined>): string {
  const name = String(issue.path[0] ?? "a variable");
  // Echo what was given, except where it may hold a secret (tokens, keys, a URL's password).
  const secret = /TOKEN|SECRET|KEY|PASSWORD|DATABASE_URL/.test(name);
  // Nor a value shaped like a token, pasted into the wrong variable (Discord's into DISCORD_APPLICATION_ID): a
  // cut would still show most of it. A URL's user name and password are left out.
  const value = env[name] === undefined ? "" : String(env[name]).replace(/\/\/[^/@\s]*@/, "//[redacted]@");
  const given = value === "" || secret || tokenShaped(value) ? "" : ` (it is "${value.slice(0, 40)}")`;
  const i = issue as z.core.$ZodIssue & { minimum?: unknown; maximum?: unknown; values?: unknown[]; format?: string; expected?: string };
  let takes: string;
  if (issue.code === "invalid_value" && i.values) takes = `must be one of ${i.values.join(", ")}`;
  else if (issue.code === "invalid_format" && i.format === "url") takes = "must be a URL like https://example.com";
  else if (issue.code === "invalid_type" && i.expected === "number") takes = "must be a number";
  else if (issue.code === "invalid_type" && i.expected === "int") takes = "must be a whole number";
  else if (issue.code === "too_small" && typeof i.minimum !== "undefined") takes = typeof env[name] === "string" && !/^-?[\d.]+$/.test(env[name]!.trim()) ? "must not be empty" : `must be at least ${i.minimum}`;
  else if (issue.code === "too_big") takes = `must be at most ${i.maximum}`;
  else takes = issue.message;
  return `Configuration error: ${name} ${takes}${given}.`;
}

// Cron fields: [name, lowest, highest, names allowed]. Checked here, not by node-cron (jobs only), so a bad
// schedule stops every mode at start-up, including the one-shot commands that never schedule anything.
// jobs/cron.ts reads schedules with the same table. A name stands for its place in `names` plus `low`.
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
export type CronField = [label: string, low: number, high: number, names: readonly string[] | null];
export const CRON_FIELDS: CronField[] = [
  ["minute", 0, 59, null], ["hour", 0, 23, null], ["day of month", 1, 31, null],
  ["month", 1, 12, MONTHS], ["day of week", 0, 7, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]],
];

/** A checked cron expression's fields, minute to day of week (without the seconds a 6-field one starts with). */
export function cronFields(expression: string): string[] {
  const fields = expression.trim().split(/\s+/).filter(Boolean);
  return fields.length === 6 ? fields.slice(1) : fields;
}

/** Why `expression` is not a 5- or 6-field cron expression, or null when it is one. */
export function cronProblem(expression: string): string | null {
  const fields = expression.trim().split(/\s+/).filter(Boolean);
  if (fields.length !== 5 && fields.length !== 6) return `needs 5 fields (minute hour day month weekday), or 6 with seconds first, but has ${fields.length}`;
  const specs: CronField[] = fields.length === 6 ? [["second", 0, 59, null], ...CRON_FIELDS] : CRON_FIELDS;
  for (const [k, field] of fields.entries()) {
    const [label, low, high, names] = specs[k]!;
    for (const part of field.split(",")) {
      const [range, step, ...more] = part.split("/");
      if (more.length || (step !== undefined && !/^[1-9]\d*$/.test(step))) return `has a bad step in its ${label} field "${field}"`;
      if (range === "*") continue;
      const ends = range!.split("-");
      const ok = ends.length <= 2 && ends.every((e) => names?.includes(e.toLowerCase()) || (/^\d+$/.test(e) && Number(e) >= low && Number(e) <= high));
      if (!ok) return `has "${field}" as its ${label}, which takes ${low}-${high}${names ? " or a name" : ""}, *, lists, ranges and /steps`;
    }
  }
  return impossibleDate(cronFields(expression));
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "0 0 31 2 *" (the 31st of February) never fires: node-cron refuses it when scheduling (whatever the weekday), so say so here. */
function impossibleDate([, , day, month]: string[]): string | null {
  const plain = (field: string) => field.split(",").every((p) => /^[a-z0-9]+$/i.test(p));
  if (!plain(day!) || !plain(month!)) return null;
  const days = day!.split(",").map(Number);
  const months = month!.split(",").map((m) => (/^\d+$/.test(m) ? Number(m) : MONTHS.indexOf(m.toLowerCase()) + 1));
  const fires = months.some((m) => days.some((d) => d <= DAYS_IN_MONTH[m - 1]!));
  return fires ? null : `asks for day ${day} of month ${month}, which never comes`;
}

/** A PostgreSQL schema name the bot can qualify tables with as it stands (no quoting). */
export const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

/**
 * The schema a PostgreSQL URL names the way Prisma reads it (`?schema=name`), or through
 * `?options=-c search_path=name` (`inOptions`), or null for neither. persistence/postgresql/connect.ts
 * connects with it; loadConfig checks it.
 */
export function postgresSchema(params: URLSearchParams): { schema: string | null; inOptions: boolean } {
  const fromOptions = /search_path=([^\s,]+)/.exec(params.get("options") ?? "")?.[1]?.replace(/"/g, "");
  return { schema: params.get("schema") ?? fromOptions ?? null, inOptions: fromOptions !== undefined };
}

/** The sslmode values libpq (and so psql and Prisma) knows, and pg's no-verify. */
const SSL_MODES = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full", "no-verify"];

/** What is wrong with a PostgreSQL URL's own parameters (persistence/postgresql/connect.ts reads them), or null. */
function postgresUrlProblem(url: string): string | null {
  if (url.startsWith("file:")) return null;
  const params = new URL(url).searchParams;
  const { schema } = postgresSchema(params);
  if (schema !== null && !PLAIN_IDENTIFIER.test(schema)) {
    return `names the schema "${schema.slice(0, 40)}", which must be a plain identifier (letters, digits and _)`;
  }
  const limit = params.get("connection_limit");
  if (limit !== null && !/^[1-9]\d{0,3}$/.test(limit)) return `has connection_limit=${limit.slice(0, 20)}, which must be a whole number from 1`;
  // pg reads a mode it does not know as plain TLS, so a typo failed later as "the server does not support SSL".
  const sslmode = params.get("sslmode");
  if (sslmode !== null && !SSL_MODES.includes(sslmode)) return `has sslmode=${sslmode.slice(0, 20)}, which must be one of ${SSL_MODES.join(", ")}`;
  // pg reads these files as it reads the URL, so one it cannot read stopped the start as "start failed: ENOENT:
  // no such file or directory, open '…'" (exit 1), naming no setting.
  for (const param of ["sslrootcert", "sslcert", "sslkey"]) {
    const path = params.get(param);
    const unreadable = path ? unreadableFile(path) : null;
    if (unreadable) return `has ${param}=${path!.slice(0, 80)}, ${unreadable}`;
  }
  return null;
}

/** Why the file at `path` cannot be read, as the end of a sentence; null when it can. */
function unreadableFile(path: string): string | null {
  try {
    if (statSync(path).isDirectory()) return "which is a folder, not a file";
    accessSync(path, constants.R_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? "a file that does not exist" : code === "EACCES" ? "a file this user may not read" : `a file that cannot be read (${code ?? "error"})`;
  }
}

// A variable meant for one of the chat platforms, spelt right or not.
const CHAT_VARIABLE = /^(SLACK|DISCORD)_/i;

/**
 * Why neither chat platform runs, with what is set that looks meant for one ("SLACK_BOT_TOKN is set: did you
 * mean SLACK_BOT_TOKEN?"): a typo in a variable's name otherwise starts the terminal mode in silence.
 */
export function noChatConfigured(config: Pick<Config, "unreadChatVariables">): string {
  const settings = Object.keys(EnvSchema.shape).filter((k) => CHAT_VARIABLE.test(k));
  const near = config.unreadChatVariables.map((name) => {
    const [meant, distance] = nearestSetting(name, settings);
    return distance <= 3 ? `${name} is set, which looks like a misspelt ${meant}` : `${name} is not a setting papers-bot reads`;
  });
  return ["neither Slack (SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN) nor Discord (DISCORD_TOKEN with " +
    "DISCORD_APPLICATION_ID) is configured", ...near.slice(0, 2)].join("; ");
}

/**
 * Why `papers start` must not run with half of Discord's settings: the application id without the token
 * (which `papers discord invite` alone needs), beside a working Slack, would start without Discord in
 * silence. The token is most often under another name ("DISCORD_BOT_TOKEN"), which is said. Null when fine.
 */
export function halfDiscord(config: Pick<Config, "DISCORD_APPLICATION_ID" | "DISCORD_TOKEN" | "unreadChatVariables">): string | null {
  if (!config.DISCORD_APPLICATION_ID || config.DISCORD_TOKEN) return null;
  const elsewhere = config.unreadChatVariables.filter((name) => /^DISCORD_/i.test(name)).slice(0, 2)
    .map((name) => `; ${name} is set, which is not a setting papers-bot reads`).join("");
  return `Configuration error: DISCORD_APPLICATION_ID is set, so DISCORD_TOKEN (the bot's token) is needed too${elsewhere}.`;
}

/**
 * Variables set that are no setting but one or two letters from one ("DATABSE_URL", "HF_REFESH",
 * "SLACK_SIGNING_SECRT"): each with the setting it looks meant as. Short settings (PORT, USER) are left
 * out, since many unrelated variables are a letter or two from them.
 */
export function misspeltVariables(names: string[]): { name: string; meant: string }[] {
  const settings = Object.keys(EnvSchema.shape).filter((k) => k.length >= 6);
  return names.filter((name) => !Object.hasOwn(EnvSchema.shape, name)).flatMap((name) => {
    // The nearest setting; two letters off only for a long name, where two slips are as likely as one.
    const [meant, distance] = nearestSetting(name, settings);
    return distance <= (meant.length >= 12 ? 2 : 1) ? [{ name, meant }] : [];
  });
}

/** What a misspelt variable gets said of it (misspeltVariables). */
export const misspeltSentence = ({ name, meant }: { name: string; meant: string }): string =>
  `${name} is not a setting papers-bot reads; did you mean ${meant}?`;

/** The setting of `settings` nearest to the variable `name` (case aside), with how many letters apart. */
function nearestSetting(name: string, settings: string[]): readonly [string, number] {
  return settings.map((k) => [k, editDistance(name.toUpperCase(), k)] as const).reduce((a, b) => (b[1] < a[1] ? b : a));
}

/** "; X is set, which looks like a misspelt Y" for each meant as a `prefix` setting, to end a sentence with. */
function misspeltSuffix(misspelt: { name: string; meant: string }[], prefix: string): string {
  return misspelt.filter((m) => m.meant.startsWith(prefix)).slice(0, 2).map(({ name, meant }) => `; ${name} is set, which looks like a misspelt ${meant}`).join("");
}

/** Edit distance between short names (variables here, commands in command-kit/dispatch.ts's did-you-mean),
 * with two neighbouring letters swapped ("subscirbe", "trendign") one edit, as people type them: the
 * optimal string alignment distance. */
export function editDistance(a: string, b: string): number {
  // Rows i - 2, i - 1 and i of the table, each b.length + 1 long.
  let before: number[] = [], above: number[] = [], row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    [before, above, row] = [above, row, [i]];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, before[j - 2]! + 1);
    }
  }
  return row[b.length]!;
}

/**
 * A setting's value as it was meant: `docker run --env-file` (unlike compose and bin/papers.js's .env) keeps a
 * line's quotes and, from a file saved with Windows line ends, its carriage return, and an admin pasting into a
 * supervisor's config adds spaces. None belongs in any setting (tokens, URLs, numbers, names, schedules), and
 * kept they refused "HF_REFRESH must be one of on, off (it is "off")" with the \r unseen, or a quoted token.
 */
function meantValue(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(["'])([\s\S]*)\1$/.exec(trimmed);
  return quoted ? quoted[2]!.trim() : trimmed;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // A variable set to nothing ("PORT=" in a .env) means unset, its default, as .env.example's blanks intend.
  const settings = Object.fromEntries(Object.entries(env).map(([name, value]) =>
    [name, value !== undefined && Object.hasOwn(EnvSchema.shape, name) ? meantValue(value) : value]));
  const given = Object.fromEntries(Object.entries(settings).filter(([, value]) => value === undefined || value.trim() !== ""));
  const parsed = EnvSchema.safeParse(given);
  if (!parsed.success) throw new ConfigError(describeIssue(parsed.error.issues[0]!, settings));
  const c = parsed.data;
  const database = postgresUrlProblem(c.DATABASE_URL);
  if (database) throw new ConfigError(`Configuration error: DATABASE_URL ${database}.`);
  for (const name of ["DIGEST_CRON", "HF_REFRESH_CRON"] as const) {
    const problem = cronProblem(c[name]);
    if (problem) throw new ConfigError(`Configuration error: ${name} "${c[name].slice(0, 40)}" ${problem}.`);
  }
  const misspelt = misspeltVariables(Object.keys(given));
  if (Boolean(c.SLACK_BOT_TOKEN) !== Boolean(c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN)) {
    throw new ConfigError((c.SLACK_BOT_TOKEN
      ? "Configuration error: SLACK_BOT_TOKEN is set, so SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is needed too"
      : "Configuration error: SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set without SLACK_BOT_TOKEN") + `${misspeltSuffix(misspelt, "SLACK_")}.`);
  }
  if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID) {
    throw new ConfigError(`Configuration error: DISCORD_TOKEN is set, so DISCORD_APPLICATION_ID is needed too${misspeltSuffix(misspelt, "DISCORD_")}.`);
  }
  return {
    ...c,
    databaseProvider: c.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql",
    slack: Boolean(c.SLACK_BOT_TOKEN),
    discord: Boolean(c.DISCORD_TOKEN),
    unreadChatVariables: Object.keys(given).filter((name) => CHAT_VARIABLE.test(name) && !Object.hasOwn(EnvSchema.shape, name)),
    misspeltVariables: misspelt,
  };
}
