// `papers slack manifest [--socket | --url <https://host>]`: the Slack app manifest as JSON on stdout.
import { createRegistry } from "../commands/index.ts";
import { buildManifest } from "../adapters/slack/manifest.ts";
import { CliUsageError, type CliCommand } from "./io.ts";

const USAGE = "papers slack manifest [--socket | --url <public base URL>]";

export function parseManifestArgs(args: string[], publicBaseUrl?: string): { socket: boolean; url?: string } {
  let socket = false;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--socket") socket = true;
    else if (arg === "--url") {
      url = args[++i];
      if (url === undefined || url.startsWith("-")) throw new CliUsageError(`papers slack manifest: --url needs the public base URL of the bot, like https://papers.example.com. Usage: ${USAGE}`);
    }
    else if (arg.startsWith("--url=")) url = arg.slice("--url=".length);
    else throw new CliUsageError(`papers slack manifest: unexpected "${arg.slice(0, 40)}". Usage: ${USAGE}`);
  }
  if (socket && url) throw new CliUsageError(`papers slack manifest: choose --socket or --url, not both. Usage: ${USAGE}`);
  const given = url !== undefined ? "--url" : "PUBLIC_BASE_URL";
  url ??= socket ? undefined : publicBaseUrl;
  // Slack sends events and commands to HTTPS addresses only: it refuses an http:// one when the app is saved.
  if (url !== undefined && !/^https:\/\/[^\s/]+/.test(url)) throw new CliUsageError(`papers slack manifest: ${given} needs an https:// URL (Slack sends to no other), like https://papers.example.com. Usage: ${USAGE}`);
  return url ? { socket, url } : { socket: true };
}

export const slackManifestCli: CliCommand = {
  name: "slack manifest",
  usage: USAGE,
  async run(ctx) {
    const options = parseManifestArgs(ctx.args, ctx.config.PUBLIC_BASE_URL);
    ctx.stdout.write(JSON.stringify(buildManifest(createRegistry(), options), null, 2) + "\n");
    return 0;
  },
};
