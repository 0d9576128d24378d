// The one slash command, /papers: acknowledged at once with an empty body (Slack shows nothing until the
// answer arrives), then the words run as a command and the answer goes to the response_url.
import type { App } from "@slack/bolt";
import { runText } from "../../command-kit/dispatch.ts";
import { commandContext, type SlackDeps } from "./context.ts";
import { deliver } from "./deliver.ts";
import { safely } from "./safely.ts";
import { DEFAULT_BOT_NAME } from "../../core/messages/bot-name.ts";

export const SLASH_COMMAND = "/papers";

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const { services, registry } = deps;
    const to = { client, userId: command.user_id, channelId: command.channel_id, respond, botUserId: deps.botUserId };
    await deps.track(safely(services, { kind: "command", user: command.user_id, team: command.team_id }, async () => {
      const reply = await runText(registry, slackWords(command.text ?? "", deps.botUserId), commandContext(services, command.team_id, command.user_id, command.channel_id, client, deps.lookups));
      await deliver(services, to, reply);
    }, (apology) => deliver(services, to, apology)));
  });
}

/** The words of a command, a mention or a DM as the person saw them when they sent it: Slack's markup read
 * (slackMarkupShown), &, < and > unescaped, and the bot's own handle that addresses it left out. */
export function slackWords(text: string, botUserId: string): string {
  return withoutOwnHandle(slackUnescape(slackMarkupShown(text, botUserId)), botUserId);
}

/**
 * Slack sends what a person typed with its markup in it: "#general" as "<#C0123|general>", a link as
 * "<https://…>" (or "<http://arxiv.org/…|arxiv.org/…>" when typed without its scheme), "@here" as "<!here>",
 * a picked person as "<@U0123>". Answers quote the words back, so they are read as the person saw them: the
 * label Slack shows, a link's address, "@here". The bot's own mention addresses it wherever it stands ("moe
 * @papers-bot", "hey @papers-bot, moe"): it is left out, not searched for. A person's mention without a name
 * stays as sent (the name is not in the text). A "<" the person typed comes as "&lt;", so every "<" is markup.
 */
export function slackMarkupShown(text: string, botUserId: string): string {
  const own = new RegExp(`[ \\t]*<@${botUserId.replace(/\W/g, "")}(?:\\|[^<>]*)?>[\\s,:]*`, "g");
  return text.replace(own, " ").replace(/<([^<>|]*)(?:\|([^<>]*))?>/g, (markup, target: string, label: string | undefined) => {
    if (target.startsWith("@")) return label ? `@${label}` : markup;
    if (target.startsWith("#")) return label ? `#${label}` : markup;
    if (target.startsWith("!")) return label || (/^!(here|channel|everyone)$/.test(target) ? `@${target.slice(1)}` : markup);
    return label || target;
  });
}

/** Slack sends &, < and > as &amp;, &lt; and &gt;: "/papers q&a" is a search for "q&a", not "q&amp;a". */
export function slackUnescape(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The command's words without the bot's own handle before them: "/papers @papers-bot moe" (people address the
 * bot out of habit) or a mention's "@papers-bot moe" (mentions.ts) is "moe", not a search for the handle too.
 * Slack sends a picked mention as "<@U…>" or "<@U…|name>", a typed one as written. */
export function withoutOwnHandle(text: string, botUserId: string): string {
  const mention = new RegExp(`^\\s*(?:<@${botUserId.replace(/\W/g, "")}(?:\\|[^>]*)?>|@${DEFAULT_BOT_NAME}\\b)[\\s,:]*`, "i");
  return text.replace(mention, "");
}
