// The manifest is built from the registry: every visible command appears, in HTTP and Socket Mode shapes.
import { describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import { createRegistry } from "../../src/commands/index.ts";
import { BOT_EVENTS, buildManifest } from "../../src/adapters/slack/manifest.ts";
import { main } from "../../src/cli/main.ts";

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough(), stderr = new PassThrough();
  let out = "", err = "";
  stdout.on("data", (c) => { out += c; });
  stderr.on("data", (c) => { err += c; });
  const code = await main(args, { stdout, stderr }, { DATABASE_URL: "file:./unused.db" });
  return { code, out, err };
}

describe("papers slack manifest", () => {
  it("lists every visible command in the one /papers command's usage hint", () => {
    const registry = createRegistry();
    const manifest = buildManifest(registry, { url: "https://papers.example.com/" }) as any;
    const [command] = manifest.features.slash_commands;
    expect(manifest.features.slash_commands).toHaveLength(1);
    expect(command.command).toBe("/papers");
    for (const { data } of registry.visible()) {
      if (data.name === "search") continue;
      expect(command.usage_hint).toContain(data.name);
    }
    for (const { data } of registry.list().filter((x) => x.data.hidden)) expect(command.usage_hint).not.toContain(data.name);
    expect(command.usage_hint.length).toBeLessThanOrEqual(1000);
    expect(command.url).toBe("https://papers.example.com/slack/events");
    expect(manifest.settings.event_subscriptions.request_url).toBe("https://papers.example.com/slack/events");
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: "https://papers.example.com/slack/events" });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([...BOT_EVENTS]);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["commands", "chat:write", "reactions:read", "files:write", "im:write", "channels:history", "groups:history"]));
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it("--socket has no request URLs", async () => {
    const { code, out } = await cli(["slack", "manifest", "--socket"]);
    expect(code).toBe(0);
    const manifest = JSON.parse(out);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(manifest)).not.toContain("request_url");
    expect(manifest.features.slash_commands[0].url).toBeUndefined();
  });

  it("--url prints request URLs; a bad flag is one sentence and exit 2", async () => {
    const ok = await cli(["slack", "manifest", "--url", "https://bot.example.org"]);
    expect(JSON.parse(ok.out).features.slash_commands[0].url).toBe("https://bot.example.org/slack/events");
    const bad = await cli(["slack", "manifest", "--url", "not a url"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^papers slack manifest: --url needs an https:\/\/ URL/);
    expect(bad.err.trim().split("\n")).toHaveLength(1);
    // Slack sends events to HTTPS addresses only.
    const plain = await cli(["slack", "manifest", "--url", "http://bot.example.org"]);
    expect([plain.code, plain.err]).toEqual([2, expect.stringMatching(/--url needs an https:\/\/ URL \(Slack sends to no other\)/)]);
  });
});
