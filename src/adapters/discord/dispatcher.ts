// discord.js's REST clients send through the undici they ship with (6.x) and, unless given one, through
// the process-wide dispatcher. @slack/socket-mode brings undici 7, which installs its own Agent as that
// dispatcher when it loads first — as in a bot that runs Slack and Discord — and undici 7 cannot send
// undici 6's multipart bodies: every file upload (/papers export) failed with "action is not a function".
// So Discord's REST clients get an Agent of the very undici @discordjs/rest loads.
import { createRequire } from "node:module";
import type { RESTOptions } from "discord.js";

type Dispatcher = NonNullable<RESTOptions["agent"]>;

let agent: Dispatcher | undefined;

/** An Agent of @discordjs/rest's own undici, shared by this process's Discord REST clients. */
export function discordDispatcher(): Dispatcher {
  if (agent) return agent;
  const fromDiscord = createRequire(createRequire(import.meta.url).resolve("discord.js"));
  const fromRest = createRequire(fromDiscord.resolve("@discordjs/rest"));
  const { Agent } = fromRest("undici") as { Agent: new () => Dispatcher };
  agent = new Agent();
  return agent;
}
