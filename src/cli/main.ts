// The `papers` command line. Every mistake is one sentence and a non-zero exit, never a stack trace.
import { ConfigError, editDistance, loadConfig, misspeltSentence, type Config } from "../config.ts";
import { createRegistry } from "../commands/index.ts";
import { CannotConnectError, MigrationError } from "../persistence/index.ts";
import { DatabaseBusyError } from "../core/stores/busy.ts";
import { createLogger, lastLine, maskSecrets } from "../log.ts";
import { readFileSync } from "node:fs";
import { CliUsageError, type CliCommand, type CliContext } from "./io.ts";
import { ingestCli } from "./ingest.ts";
import { searchCli, trendingCli } from "./query.ts";
import { discordInviteCli, discordRegisterCli } from "./discord.ts";
import { digestRunCli } from "./digest.ts";
import { slackManifestCli } from "./slack.ts";

// Loaded only for `papers start`: the chat SDKs it pulls in take seconds to load, which every
// one-shot command (search, trending, ingest) would otherwise pay.
const startCli: CliCommand = { name: "start", usage: "papers start [--chat]", run: async (ctx) => {
  // --chat: a service (the container, systemd) must be a chat bot; without Slack or Discord it stops
  // with a sentence instead of starting a terminal conversation nobody can type into.
  const requireChat = ctx.args.includes("--chat");
  const other = ctx.args.find((arg) => arg !== "--chat");
  if (other !== undefined) throw new CliUsageError(`papers start takes only --chat ("${other.slice(0, 40)}" is not it); it is configured by environment variables.`, true);
  return (await import("../app/start.ts")).start(ctx.config, ctx, { requireChat });
} };

export const cliCommands: CliCommand[] = [searchCli, trendingCli, ingestCli, digestRunCli, discordRegisterCli, discordInviteCli, slackManifestCli, startCli];

// What `papers --help` and `papers <command> --help` say about each command (by name).
const HELP: Record<string, { summary: string; flags?: string[] }> = {
  start: { summary: "Run the bot: Slack and/or Discord as configured (see .env.example), else a conversation in this terminal.",
    flags: ["--chat   Slack or Discord must be configured: exit 2 instead of starting the terminal conversation (services, the container)"] },
  search: { summary: "Search the papers, as /papers <words> does in chat.",
    flags: ["--limit N   how many papers to print, 1 to 50 (default 5)", "--page N    which page of --limit papers (default 1)", "--json      print JSON instead of text"] },
  trending: { summary: "Print today's trending papers (only those about a topic, when words follow).",
    flags: ["--limit N   how many papers, 1 to 50 (default 10)", "--page N    which page of --limit papers (default 1)", "--json      print JSON instead of text"] },
  ingest: { summary: "Load a trending-page capture file, or fetch from Hugging Face now.",
    flags: ["<file>                 a capture of huggingface.co/papers/trending saved as text", "--hf                   fetch from the Hugging Face papers API instead",
      "--date YYYY-MM-DD      the day the list is from (with --hf: that day's list, default today, else yesterday;",
      "                       with a file: overrides the capture's own date)"] },
  "digest run": { summary: "Run one digest tick now: post every digest that is due.",
    flags: ["--now <ISO time>   act as if it were that instant (default: now)", "--json             print the report as JSON"] },
  "discord register": { summary: "Register the /papers slash command with Discord (needs DISCORD_TOKEN, DISCORD_APPLICATION_ID).",
    flags: ["--guild <id>   register in one server only (appears at once; global commands take up to an hour)"] },
  "discord invite": { summary: "Print the URL that adds the bot to a Discord server with exactly the permissions it uses (needs DISCORD_APPLICATION_ID)." },
  "slack manifest": { summary: "Print the Slack app manifest (JSON) to paste at api.slack.com/apps → Create New App → From a manifest.",
    flags: ["--socket                     Socket Mode (no public URL needed; the default without PUBLIC_BASE_URL)",
      "--url <public base URL>      HTTP mode: Slack sends requests to <URL>/slack/events"] },
};

function usage(): string {
  const width = Math.max(...cliCommands.map((c) => c.usage.length));
  return ["Usage:", ...cliCommands.map((c) => `  ${c.usage.padEnd(width)}  ${HELP[c.name]?.summary ?? c.summary ?? ""}`.trimEnd()),
    "", "  papers --version     print the version", "  papers <command> --help   what a command takes",
    "", "Configuration comes from environment variables (see .env.example and the README)."].join("\n");
}

function commandHelp(command: CliCommand): string {
  const help = HELP[command.name] ?? { summary: command.summary ?? "", flags: command.flags };
  return [`Usage: ${command.usage}`, "", help.summary, ...(help.flags?.length ? ["", ...help.flags.map((f) => `  ${f}`)] : [])].join("\n");
}

/**
 * What to say of a first word that names no command: the command one slip away ("serach"), or for a chat
 * command ("subscribe", "bookmark", as the README shows them) where it runs; always the way to the list.
 */
