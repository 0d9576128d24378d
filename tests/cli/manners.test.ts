// `papers --help`, `--version`, per-command help, flag mistakes (one sentence, the usage line, exit 2)
// and configuration errors (one sentence naming the variable, exit 2, in every mode). In-process
// through main(); nothing here opens a database (every case fails or answers before that).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli, STACK_LINE } from "../support/cli.ts";
import { cliCommands } from "../../src/cli/main.ts";
import { BOT_PERMISSION_BITS, BOT_PERMISSIONS, inviteUrl } from "../../src/adapters/discord/permissions.ts";

const env = { DATABASE_URL: "file:/nonexistent-dir-for-manners/never-opened.db" };
const version = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

describe("help and version", () => {
  it("papers --help lists every command on stdout, exit 0", async () => {
    const run = await runCli(["--help"], env);
    expect(run.code).toBe(0);
    for (const c of cliCommands) expect(run.out).toContain(c.usage);
  });

  it("papers --version", async () => {
    const run = await runCli(["--version"], env);
    expect(run).toMatchObject({ code: 0, out: `papers-bot ${version}\n` });
  });

  it.each(cliCommands.map((c) => [c.name, c]))("papers %s --help names every flag of its usage", async (name, command) => {
    const run = await runCli([...name.split(" "), "--help"], env);
    expect(run.code).toBe(0);
    expect(run.out.split("\n")[0]).toBe(`Usage: ${command.usage}`);
    for (const flag of command.usage.match(/--[a-z]+/g) ?? []) expect(run.out.split("\n").slice(1).join("\n")).toContain(flag);
  });
});

describe("a mistyped command name", () => {
  it("points at the command one slip away, takes capitals, and says where a chat command runs (exit 2)", async () => {
    expect(await runCli(["serch", "moe"], env)).toMatchObject({ code: 2, out: "",
      err: 'papers: unknown command "serch"; did you mean "papers search"? Run "papers --help" to see the commands.\n' });
    expect(await runCli(["Search", "--help"], env)).toMatchObject({ code: 0, out: expect.stringMatching(/^Usage: papers search /) });
    expect(await runCli(["subscribe", "09:00"], env)).toMatchObject({ code: 2, out: "",
      err: 'papers: subscribe is a chat command: type /papers subscribe in Slack or Discord, or in the conversation "papers start" opens in this terminal.\n' });
    expect((await runCli(["frobnicate"], env)).err).toBe('papers: unknown command "frobnicate". Run "papers --help" to see the commands.\n');
  });
});

describe("a group of subcommands", () => {
  it("papers digest --help lists its subcommands (exit 0); bare or with a wrong one, on stderr with exit 2", async () => {
    const help = await runCli(["discord", "--help"], env);
    expect(help).toMatchObject({ code: 0, err: "" });
    expect(help.out).toContain("Usage: papers discord register [--guild <id>]");
    expect(help.out).toContain("Usage: papers discord invite");
    expect(await runCli(["digest"], env)).toMatchObject({ code: 2, out: "", err: expect.stringContaining("Usage: papers digest run") });
    expect((await runCli(["slack", "frob"], env)).err).toMatch(/^papers: slack has no subcommand "frob"\.\nUsage: papers slack manifest/);
  });
});

