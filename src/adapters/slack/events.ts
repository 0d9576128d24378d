// Events: 🔖 reactions on the bot's paper messages (bookmark / un-bookmark) and the App Home opening (home.ts).
// Bolt acknowledges events itself before these run. Each event id is handled once, however often Slack
// (X-Slack-Retry-Num) or a second replica delivers it.
import type { App, webApi } from "@slack/bolt";
import { handleReaction, isBookmarkEmoji } from "../../command-kit/interactions.ts";
import { slackChannel, slackUser, type SlackDeps } from "./context.ts";
import { deliver } from "./deliver.ts";
import { publishHome } from "./home.ts";
import { safely } from "./safely.ts";
import { InTurn } from "../../core/in-turn.ts";

const reactions = new InTurn();

/** `item_user`: who wrote the message reacted to. */
interface ReactionEvent { user: string; reaction: string; item: { type: string; channel?: string; ts?: string }; item_user?: string }

async function onReaction(deps: SlackDeps, client: webApi.WebClient, teamId: string, eventId: string | undefined, event: ReactionEvent, added: boolean,
  botUserId: string | undefined): Promise<void> {
  const { services } = deps;
  // Most reactions are not ours to handle: decide that before touching the database.
  // Shapes checked, not assumed: a payload without an item (or with odd types) is not ours either.
  const item = typeof event.item === "object" ? event.item : null;
  if (!isBookmarkEmoji(event.reaction) || item?.type !== "message" || typeof item.channel !== "string" || typeof item.ts !== "string"
    || !item.channel || !item.ts || typeof event.user !== "string") return;
  // A bot's 🔖 (this one's, or another app's: a workflow, an auto-reactor) is nobody saving a paper.
  if (event.user === botUserId || await isBot(deps, teamId, event.user)) return;
  if (eventId && !(await services.events.claim("slack", eventId))) {
    services.log.debug({ eventId }, "slack event already handled");
    return;
  }
  const { channel, ts } = item;
  const user = slackUser(teamId, event.user);
  try {
    // One person's reactions on one message, handled and answered in the order they came (core/in-turn.ts).
    await reactions.run(`${teamId}:${event.user}:${channel}:${ts}`, async () => {
      const reply = await handleReaction(services, user, slackChannel(teamId, channel), ts, added, async () => !!botUserId && event.item_user === botUserId);
      if (!reply) return;
      // Only the reactor sees the confirmation; the channel sees nothing but their emoji.
      const threadTs = await threadOf(channel, ts, deps);
      await deliver(services, { client, userId: event.user, channelId: channel, botUserId: deps.botUserId, ...(threadTs ? { threadTs } : {}) }, reply);
    });
  } catch (error) {
    if (eventId) await services.events.release("slack", eventId).catch(() => undefined);
    throw error;
  }
}

/** Whether each user is a bot, as users.info says: a user id never changes kind, so it is asked once (the answer
 * awaited, so a 🔖 and its removal arriving together ask once too). Bounded, oldest first out, so a large
 * workspace's reactors do not grow it without end. */
const botness = new Map<string, Promise<boolean>>();
const BOTNESS_KEPT = 5_000;

/**
 * Slack's reaction event names only the reactor's id, which looks the same for a person and a bot user, so
 * users.info (users:read) says which. Asked through deps.lookups, which refuses a rate limit at once: when Slack
 * will not say, the reactor is taken for the person they nearly always are, and the next reaction asks again.
 */
function isBot(deps: SlackDeps, teamId: string, userId: string): Promise<boolean> {
  const key = `${teamId}:${userId}`;
  const known = botness.get(key);
  if (known) return known;
  const asked = deps.lookups.users.info({ user: userId }).then((answer) => (answer as { user?: { is_bot?: unknown } }).user?.is_bot === true,
    (error: unknown) => {
      botness.delete(key);
      deps.services.log.debug({ err: error, user: userId }, "users.info failed: the reactor is taken for a person");
      return false;
    });
  if (botness.size >= BOTNESS_KEPT) botness.delete(botness.keys().next().value as string);
  botness.set(key, asked);
  return asked;
}

/** How long the confirmation waits to learn its thread; past this it goes to the channel. */
const THREAD_LOOKUP_MS = 1_500;

/**
 * The thread a reacted message is a reply in (a discussion's first message), so the confirmation shows in
 * that thread, where the person reacted, not only in the channel's main view. Slack's reaction event does
 * not say; conversations.replies does, for a reply's own ts. A message in no thread, or a call Slack refuses
 * (a group DM, without mpim:history), rate-limits or is slow to answer, gets its note in the channel as before.
 * It asks through deps.lookups: Bolt's client would sleep out a 429, and hold back every call after it.
 */
function threadOf(channel: string, ts: string, deps: SlackDeps): Promise<string | undefined> {
  const lookup = deps.lookups.conversations.replies({ channel, ts, limit: 1 }).then((answer) => {
    const parent = (answer as { messages?: Array<{ thread_ts?: string }> }).messages?.[0]?.thread_ts;
    return parent && parent !== ts ? parent : undefined;
  }, (error: unknown) => {
    deps.services.log.debug({ err: error, channel }, "conversations.replies failed: the reaction's note goes to the channel");
    return undefined;
  });
  const late = new Promise<undefined>((resolve) => setTimeout(resolve, THREAD_LOOKUP_MS, undefined).unref());
  return Promise.race([lookup, late]);
}

export function registerEvents(app: App, deps: SlackDeps): void {
  const { services } = deps;
  for (const [name, added] of [["reaction_added", true], ["reaction_removed", false]] as const) {
    app.event(name, async ({ event, body, client, context }) => {
      const teamId = body.team_id ?? "";
      await deps.track(safely(services, { kind: "event", event: name, eventId: body.event_id },
        () => onReaction(deps, client, teamId, body.event_id, event as ReactionEvent, added, context.botUserId)));
    });
  }

  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    // The view Slack shows them, when it has one (none before the first publish, and now and then none anyway).
    const shown = (event as { view?: { private_metadata?: unknown } }).view?.private_metadata;
    await deps.track(safely(services, { kind: "event", event: "app_home_opened", user: event.user },
      () => publishHome(client, services, slackUser(body.team_id ?? "", event.user), typeof shown === "string" ? shown : undefined)));
  });
}
