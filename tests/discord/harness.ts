// One papers-bot Discord adapter (the production startDiscord) on real services, connected through real
// discord.js to the emulator on loopback.
import { createRegistry } from "../../src/commands/index.ts";
import type { CommandRegistry } from "../../src/command-kit/registry.ts";
import { startDiscord } from "../../src/adapters/discord/index.ts";
import { DiscordEmulator, type DispatchedInteraction, type RestRecord } from "../emulators/discord/index.ts";
import { createTestServices, manualClock, type TestServices } from "../support/services.ts";
import { TEST_DISCORD_TOKEN } from "../support/secrets.ts";

export const TOKEN = TEST_DISCORD_TOKEN;

export interface Harness {
  emulator: DiscordEmulator;
  services: TestServices;
  registry: CommandRegistry;
  bot: Awaited<ReturnType<typeof startDiscord>>;
  channelId: string;
  /** Starts the adapter again (as after a restart): caches gone, database kept. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(options: { registry?: CommandRegistry; clock?: ReturnType<typeof manualClock> } = {}): Promise<Harness> {
  const emulator = await new DiscordEmulator().start();
  const services = await createTestServices({
    clock: options.clock,
    env: { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: emulator.applicationId, DISCORD_API_URL: emulator.apiUrl },
  });
  const registry = options.registry ?? createRegistry();
  const harness: Harness = {
    emulator, services, registry, bot: await startDiscord(services, registry), channelId: emulator.guilds[0]!.channels[0]!.id,
    async restart() { await harness.bot.stop(); harness.bot = await startDiscord(services, registry); },
    async close() { await harness.bot.stop(); await emulator.stop(); await services.close(); },
  };
  return harness;
}

/** The deferral callback and then the edit of the original reply, for one interaction. */
export async function deferredThenEdited(emulator: DiscordEmulator, interaction: DispatchedInteraction): Promise<{ deferred: RestRecord; edit: RestRecord }> {
  const deferred = await emulator.waitFor((r) => r.method === "POST" && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`, "deferral");
  const edit = await emulator.waitFor((r) => r.method === "PATCH" && r.path.endsWith(`/${interaction.token}/messages/@original`), "edit of the reply");
  return { deferred, edit };
}
