// Words addressed to the bot outside /papers, as people address Slack bots: "@papers-bot moe" in a channel
// (app_mention) and anything typed in the bot's own DM, its Messages tab (message.im). Both run exactly as
// the slash command's words would. A channel mention is answered in its thread, privately as /papers
// answers there (a reading list is nobody else's); the bot's DM is private already, so it is answered there
// as plain messages, which stay after a reload where ephemeral ones vanish. Each event id is handled once,
// however often Slack retries it or a second replica hears it.
import type { App, webApi } from "@slack/bolt";
import { runText } from "../../command-kit/dispatch.ts";
import { commandContext, type SlackDeps } from "./context.ts";
import { deliver } from "./deliver.ts";
import { safely } from "./safely.ts";
import { slackWords } from "./commands.ts";

/** What Slack sends for app_mention and message.im; shapes checked, not assumed. */
interface AddressedEvent { user?: unknown; text?: unknown; channel?: unknown; ts?: unknown; thread_ts?: unknown;
  channel_type?: unknown; subtype?: unknown; bot_id?: unknown }

const isText = (v: unknown): v is string => typeof v === "string" && v.length > 0;

async function answer(deps: SlackDeps, client: webApi.WebClient, teamId: string, eventId: string | undefined, event: AddressedEvent,
  inDm: boolean): Promise<void> {
  const { services } = deps;
  const { user, text, channel, ts } = event;
  // An edit, a deletion, a bot's own message (this one's included) or a join notice is nobody asking.
  if (!isText(user) || !isText(channel) || !isText(ts) || typeof text !== "string" || event.subtype !== undefined
    || event.bot_id !== undefined || user === deps.botUserId) return;
  const threadTs = isText(event.thread_ts) ? event.thread_ts : inDm ? undefined : ts;
  const to = { client, userId: user, channelId: channel, botUserId: deps.botUserId, ...(inDm ? { openly: true } : {}),
    ...(threadTs ? { threadTs } : {}) };
  await deps.track(safely(services, { kind: inDm ? "dm" : "mention", user, team: teamId, eventId }, async () => {
    if (eventId && !(await services.events.claim("slack", eventId))) return;
    const words = slackWords(text, deps.botUserId);
    // "@papers-bot" alone is a hello: the help says what it answers to.
    const reply = await runText(deps.registry, words.trim() === "" ? "help" : words, commandContext(services, teamId, user, channel, client, deps.lookups));
    await deliver(services, to, reply);
  }, (apology) => deliver(services, to, apology)));
}

export function registerMentions(app: App, deps: SlackDeps): void {
  app.event("app_mention", async ({ event, body, client }) => {
    // A mention inside the bot's DM also comes as message.im, answered there.
    const channel = (event as AddressedEvent).channel;
    if (typeof channel === "string" && channel.startsWith("D")) return;
    await answer(deps, client, body.team_id ?? "", body.event_id, event as AddressedEvent, false);
  });
  app.event("message", async ({ event, body, client }) => {
    if ((event as AddressedEvent).channel_type !== "im") return;
    await answer(deps, client, body.team_id ?? "", body.event_id, event as AddressedEvent, true);
  });
}
