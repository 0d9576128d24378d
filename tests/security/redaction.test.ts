// No token reaches a log line, including inside the error objects the SDKs throw: discord.js errors
// carry the request body, HTTP-client errors (axios-style) carry the request config with its
// Authorization header, and anything may end up in a message or a nested `cause`. The SDK errors here
// are produced by the real SDK against a loopback server (or a closed port), then logged the way our
// code logs them; the hand-made shapes cover what an SDK upgrade could start attaching.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webApi } from "@slack/bolt";
import { REST } from "discord.js";
import { createLogger, maskSecrets, registerConfigSecrets, registerSecret } from "../../src/log.ts";
import { loadConfig } from "../../src/config.ts";
import { LogCapture } from "../support/services.ts";
import { leakedSecrets, registerSecretsIn, TEST_DATABASE_PASSWORD, TEST_DISCORD_SHAPED_TOKEN, TEST_DISCORD_TOKEN, TEST_SLACK_APP_TOKEN,
  TEST_SLACK_BOT_TOKEN, TEST_SLACK_SIGNING_SECRET } from "../support/secrets.ts";

/** A server that answers every request with `status` and `body`, echoing nothing. */
let server: Server;
let status = 500;
let body: unknown = {};
beforeAll(async () => {
  server = createServer((_req, res) => { res.writeHead(status, { "Content-Type": "application/json" }); res.end(JSON.stringify(body)); });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try { await work(); } catch (error) { return error; }
  throw new Error("expected the call to fail");
}

function logged(entry: Record<string, unknown>): string {
  const capture = new LogCapture();
  createLogger({ level: "trace", destination: capture }).error(entry, "call failed");
  return capture.text;
}

const slackClient = (api: string, token = TEST_SLACK_BOT_TOKEN) =>
  new webApi.WebClient(token, { slackApiUrl: api, retryConfig: { retries: 0 }, logger: { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => webApi.LogLevel.ERROR, setName() {} } });

describe("SDK errors in the log", () => {
  it("Slack request error (connection refused), logged under any key", async () => {
    const error = await caught(() => slackClient("http://127.0.0.1:9/api/").chat.postMessage({ channel: "C1", text: "hi" }));
    expect(error).toBeInstanceOf(Error);
    for (const key of ["err", "error", "cause"]) {
      const text = logged({ [key]: error });
      expect(text).toContain("request error occurred");
      expect(leakedSecrets(text), key).toEqual([]);
    }
  });

  it("Slack HTTP error (500) and platform error (invalid_auth)", async () => {
    status = 500; body = { ok: false };
    const http = await caught(() => slackClient(`${url()}/api/`).chat.postMessage({ channel: "C1", text: "hi" }));
    status = 200; body = { ok: false, error: "invalid_auth" };
    const platform = await caught(() => slackClient(`${url()}/api/`).auth.test());
    const text = logged({ err: http }) + logged({ err: platform });
    expect(text).toContain("invalid_auth");
    expect(leakedSecrets(text)).toEqual([]);
  });

  it("discord.js DiscordAPIError with the request body, and a network failure", async () => {
    status = 403; body = { code: 50001, message: "Missing Access" };
    for (const token of [TEST_DISCORD_TOKEN, TEST_DISCORD_SHAPED_TOKEN]) {
      registerSecret(TEST_DISCORD_TOKEN);
      const rest = new REST({ api: `${url()}/api`, retries: 0 }).setToken(token);
      // A body that quotes the token (a person pasting it into a message) must be masked as well.
      const apiError = await caught(() => rest.post("/channels/1/messages", { body: { content: `my token is ${token}` } }));
      expect((apiError as { requestBody?: unknown }).requestBody).toBeDefined();
      const offline = new REST({ api: "http://127.0.0.1:9/api", retries: 0, timeout: 2_000 }).setToken(token);
      const network = await caught(() => offline.get("/users/@me"));
      const text = logged({ err: apiError }) + logged({ err: network, rest });
      expect(text).toContain("Missing Access");
      expect(leakedSecrets(text)).toEqual([]);
    }
  });

  // An interaction's token is its callback's (and its webhook's) path: whoever holds it answers as the bot there.
  it("a failed interaction callback's url, and a Slack response_url, without the token in their path", async () => {
    status = 500; body = {};
    const rest = new REST({ api: `${url()}/api`, retries: 0 }).setToken(TEST_DISCORD_TOKEN);
    const interactionToken = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OlNlY3JldFRva2VuUGFydA";
    const callback = await caught(() => rest.post(`/interactions/123456789012345678/${interactionToken}/callback`, { body: { type: 5 }, auth: false }));
    const webhook = await caught(() => rest.patch(`/webhooks/876543210987654321/${interactionToken}/messages/@original`, { body: { content: "x" }, auth: false }));
    const responseUrl = "https://hooks.slack.com/commands/T0TEST/1234567890/SlackResponseUrlSecret42";
    const text = logged({ err: callback }) + logged({ err: webhook }) + logged({ err: new Error(`POST ${responseUrl} failed`), responseUrl });
    expect(text).toContain("/interactions/123456789012345678/[redacted]/callback");
    expect(text).toContain("/webhooks/876543210987654321/[redacted]");
    expect(text).toContain("hooks.slack.com/commands/[redacted]");
    expect(text).not.toContain(interactionToken);
    expect(text).not.toContain("SlackResponseUrlSecret42");
  });
});

describe("secrets in hand-made shapes", () => {
  it("masks Authorization headers however deep, tokens in messages, URLs, causes and arrays", () => {
    registerSecret(TEST_SLACK_SIGNING_SECRET);
    const deep = Object.assign(new Error(`auth failed for ${TEST_SLACK_BOT_TOKEN}`, { cause: new Error(`app token ${TEST_SLACK_APP_TOKEN}`) }), {
      response: { request: { config: { headers: { Authorization: "Bearer opaque-token-1234567890" } } } },
      url: `https://slack.com/api/auth.test?token=${TEST_SLACK_BOT_TOKEN}`,
      attempts: [{ headers: { authorization: `Bot ${TEST_DISCORD_SHAPED_TOKEN}` } }],
    });
    const text = logged({ err: deep, req: { headers: { "x-slack-signature": "v0=abc", authorization: "Basic dXNlcjpwYXNz" } },
      note: `signing secret ${TEST_SLACK_SIGNING_SECRET}` });
    expect(leakedSecrets(text)).toEqual([]);
    expect(text).not.toContain("opaque-token-1234567890");
    expect(text).not.toContain("dXNlcjpwYXNz");
    expect(text).toContain("auth failed for [redacted]");
  });

  it("registers every secret in the config, including the database password", () => {
    const env = { SLACK_BOT_TOKEN: "xoxb-config-token", SLACK_SIGNING_SECRET: "abcdef0123456789signing", DISCORD_TOKEN: "plain-discord-secret",
      DISCORD_APPLICATION_ID: "123456789012345678", DATABASE_URL: `postgresql://papers:${encodeURIComponent(TEST_DATABASE_PASSWORD)}@db.internal:5432/papers` };
    registerSecretsIn(env); // new secrets for this test: the suite's leak check looks for them too
    const config = loadConfig(env);
    registerConfigSecrets(config);
    const text = maskSecrets(`${config.SLACK_SIGNING_SECRET} ${config.DISCORD_TOKEN} ${config.DATABASE_URL} ${TEST_DATABASE_PASSWORD}`);
    expect(text).not.toMatch(/signing|plain-discord-secret/);
    expect(leakedSecrets(text)).toEqual([]);
  });

  it("masks a registered secret even where JSON escaping changed it", () => {
    registerSecret('se"cret\\with-quotes');
    expect(logged({ value: 'x se"cret\\with-quotes y' })).not.toContain("cret");
  });
});
