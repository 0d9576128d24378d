// Terminal mode, like hubot's Shell: type what you would type in Slack and read the same answers.
// It is what `npm start` runs when no Slack or Discord token is configured.
import { createInterface } from "node:readline";
import type { ChannelRef, UserRef } from "../../core/channel.ts";
import type { CommandRegistry } from "../../command-kit/registry.ts";
import { runCommand, runText } from "../../command-kit/dispatch.ts";
import type { Reply } from "../../core/messages/reply.ts";
import type { Services } from "../../core/services.ts";
import { renderText } from "./render.ts";

const channel: ChannelRef = { platform: "console", workspaceId: "local", channelId: "terminal" };

export function startConsole(services: Services, registry: CommandRegistry, io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal?: AbortSignal }): Promise<void> {
  const user: UserRef = { platform: "console", workspaceId: "local", userId: services.config.USER };
  const rl = createInterface({ input: io.input, output: io.output, terminal: false, ...(io.signal ? { signal: io.signal } : {}) });
  const say = (text: string) => io.output.write(text + "\n");
  let last: Reply | undefined;
  const context = () => ({ services, user, channel, canManageChannel: true, now: services.clock() });

  say(`papers-bot (terminal mode): ${services.catalog.size} papers. Type /papers help, /papers moe, or "quit".`);
  const prompt = () => io.output.write("> ");
  prompt();
  // Lines are answered one at a time, in order: piped input arrives all at once, and "subscribe" must
  // finish before the "subscriptions" typed after it runs. Closing waits for the answer in progress.
  let queue = Promise.resolve();
  let quitting = false;
  const answer = async (line: string) => {
    if (quitting) return; // lines piped after "quit"
    const text = line.trim().replace(/^\/?papers\b\s*/i, "");
    if (/^(quit|exit)$/i.test(text)) { quitting = true; rl.close(); return; }
    if (line.trim() === "") { prompt(); return; }
    if (/^more$/i.test(text)) {
      last = last?.more ? await runCommand(registry, last.more.command, last.more.input, context())
        : { visibility: "ephemeral", tone: "info", text: "There is nothing more to show; search again with /papers <words>." };
    } else last = await runText(registry, text, context());
    say(renderText(last));
    if (last.more) say(`(type "more" for the next page)`);
    prompt();
  };
  return new Promise((resolve) => {
    rl.on("line", (line) => { queue = queue.then(() => answer(line)); });
    rl.on("close", () => { void queue.then(resolve); });
  });
}