describe("flag mistakes: one sentence, the usage line, exit 2", () => {
  it.each([
    [["search", "moe", "--colour"], /^--colour is not an option of this command\.$/, "papers search"],
    // A slip of a flag's name is pointed at the flag.
    [["search", "moe", "--lmit", "3"], /^--lmit is not an option of this command; did you mean --limit\?$/, "papers search"],
    [["search", "moe", "--Limit", "3"], /^--Limit is not an option of this command; did you mean --limit\?$/, "papers search"],
    [["trending", "--jsno"], /^--jsno is not an option of this command; did you mean --json\?$/, "papers trending"],
    [["digest", "run", "--nwo", "2025-03-11T09:00:00Z"], /^--nwo is not an option of this command; did you mean --now\?$/, "papers digest run"],
    // A single letter is a short flag as other tools spell them, not a word to leave out ("-l 3" left out "l").
    [["search", "moe", "-l", "3"], /^-l is not an option of this command; did you mean --limit\?$/, "papers search"],
    [["search", "moe", "-n", "3"], /^-n is not an option of this command\.$/, "papers search"],
    [["search", "moe", "--limit"], /^--limit needs a value\.$/, "papers search"],
    [["digest", "run", "--now"], /^--now needs a value\.$/, "papers digest run"],
    // Date would read "1" as 2001 and a time without its zone in this machine's zone.
    [["digest", "run", "--now", "1"], /^--now takes an ISO time with its zone, like 2025-03-11T09:00:00Z, not "1"\.$/, "papers digest run"],
    [["digest", "run", "--now", "2025-03-11T09:00"], /^--now takes an ISO time with its zone/, "papers digest run"],
    [["digest", "run", "--now", "2025-02-30T09:00Z"], /^--now takes an ISO time with its zone/, "papers digest run"],
    [["digest", "run", "--now", "2025-03-11T09:00:60Z"], /^--now takes an ISO time with its zone/, "papers digest run"],
    [["digest", "run", "--now", "2025-03-11T09:00+25:00"], /^--now takes an ISO time with its zone/, "papers digest run"],
    [["digest", "run", "extra"], /^Unexpected word extra/, "papers digest run"],
    [["trending", "--json=yes"], /^--json takes no value\.$/, "papers trending"],
    [["search", "moe", "--limit", "-3"], /^--limit needs a value, and "-3" reads as a flag; write --limit=-3 if that is the value\.$/, "papers search"],
    [["slack", "manifest", "--url"], /--url needs the public base URL of the bot/, "papers slack manifest"],
    [["slack", "manifest", "--url", "--socket"], /--url needs the public base URL of the bot/, "papers slack manifest"],
    [["ingest"], /^Name the capture file/, "papers ingest"],
    [["discord", "invite", "--now"], /takes no words or flags/, "papers discord invite"],
    [["discord", "register", "--guild"], /^--guild needs a value\.$/, "papers discord register"],
    [["search", "moe", "--limit", "1e1"], /^--limit takes a whole number from 1 to 50, not "1e1"\.$/, "papers search"],
    [["start", "--bogus"], /^papers start takes only --chat \("--bogus" is not it\)/, "papers start"],
  ])("papers %j", async (args, sentence, usage) => {
    const run = await runCli(args, env);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    const lines = run.err.trim().split("\n");
    expect(lines[0]).toMatch(sentence);
    expect(lines.at(-1)).toMatch(new RegExp(`Usage: ${usage}`));
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(run.err).not.toMatch(/'[^']*$/m); // no unclosed quote (Node's raw parseArgs text had one)
  });
});

