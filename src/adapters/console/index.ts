// Terminal mode, like hubot's Shell: type what you would type in Slack and read the same answers.
// It is what `npm start` runs when no Slack or Discord token is configured.
import { createInterface } from "node:readline";
import type { ChannelRef, UserRef } from "../../core/channel.ts";
import type { CommandRegistry } from "../../commands/registry.ts";
import { runCommand, runText } from "../../commands/dispatch.ts";
import type { Reply } from "../../commands/reply.ts";
import type { Services } from "../../services.ts";
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
  return new Promise((resolve) => {
    rl.on("line", async (line) => {
      rl.pause();
      const text = line.trim().replace(/^\/?papers\b\s*/i, "");
      if (/^(quit|exit)$/i.test(text)) { rl.close(); return; }
      if (/^more$/i.test(text)) {
        last = last?.more ? await runCommand(registry, last.more.command, last.more.input, context())
          : { visibility: "ephemeral", tone: "info", text: "There is nothing more to show; search again with /papers <words>." };
      }
      else if (line.trim() === "") { prompt(); rl.resume(); return; }
      else last = await runText(registry, text, context());
      say(renderText(last));
      if (last.more) say(`(type "more" for the next page)`);
      prompt();
      rl.resume();
    });
    rl.on("close", () => resolve());
  });
}
