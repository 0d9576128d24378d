// One bot per test file, wired exactly as `papers start` wires it (startSlack), talking to the emulator.
import { createRegistry } from "../../src/commands/index.ts";
import { startSlack, type RunningSlack } from "../../src/adapters/slack/index.ts";
import { SlackEmulator, SlackRequester } from "../emulators/slack/index.ts";
import { createTestServices, type TestServices } from "../support/services.ts";
import type { Clock } from "../../src/app/services.ts";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

export interface SlackHarness {
  emulator: SlackEmulator;
  services: TestServices;
  slack: RunningSlack;
  requester: SlackRequester;
  registry: ReturnType<typeof createRegistry>;
  /** A fresh response_url id for one request. */
  nextResponseId(): string;
  close(): Promise<void>;
}

/** `socketMode`: the bot connects to the emulator's Socket Mode server instead of listening for HTTP. */
export async function startHarness(options: { clock?: Clock; socketMode?: boolean } = {}): Promise<SlackHarness> {
  const emulator = new SlackEmulator();
  await emulator.start();
  const services = await createTestServices({
    ...(options.clock ? { clock: options.clock } : {}),
    env: { SLACK_BOT_TOKEN: emulator.token, SLACK_API_URL: emulator.apiUrl, PORT: "0",
      ...(options.socketMode ? { SLACK_APP_TOKEN: emulator.appToken } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }) },
  });
  const registry = createRegistry();
  const slack = await startSlack(services, registry);
  const requester = new SlackRequester(`http://127.0.0.1:${slack.port}`, SIGNING_SECRET, { teamId: emulator.teamId, userId: "U0ALICE", channelId: "C0GENERAL" });
  let n = 0;
  return {
    emulator, services, slack, requester, registry,
    nextResponseId: () => `r${++n}`,
    async close() { await slack.stop(); await emulator.stop(); await services.close(); },
  };
}

/** The person opens the app's Home tab: app_home_opened, with the view Slack has for them (none before the first). */
export function openHome(h: SlackHarness, userId: string, eventId: string) {
  const view = h.emulator.homeViews.get(userId);
  return h.requester.event({ type: "app_home_opened", user: userId, channel: `D${userId}`, tab: "home", ...(view ? { view } : {}) }, eventId);
}

/** Every mrkdwn/plain text in a message's blocks, joined, to assert on what a person reads. */
export function blockText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (typeof o.text === "string") out.push(o.text);
      for (const [k, v] of Object.entries(o)) if (k !== "text" || typeof v !== "string") walk(v);
    }
  };
  walk(blocks);
  return out.join("\n");
}

/** Block Kit elements of one type (button, overflow…) anywhere in the blocks. */
export function elements(blocks: unknown, type: string): Array<Record<string, any>> {
  const found: Array<Record<string, any>> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (node && typeof node === "object") {
      const o = node as Record<string, any>;
      if (o.type === type) found.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return found;
}