function unknownCommand(typed: string): string {
  const word = typed.slice(0, 40), name = typed.toLowerCase();
  if (name.startsWith("-")) return `papers: ${word} is not an option here. Run "papers --help" to see the commands.`;
  const meant = [...new Set(cliCommands.map((c) => c.name.split(" ")[0]!))].find((n) => editDistance(name, n) === 1);
  if (meant) return `papers: unknown command "${word}"; did you mean "papers ${meant}"? Run "papers --help" to see the commands.`;
  if (createRegistry().lookup([name])[0]) {
    return `papers: ${name} is a chat command: type /papers ${name} in Slack or Discord, or in the conversation "papers start" opens in this terminal.`;
  }
  return `papers: unknown command "${word}". Run "papers --help" to see the commands.`;
}

function version(): string {
  // package.json sits two folders up from both src/cli and dist/cli.
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}

export async function main(argv: string[], io: Partial<Omit<CliContext, "args" | "config">> = {}, env: Record<string, string | undefined> = {}): Promise<number> {
  const { stdout = process.stdout, stderr = process.stderr, stdin = process.stdin, services } = io;
  const say = (text: string) => stderr.write(maskSecrets(text) + "\n");
  const [typedName, ...args] = argv;
  // "papers Search moe": a command's name in any case, as chat reads it.
  const name = typedName?.toLowerCase();
  if (!name || name === "help" || name === "--help" || name === "-h") { (name ? stdout : stderr).write(usage() + "\n"); return name ? 0 : 2; }
  if (name === "--version" || name === "-v" || name === "version") { stdout.write(`papers-bot ${version()}\n`); return 0; }
  // A subcommand may be two words ("digest run", "slack manifest").
  const command = cliCommands.find((c) => c.name === `${name} ${args[0]}`) ?? cliCommands.find((c) => c.name === name);
  // "papers digest --help" (or just "papers digest"): a group's subcommands.
  const group = cliCommands.filter((c) => c.name.startsWith(`${name} `));
  if (!command && group.length > 0) {
    const help = args[0] === "--help" || args[0] === "-h";
    const lines = group.map((c) => `Usage: ${c.usage}\n  ${HELP[c.name]?.summary ?? c.summary ?? ""}`);
    if (args.length > 0 && !help) lines.unshift(`papers: ${name} has no subcommand "${String(args[0]).slice(0, 40)}".`);
    (help ? stdout : stderr).write(lines.join("\n") + "\n");
    return help ? 0 : 2;
  }
  if (!command) {
    say(unknownCommand(typedName!));
    return 2;
  }
  const rest = command.name.includes(" ") ? args.slice(1) : args;
  // After "--" every word is part of the query ("papers search -- --help" searches for "--help").
  const options = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
  if (options.includes("--help") || options.includes("-h")) { stdout.write(commandHelp(command) + "\n"); return 0; }
  // Chat mode (`start --chat`, or `start` with Slack or Discord configured) logs one JSON object per line:
  // a log pipeline would drop the plain sentence that says why the bot stopped, so it is logged as a
  // fatal line too, before the sentence (which stays the last line, for a person reading the output).
  let config: Config | undefined;
  const stop = (text: string, exitCode: number): number => {
    if (command.name === "start" && (rest.includes("--chat") || config?.slack || config?.discord)) {
      createLogger({ level: config?.LOG_LEVEL ?? "info", destination: stderr }).fatal({ exitCode }, text);
    }
    say(text);
    return exitCode;
  };
  try {
    config = loadConfig(env);
    // A misspelt name leaves its setting at the default in silence (DATABSE_URL: the embedded SQLite file);
    // start says so itself (in its log, and to a terminal).
    if (command.name !== "start") for (const misspelt of config.misspeltVariables) say(`papers: ${misspeltSentence(misspelt)}`);
    return await command.run({ args: rest, config, stdout, stderr, stdin, ...(services ? { services } : {}) });
  } catch (error) {
    if (error instanceof ConfigError) return stop(error.message, 2);
    // A flag mistake: the sentence, then the command's usage line (unless the sentence already is one).
    if (error instanceof CliUsageError) return stop(error.withUsage && !/Usage: /.test(error.message) ? `${error.message}\nUsage: ${command.usage}` : error.message, 2);
    if (error instanceof CannotConnectError) return stop(`papers: ${error.message}`, 1);
    if (error instanceof MigrationError) return stop(`papers: the database could not be migrated: ${error.message}`, 1);
    // Another process's write lock (an ingest, a digest run, a replica's refresh) outlasted the wait: nothing
    // was written, and the same command works once that process is done. Unreachable and full-disk errors
    // carry sentences of their own.
    if (error instanceof DatabaseBusyError && error.constructor === DatabaseBusyError) {
      return stop(`papers: ${command.name} wrote nothing: another process (an ingest, a digest run, a replica) held the database's write lock past the wait; run it again once that process is done.`, 1);
    }
    return stop(`papers: ${command.name} failed: ${lastLine(error)}`, 1);
  }
}
