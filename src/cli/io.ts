import { parseArgs, type ParseArgsConfig } from "node:util";
import { editDistance, type Config } from "../config.ts";
import type { Services } from "../core/services.ts";

/** What a CLI subcommand gets: its own words, where to write, and the config read once in main. */
export interface CliContext {
  args: string[];
  config: Config;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  /** Services already open, used instead of opening the database again (a test running a thousand commands). */
  services?: Services;
}

export interface CliCommand {
  name: string;
  usage: string;
  /** One line for `papers --help`, and lines describing each flag for `papers <command> --help`. */
  summary?: string;
  flags?: string[];
  run(ctx: CliContext): Promise<number>;
}

/** A mistake in how the CLI was called: printed as one sentence, exit code 2. */
export class CliUsageError extends Error {
  /** `withUsage`: a mistake in the flags or words, so main.ts prints the command's usage line after it. */
  constructor(message: string, readonly withUsage = false) { super(message); }
}

/** A command that takes nothing on its line: a stray word or flag is one sentence (`why`: what it goes by instead). */
export function refuseArgs(ctx: Pick<CliContext, "args">, command: string, why = ""): void {
  if (ctx.args.length > 0) throw new CliUsageError(`${command} takes no words or flags ("${ctx.args[0]!.slice(0, 40)}")${why}.`, true);
}

/** node:util parseArgs, with its errors turned into one sentence (main.ts adds the usage line). */
export function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new CliUsageError(flagMistake(error as Error & { code?: string }, config.args ?? process.argv.slice(2), Object.keys(config.options ?? {})), true);
  }
}

function flagMistake(error: Error & { code?: string }, args: readonly string[], flags: string[]): string {
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION": {
      // A slip of the flag's name ("--lmit", "--Limit", "--jsno"): the flag it is two letters or a letter's case from.
      // A single letter ("-l", "-j"): the flag it begins, as tools that have short flags spell them.
      const typed = option?.replace(/^-+/, "").toLowerCase();
      const meant = !typed ? undefined : typed.length === 1 ? flags.find((flag) => flag.startsWith(typed) && flag !== "help")
        : typed.length > 2 ? flags.find((flag) => editDistance(typed, flag) <= (flag.length > 4 ? 2 : 1)) : undefined;
      return `${option ?? "That option"} is not an option of this command${meant ? `; did you mean --${meant}?` : "."}`;
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      if (/argument missing/.test(error.message)) return `${option ?? "That option"} needs a value.`;
      // "--limit -3": the value starts with a dash, so parseArgs reads it as another flag.
      if (/ambiguous/.test(error.message)) {
        const value = option ? args[args.indexOf(option) + 1] : undefined;
        return `${option ?? "That option"} needs a value, and ${value ? `"${value.slice(0, 20)}"` : "what follows it"} reads as a flag; ` +
          `write ${option ?? "the option"}=${value?.slice(0, 20) ?? "<value>"} if that is the value.`;
      }
      return `${option ?? "That option"} takes no value.`;
    }
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL": return `Unexpected word ${/'([^']*)'/.exec(error.message)?.[1] ?? ""}: this command takes only flags.`.replace("word :", "word:");
    default: return (error.message.split("\n")[0] ?? "Those flags are not right.").replace(/'/g, "\"");
  }
}
