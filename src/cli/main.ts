// The `papers` command line. Every mistake is one sentence and a non-zero exit, never a stack trace.
import { ConfigError, loadConfig } from "../config.ts";
import { MigrationError } from "../persistence/index.ts";
import { maskSecrets } from "../log.ts";
import { CliUsageError, type CliCommand, type CliContext } from "./io.ts";
import { ingestCli } from "./ingest.ts";
import { searchCli, trendingCli } from "./query.ts";
import { discordRegisterCli } from "./discord.ts";
import { digestRunCli } from "./digest.ts";
import { slackManifestCli } from "./slack.ts";

// Loaded only for `papers start`: the chat SDKs it pulls in take seconds to load, which every
// one-shot command (search, trending, ingest) would otherwise pay.
const startCli: CliCommand = { name: "start", usage: "papers start", run: async (ctx) => (await import("../app/start.ts")).start(ctx.config, ctx) };

export const cliCommands: CliCommand[] = [searchCli, trendingCli, ingestCli, digestRunCli, discordRegisterCli, slackManifestCli, startCli];

function usage(): string {
  return ["Usage:", ...cliCommands.map((c) => `  ${c.usage}`)].join("\n");
}

export async function main(argv: string[], io: Partial<Omit<CliContext, "args" | "config">> = {}, env: Record<string, string | undefined> = {}): Promise<number> {
  const { stdout = process.stdout, stderr = process.stderr, stdin = process.stdin, services } = io;
  const say = (text: string) => stderr.write(maskSecrets(text) + "\n");
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") { (name ? stdout : stderr).write(usage() + "\n"); return name ? 0 : 2; }
  // A subcommand may be two words ("digest run", "slack manifest").
  const command = cliCommands.find((c) => c.name === `${name} ${args[0]}`) ?? cliCommands.find((c) => c.name === name);
  if (!command) { say(`papers: unknown command "${name.slice(0, 40)}". Run "papers help" to see the commands.`); return 2; }
  const rest = command.name.includes(" ") ? args.slice(1) : args;
  try {
    const config = loadConfig(env);
    return await command.run({ args: rest, config, stdout, stderr, stdin, ...(services ? { services } : {}) });
  } catch (error) {
    if (error instanceof CliUsageError || error instanceof ConfigError) { say(error.message); return 2; }
    if (error instanceof MigrationError) { say(`papers: the database could not be migrated: ${error.message}`); return 1; }
    // Prisma's messages carry a code frame of our source before the reason on their last line: keep the reason.
    const reason = String((error as Error)?.message ?? error).split("\n").map((l) => l.trim()).filter(Boolean).pop() ?? "unknown error";
    say(`papers: ${command.name} failed: ${reason}`);
    return 1;
  }
}
