import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DISCORD_TOKEN } from "../support/secrets.ts";
import { buildCommands } from "../../src/adapters/discord/commands.ts";
import { main } from "../../src/cli/main.ts";
import { createRegistry } from "../../src/commands/index.ts";
import { DiscordEmulator } from "../emulators/discord/index.ts";

let emulator: DiscordEmulator;
beforeAll(async () => { emulator = await new DiscordEmulator().start(); });
afterAll(async () => { await emulator?.stop(); });

async function cli(args: string[], token = TEST_DISCORD_TOKEN, applicationId = emulator.applicationId): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough(), stderr = new PassThrough();
  let out = "", err = "";
  stdout.on("data", (d) => (out += d)); stderr.on("data", (d) => (err += d));
  const env = { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId, DISCORD_API_URL: emulator.apiUrl };
  const code = await main(args, { stdout, stderr }, env);
  return { code, out, err };
}

describe("papers discord register", () => {
  it("puts /papers with a subcommand per visible command, and re-running sends the same payload", async () => {
    const guildId = emulator.guilds[0]!.id;
    const first = await cli(["discord", "register", "--guild", guildId]);
    expect(first.code).toBe(0);
    const second = await cli(["discord", "register", "--guild", guildId]);
    expect(second.code).toBe(0);
    const puts = emulator.records.filter((r) => r.method === "PUT" && r.path === `/applications/${emulator.applicationId}/guilds/${guildId}/commands`);
    expect(puts).toHaveLength(2);
    expect(puts[1]!.body).toEqual(puts[0]!.body);
    expect(puts[0]!.body).toEqual(JSON.parse(JSON.stringify(buildCommands(createRegistry()))));

    const [papers] = puts[0]!.body;
    expect(papers.name).toBe("papers");
    expect(papers.options.map((o: any) => o.name)).toEqual(createRegistry().visible().map((c) => c.data.name));
    const option = (sub: string, name: string) => papers.options.find((o: any) => o.name === sub).options.find((o: any) => o.name === name);
    // Discord stops the typing at the longest value taken, rather than the bot refusing it after.
    expect(option("search", "query")).toMatchObject({ type: 3, required: true, autocomplete: true, max_length: 500 });
    expect(option("note", "text")).toMatchObject({ type: 3, required: false, max_length: 500 });
    expect(option("trending", "count")).toMatchObject({ type: 4, required: false, min_value: 1, max_value: 50 });
    expect(option("trending", "topic")).toMatchObject({ type: 3, required: false });
    expect(option("subscribe", "zone")).toMatchObject({ autocomplete: true });
    expect(option("subscribe", "ranked").choices).toEqual([{ name: "trending", value: "trending" }, { name: "team", value: "team" }]);
    expect(first.out).toContain("/papers search");
  });

  it("registers globally without --guild", async () => {
    const result = await cli(["discord", "register"]);
    expect(result.code).toBe(0);
    expect(emulator.commands.get("global")).toHaveLength(1);
  });

  it("a token Discord refuses is one sentence naming DISCORD_TOKEN, exit 2, and registers nothing", async () => {
    const before = emulator.records.filter((r) => r.method === "PUT" && r.status === 200).length;
    const result = await cli(["discord", "register"], "MTIz.notthetoken.xyz");
    expect(result.code).toBe(2);
    expect(result.err.trim()).toMatch(/^Configuration error: Discord refused DISCORD_TOKEN \(401 Unauthorized\); use the bot's token from the Discord Developer Portal/);
    expect(result.err).not.toContain("notthetoken");
    expect(emulator.records.filter((r) => r.method === "PUT" && r.status === 200).length).toBe(before);
  });

  it("a server the bot was not added to is one sentence saying how to add it, exit 2", async () => {
    const result = await cli(["discord", "register", "--guild", "123456789012345678"]);
    expect(result.code).toBe(2);
    expect(result.err.trim()).toBe("Discord refused to register /papers in server 123456789012345678 (Missing Access): the bot is not in that server, " +
      "or was added without the applications.commands scope. Add it with the URL papers discord invite prints, then register again.");
    expect(emulator.commands.has("123456789012345678")).toBe(false);
  });

  it("an application id that is not the token's application is one sentence naming the right one, exit 2, and registers nothing", async () => {
    const puts = () => emulator.records.filter((r) => r.method === "PUT").length;
    const before = puts();
    const result = await cli(["discord", "register"], TEST_DISCORD_TOKEN, "123456789012345678");
    expect(result.code).toBe(2);
    expect(result.err.trim()).toBe(`Configuration error: DISCORD_APPLICATION_ID is 123456789012345678, but DISCORD_TOKEN is the bot of application ${emulator.applicationId}; ` +
      `set DISCORD_APPLICATION_ID=${emulator.applicationId} (the Developer Portal's General Information → Application ID of that bot's application).`);
    expect(puts()).toBe(before);
  });

  it("a bad guild id is one sentence and exit 2", async () => {
    const result = await cli(["discord", "register", "--guild", "general"]);
    expect(result.code).toBe(2);
    expect(result.err.trim()).toMatch(/^"general" is not a Discord server id/);
  });
});
