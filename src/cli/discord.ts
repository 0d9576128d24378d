// `papers discord register [--guild <id>]`: puts the /papers slash command, built from the registry.
import { createRegistry } from "../commands/index.ts";
import { CliUsageError, parseFlags, refuseArgs, type CliCommand } from "./io.ts";

function guildOf(args: string[]): string | undefined {
  const { values } = parseFlags({ args, allowPositionals: false, options: { guild: { type: "string" } } });
  const id = values.guild;
  if (id === undefined) return undefined;
  if (!/^\d{15,22}$/.test(id)) throw new CliUsageError(`"${id.slice(0, 40)}" is not a Discord server id (a number like 1234567890123456789).`);
  return id;
}

export const discordRegisterCli: CliCommand = {
  name: "discord register",
  usage: "papers discord register [--guild <id>]",
  async run(ctx) {
    const guildId = guildOf(ctx.args);
    const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId, DISCORD_API_URL: api } = ctx.config;
    if (!token || !applicationId) throw new CliUsageError("Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to register the Discord commands.");
    const { registerCommands } = await import("../adapters/discord/register.ts"); // discord.js only here
    const { scope, names } = await registerCommands(createRegistry(), { token, applicationId, api, guildId });
    ctx.stdout.write(`Registered ${names.length} commands (${scope}): ${names.join(", ")}\n`);
    if (!guildId) ctx.stdout.write("Global commands can take up to an hour to appear; use --guild <id> to try them at once.\n");
    return 0;
  },
};

export const discordInviteCli: CliCommand = {
  name: "discord invite",
  usage: "papers discord invite",
  async run(ctx) {
    refuseArgs(ctx, "papers discord invite");
    const applicationId = ctx.config.DISCORD_APPLICATION_ID;
    if (!applicationId) throw new CliUsageError("Set DISCORD_APPLICATION_ID (Developer Portal → your application → General Information → Application ID) to print the invite URL.");
    const { inviteUrl, BOT_PERMISSIONS } = await import("../adapters/discord/permissions.ts");
    ctx.stdout.write(`${inviteUrl(applicationId)}\n\nOpen it as a server admin to add the bot with these permissions:\n`);
    for (const p of BOT_PERMISSIONS) ctx.stdout.write(`  ${p.name}: ${p.why}\n`);
    return 0;
  },
};
