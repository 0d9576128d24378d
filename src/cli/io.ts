import type { Config } from "../config.ts";
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
  run(ctx: CliContext): Promise<number>;
}

/** A mistake in how the CLI was called: printed as one sentence, exit code 2. */
export class CliUsageError extends Error {}