describe("configuration errors: one sentence naming the variable, exit 2, in every mode", () => {
  it.each([
    [{ DIGEST_CRON: "banana" }, /^Configuration error: DIGEST_CRON "banana" needs 5 fields/],
    [{ HF_REFRESH_CRON: "61 * * * *" }, /^Configuration error: HF_REFRESH_CRON .*minute/],
    [{ PORT: "http" }, /^Configuration error: PORT must be a whole number from 0 to 65535 \(0: any free port\) \(it is "http"\)\./],
    [{ PORT: "0x1F90" }, /^Configuration error: PORT must be a whole number from 0 to 65535/],
    [{ DISCORD_APPLICATION_ID: "notanumber" }, /^Configuration error: DISCORD_APPLICATION_ID must be the application's numeric id/],
    [{ DATABASE_URL: "postgresql://u@localhost/db?schema=bad-name;drop" }, /^Configuration error: DATABASE_URL names the schema "bad-name;drop", which must be a plain identifier/],
    [{ DATABASE_URL: "postgresql://u@localhost/db?connection_limit=abc" }, /^Configuration error: DATABASE_URL has connection_limit=abc, which must be a whole number from 1\./],
    [{ PORT: "70000" }, /^Configuration error: PORT must be at most 65535/],
    [{ LOG_LEVEL: "loud" }, /^Configuration error: LOG_LEVEL must be one of/],
    [{ SLACK_API_URL: "not a url" }, /^Configuration error: SLACK_API_URL must be a URL/],
    [{ DATABASE_URL: "mysql://db" }, /^Configuration error: DATABASE_URL must start with file:/],
    // Schedules node-cron refuses when it schedules them: a zero step, a day the month never has.
    [{ DIGEST_CRON: "*/0 * * * *" }, /^Configuration error: DIGEST_CRON "\*\/0 \* \* \* \*" has a bad step in its minute field/],
    [{ HF_REFRESH_CRON: "0 0 31 2 *" }, /^Configuration error: HF_REFRESH_CRON "0 0 31 2 \*" asks for day 31 of month 2, which never comes/],
  ])("%j", async (bad, sentence) => {
    for (const args of [["search", "moe"], ["start"], ["trending"]]) {
      const run = await runCli(args, { ...env, ...bad });
      expect(run.code).toBe(2);
      expect(run.err.trim().split("\n")).toHaveLength(1);
      expect(run.err).toMatch(sentence);
      expect(run.err).not.toMatch(STACK_LINE);
    }
  });
});

describe("papers start --chat (the container's command)", () => {
  it("without Slack or Discord: one sentence naming a misspelt variable (and its fatal log line), exit 2, before opening the database", async () => {
    const run = await runCli(["start", "--chat"], { ...env, SLACK_BOT_TOKN: "xoxb-typo", DISCORD_TOKEN_X: "x" });
    expect(run.code).toBe(2);
    // The sentence, after the log's own fatal line for it (chat mode's log is JSON lines).
    const [logged, said] = run.err.trim().split("\n");
    expect(JSON.parse(logged!)).toMatchObject({ level: "fatal", msg: said });
    expect(said).toMatch(/^Configuration error: neither Slack \(SLACK_BOT_TOKEN .*\) nor Discord \(DISCORD_TOKEN .*\) is configured; SLACK_BOT_TOKN is set, which looks like a misspelt SLACK_BOT_TOKEN; DISCORD_TOKEN_X is set, which looks like a misspelt DISCORD_TOKEN\.$/);
    expect(run.err).not.toContain("xoxb-typo");
  });
});

describe("empty variables", () => {
  it("mean unset, their default (a blank line in a .env), not an error or port 0", async () => {
    const { loadConfig } = await import("../../src/config.ts");
    const config = loadConfig({ PORT: "", SLACK_API_URL: "", DISCORD_API_URL: " ", PUBLIC_BASE_URL: "", DATABASE_URL: "" });
    expect(config).toMatchObject({ PORT: 3000, databaseProvider: "sqlite" });
    expect([config.SLACK_API_URL, config.DISCORD_API_URL, config.PUBLIC_BASE_URL]).toEqual([undefined, undefined, undefined]);
  });
});

describe("papers discord invite", () => {
  it("prints the OAuth2 URL with exactly the bot's permissions", async () => {
    const run = await runCli(["discord", "invite"], { ...env, DISCORD_APPLICATION_ID: "123456789012345678" });
    expect(run.code).toBe(0);
    const url = new URL(run.out.split("\n")[0]!);
    expect(url.origin + url.pathname).toBe("https://discord.com/oauth2/authorize");
    expect(url.searchParams.get("client_id")).toBe("123456789012345678");
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
    expect(url.searchParams.get("permissions")).toBe(BOT_PERMISSION_BITS.toString());
    expect(url.toString()).toBe(inviteUrl("123456789012345678"));
  });

  it("the bits are discord.js's own flags for the permissions named", async () => {
    const { PermissionFlagsBits } = await import("discord.js");
    for (const p of BOT_PERMISSIONS) expect(p.bit).toBe(PermissionFlagsBits[p.flag]);
  });

  it("without DISCORD_APPLICATION_ID it says which variable to set", async () => {
    const run = await runCli(["discord", "invite"], env);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^Set DISCORD_APPLICATION_ID/);
  });
});
