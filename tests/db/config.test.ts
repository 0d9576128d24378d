import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// Configuration is read once and a bad value stops the bot with one sentence naming the variable.
import { describe, expect, it } from "vitest";
import { ConfigError, halfDiscord, loadConfig, PACKAGE_ROOT, userDirectory } from "../../src/config.ts";
import { runCli, spawnCli, STACK_LINE } from "../support/cli.ts";
import { spawnPapers } from "../support/processes.ts";

const configError = (env: Record<string, string>) => {
  try { loadConfig(env); } catch (error) { return error; }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
};

describe("loadConfig", () => {
  it("defaults to the embedded SQLite database and PostgreSQL by URL", () => {
    // The project's data/ folder, not the working directory's: `cd src && papers trending` finds the same database.
    expect(loadConfig({})).toMatchObject({ DATABASE_URL: `file:${join(process.cwd(), "data", "papers.db")}`, databaseProvider: "sqlite", INDEX_SYNC_SECONDS: 30 });
    expect(loadConfig({ DATABASE_URL: "postgresql://bot@db:5432/papers" }).databaseProvider).toBe("postgresql");
    expect(loadConfig({ DATABASE_URL: "postgres://bot@db/papers" }).databaseProvider).toBe("postgresql");
  });

  it.each([
    [{ DATABASE_URL: "mysql://root@localhost/papers" }, /DATABASE_URL/],
    // An unencoded "/" in a password breaks the URL: said at start-up, not as the driver's "Invalid URL".
    [{ DATABASE_URL: "postgresql://bot:pa/ss@db:5432/papers" }, /DATABASE_URL must be a URL like postgresql:\/\/papers@db\.example\.com:5432\/papers \(a password goes after the user name/],
    // fetch refuses credentials in a URL at the first request, and its error would carry the password's start.
    [{ HF_API_URL: "http://a:HFSECRETPW@127.0.0.1:5999/api" }, /^Configuration error: HF_API_URL must not hold a user name or password \(user:password@\): .*\(it is "http:\/\/\[redacted\]@127\.0\.0\.1:5999\/api"\)\.$/],
    // pg reads a mode it does not know as plain TLS: the typo failed later as "the server does not support SSL".
    [{ DATABASE_URL: "postgresql://bot@db:5432/papers?sslmode=bogus" }, /DATABASE_URL has sslmode=bogus, which must be one of disable, allow, prefer, require, verify-ca, verify-full, no-verify/],
    // pg reads the certificate files as it reads the URL: a missing one was "start failed: ENOENT …", exit 1.
    [{ DATABASE_URL: "postgresql://bot@db:5432/papers?sslmode=verify-ca&sslrootcert=/nonexistent/ca.pem" },
      /DATABASE_URL has sslrootcert=\/nonexistent\/ca\.pem, a file that does not exist\.$/],
    [{ DATABASE_URL: `postgresql://bot@db:5432/papers?sslmode=require&sslcert=${encodeURIComponent(tmpdir())}` }, /DATABASE_URL has sslcert=.*, which is a folder, not a file\.$/],
    [{ PORT: "http" }, /PORT/],
    [{ PORT: "70000" }, /PORT/],
    [{ INDEX_SYNC_SECONDS: "0" }, /INDEX_SYNC_SECONDS/],
    // Past 2^31 ms Node fires a timer at once: the sync would run every millisecond.
    [{ INDEX_SYNC_SECONDS: "3000000" }, /INDEX_SYNC_SECONDS/],
    [{ SLACK_API_URL: "ftp://slack.example" }, /SLACK_API_URL must be an http:\/\/ or https:\/\/ URL/],
    // The companion's name misspelt: said, not only that it is missing.
    [{ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRT: "abc" }, /SLACK_SIGNING_SECRT is set, which looks like a misspelt SLACK_SIGNING_SECRET\.$/],
    [{ SLACK_BOT_TOKEN: "xoxb-123456-abcdef" }, /SLACK_BOT_TOKEN is set, so SLACK_SIGNING_SECRET .* or SLACK_APP_TOKEN/],
    [{ SLACK_SIGNING_SECRET: "s3cr3t-s3cr3t" }, /SLACK_BOT_TOKEN/],
    [{ DISCORD_TOKEN: "abc.def.ghi-jkl" }, /DISCORD_APPLICATION_ID/],
  ])("refuses %j, naming the variable in one sentence", (env, names) => {
    const error = configError(env);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(names);
    expect(message).toMatch(/^Configuration error: [^\n]+\.$/);
  });

  it("says, for a start, that half of Discord beside a working Slack needs the token, naming one under another name", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1", DISCORD_APPLICATION_ID: "1098765432109876543", DISCORD_BOT_TOKEN: "x" });
    expect(halfDiscord(config)).toBe("Configuration error: DISCORD_APPLICATION_ID is set, so DISCORD_TOKEN (the bot's token) is needed too; DISCORD_BOT_TOKEN is set, which is not a setting papers-bot reads.");
    // `papers discord invite` needs the id alone: only a start is refused.
    expect(halfDiscord(loadConfig({ DISCORD_APPLICATION_ID: "1098765432109876543", DISCORD_TOKEN: "abc.def.ghi" }))).toBeNull();
  });

  it("never echoes a token pasted into the wrong variable, whole or in part", () => {
    const token = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789";
    const message = (configError({ DISCORD_TOKEN: "1098765432109876543", DISCORD_APPLICATION_ID: token }) as Error).message;
    expect(message).toMatch(/^Configuration error: DISCORD_APPLICATION_ID must be the application's numeric id/);
    expect(message).not.toContain(token.slice(0, 12));
  });

  // Number() reads "0x10" as 16, "1e1" as 10, "0b11" as 3 and " 12 " as 12: a person reading the config
  // would not. Every numeric setting takes decimal digits only, as PORT always did.
  it.each([
    ["COMMANDS_PER_MINUTE", "0x10", /^Configuration error: COMMANDS_PER_MINUTE must be a whole number, 1 or more \(it is "0x10"\)\.$/],
    ["COMMANDS_PER_MINUTE", "1e1", /^Configuration error: COMMANDS_PER_MINUTE must be a whole number, 1 or more \(it is "1e1"\)\.$/],
    ["HF_PAGE_SIZE", "0x20", /^Configuration error: HF_PAGE_SIZE must be a whole number from 1 to 100 \(it is "0x20"\)\.$/],
    ["HF_PAGE_SIZE", "5e1", /^Configuration error: HF_PAGE_SIZE must be a whole number from 1 to 100/],
    ["HF_TIMEOUT_SECONDS", "0b11", /^Configuration error: HF_TIMEOUT_SECONDS must be a number of seconds from 1 to 300 \(it is "0b11"\)\.$/],
    ["HF_TIMEOUT_SECONDS", "1.5e1", /^Configuration error: HF_TIMEOUT_SECONDS must be a number of seconds from 1 to 300/],
    ["INDEX_SYNC_SECONDS", "0x1E", /^Configuration error: INDEX_SYNC_SECONDS must be a whole number of seconds from 1 to 86400 \(it is "0x1E"\)\.$/],
    ["INDEX_SYNC_SECONDS", "-5", /^Configuration error: INDEX_SYNC_SECONDS must be a whole number of seconds from 1 to 86400/],
    ["PORT", "1e3", /^Configuration error: PORT must be a whole number from 0 to 65535/],
  ])("refuses %s=%s: decimal digits only", (name, value, sentence) => {
    const error = configError({ [name]: value });
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(sentence);
  });

  // `docker run --env-file` keeps a line's quotes, and a file saved with Windows line ends its carriage return.
  it("reads a value wrapped in quotes, or ending in a carriage return or spaces, as the value inside", () => {
    const config = loadConfig({ HF_REFRESH: "off\r", LOG_LEVEL: "\"debug\"", PORT: "'3001'", SLACK_BOT_TOKEN: "\"xoxb-123456-abcdef\"\r",
      SLACK_APP_TOKEN: " xapp-1-A0-123-abcdef ", DATABASE_URL: "\"postgresql://bot@db:5432/papers\"", COMMANDS_PER_MINUTE: "\"\"" });
    expect(config).toMatchObject({ HF_REFRESH: "off", LOG_LEVEL: "debug", PORT: 3001, SLACK_BOT_TOKEN: "xoxb-123456-abcdef",
      SLACK_APP_TOKEN: "xapp-1-A0-123-abcdef", DATABASE_URL: "postgresql://bot@db:5432/papers", COMMANDS_PER_MINUTE: 20 });
    // A value still wrong inside its quotes is named as it reads inside them.
    expect((configError({ HF_REFRESH: "\"of\"\r" }) as Error).message).toBe("Configuration error: HF_REFRESH must be one of on, off (it is \"of\").");
  });

  it("takes decimal numbers, with their range still checked", () => {
    expect(loadConfig({ COMMANDS_PER_MINUTE: "16", HF_PAGE_SIZE: " 100 ", HF_TIMEOUT_SECONDS: "2.5", INDEX_SYNC_SECONDS: "010", PORT: "0" }))
      .toMatchObject({ COMMANDS_PER_MINUTE: 16, HF_PAGE_SIZE: 100, HF_TIMEOUT_SECONDS: 2.5, INDEX_SYNC_SECONDS: 10, PORT: 0 });
    expect(loadConfig({})).toMatchObject({ COMMANDS_PER_MINUTE: 20, HF_PAGE_SIZE: 50, HF_TIMEOUT_SECONDS: 15, INDEX_SYNC_SECONDS: 30, PORT: 3000 });
    expect((configError({ HF_PAGE_SIZE: "101" }) as Error).message).toBe('Configuration error: HF_PAGE_SIZE must be at most 100 (it is "101").');
    expect((configError({ COMMANDS_PER_MINUTE: "0" }) as Error).message).toBe('Configuration error: COMMANDS_PER_MINUTE must be at least 1 (it is "0").');
  });

  it("names the settings that set variables look misspelt from, and not the machine's own variables", () => {
    expect(loadConfig({ DATABSE_URL: "postgresql://bot@db/papers", HF_REFESH: "off", PATH: "/bin", HOSTNAME: "h", PORTS: "1", npm_config_cache: "/c" })
      .misspeltVariables).toEqual([{ name: "DATABSE_URL", meant: "DATABASE_URL" }, { name: "HF_REFESH", meant: "HF_REFRESH" }]);
  });

  it("never echoes a token it was given", () => {
    const message = (configError({ SLACK_BOT_TOKEN: "xoxb-999999-secretsecret" }) as Error).message;
    expect(message).not.toContain("secretsecret");
    expect((configError({ DATABASE_URL: "postgresql://bot:pa/secretsecret@db/papers" }) as Error).message).not.toContain("secretsecret");
  });
});

describe("userDirectory (where the terminal writes exports)", () => {
  it("is the folder npm was called from for `npm start` and `npm run papers`, else the working directory", () => {
    const npm = (event: string) => ({ INIT_CWD: "/home/ada/notes", npm_lifecycle_event: event });
    expect(userDirectory(npm("start"), PACKAGE_ROOT)).toBe("/home/ada/notes");
    expect(userDirectory(npm("papers"), PACKAGE_ROOT)).toBe("/home/ada/notes");
    // An INIT_CWD inherited from some other npm script (a test run) or a process started elsewhere is not it.
    expect(userDirectory(npm("test"), PACKAGE_ROOT)).toBe(PACKAGE_ROOT);
    expect(userDirectory(npm("start"), "/tmp/elsewhere")).toBe("/tmp/elsewhere");
    expect(userDirectory({}, "/tmp/elsewhere")).toBe("/tmp/elsewhere");
  });
});

describe("the CLI with a bad configuration", () => {
  it("prints that one sentence and exits 2 (real bin, no stack trace)", async () => {
    const run = await spawnCli(["trending"], { DATABASE_URL: "mysql://root@localhost/papers" });
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(run.err).toMatch(/^Configuration error: DATABASE_URL must start with file: \(SQLite\) or postgresql:\/\/ \(PostgreSQL\)\.\n$/);
    expect(run.err).not.toMatch(STACK_LINE);
  });

  it("does the same in-process for a bad PORT and a Slack token without its secret", async () => {
    for (const [env, variable] of [[{ PORT: "eighty" }, "PORT"], [{ SLACK_BOT_TOKEN: "xoxb-123456-abcdef" }, "SLACK_SIGNING_SECRET"]] as const) {
      const run = await runCli(["search", "moe"], env);
      expect(run.code).toBe(2);
      expect(run.err.trim().split("\n")).toHaveLength(1);
      expect(run.err).toContain(variable);
      expect(run.err).not.toContain("xoxb-123456-abcdef");
    }
  });
});

describe("settings in a .env file", () => {
  it("are read from the working directory, under what the environment already sets", async () => {
    const dir = mkdtempSync(join(tmpdir(), "papers-dotenv-"));
    try {
      writeFileSync(join(dir, ".env"), `# as .env.example lays it out\nDATABASE_URL=file:${join(dir, "from-dotenv.db")}\nLOG_LEVEL=chatty\n`);
      const run = async (env: Record<string, string>) => {
        const p = spawnPapers(["trending", "--limit", "1"], { PAPERS_ENV_FILE: ".env", ...env }, { cwd: dir });
        return { code: (await p.exited).code, err: p.stderr() };
      };
      // The file's bad LOG_LEVEL is read (so the file is), and named.
      expect(await run({})).toMatchObject({ code: 2, err: expect.stringContaining("LOG_LEVEL") });
      // The environment's own value wins over the file's; the file's DATABASE_URL still applies.
      expect((await run({ LOG_LEVEL: "info" })).code).toBe(0);
      expect(existsSync(join(dir, "from-dotenv.db"))).toBe(true);
      // A file named that is not there is a mistake to say, not a silent default.
      expect(await run({ PAPERS_ENV_FILE: "prod.env" })).toMatchObject({ code: 2, err: "papers: PAPERS_ENV_FILE names prod.env, which does not exist.\n" });
      mkdirSync(join(dir, "d.env"));
      expect(await run({ PAPERS_ENV_FILE: "d.env" })).toMatchObject({ code: 2, err: "papers: PAPERS_ENV_FILE names d.env, which is a folder, not a file; name a file or set PAPERS_ENV_FILE.\n" });
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it("read the first line of a file saved with a byte-order mark (Windows editors) as the setting it is", async () => {
    // Before, the mark became part of the first name ("\uFEFFDATABASE_URL"): that setting was dropped in
    // silence (here the bot would have used the default database), with a "did you mean DATABASE_URL?".
    const dir = mkdtempSync(join(tmpdir(), "papers-dotenv-"));
    try {
      writeFileSync(join(dir, ".env"), `\uFEFFDATABASE_URL=file:${join(dir, "from-dotenv.db")}\r\nHF_REFRESH=off\r\n`);
      const p = spawnPapers(["trending", "--limit", "1"], { PAPERS_ENV_FILE: ".env" }, { cwd: dir });
      expect((await p.exited).code, p.stderr()).toBe(0);
      expect(p.stderr()).toBe("");
      expect(existsSync(join(dir, "from-dotenv.db"))).toBe(true);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});
