// Buttons and overflow menus on paper cards, and "Show more". Each is acknowledged first; the answer is a
// new ephemeral message for the clicker (the card they clicked stays, so they can click another).
import type { App, BlockAction, ButtonAction, OverflowAction } from "@slack/bolt";
import { runCommand } from "../../command-kit/dispatch.ts";
import { handlePaperAction, sharePaper } from "../../command-kit/interactions.ts";
import { openDiscussion } from "../../command-kit/discuss.ts";
import { errorReply, type PaperAction, type Reply } from "../../core/messages/reply.ts";
import type { CommandContext } from "../../command-kit/command.ts";
import { ChannelUnavailableError, TransientPostError } from "../../core/transport.ts";
import { commandContext, type SlackDeps } from "./context.ts";
import { deliver, type Audience } from "./deliver.ts";
import { refreshHome } from "./home.ts";
import { ACTION_PREFIX, MENU_ACTION, MORE_ACTION, decodeMore } from "./render.ts";
import { safely } from "./safely.ts";
import { botHandle } from "../../core/messages/bot-name.ts";

const PAPER_ACTIONS = new Set<PaperAction>(["bookmark", "unbookmark", "markRead", "similar", "share", "discuss", "notInterested"]);
/** Actions that change the reading list, which the App Home shows. */
const CHANGES_BOOKMARKS = new Set<PaperAction>(["bookmark", "unbookmark", "markRead"]);

function isPaperAction(name: string): name is PaperAction {
  return PAPER_ACTIONS.has(name as PaperAction);
}

async function share(ctx: CommandContext, deps: SlackDeps, paperId: string): Promise<Reply> {
  try {
    return await sharePaper(ctx, deps.transport, paperId);
  } catch (error) {
    if (error instanceof ChannelUnavailableError) {
      return errorReply(`I can't post in this channel yet; add me with /invite ${botHandle()} and click Share again.`);
    }
    if (error instanceof TransientPostError) return errorReply("Slack is busy right now; click Share again in a moment.");
    throw error;
  }
}

/** `messageTs`: the channel message the click came from (none for an ephemeral message or the Home tab). */
export async function runPaperAction(ctx: CommandContext, deps: SlackDeps, action: PaperAction, paperId: string, messageTs?: string): Promise<Reply> {
  if (action === "share") return share(ctx, deps, paperId);
  if (action === "discuss") return openDiscussion(ctx, deps.transport, messageTs, paperId);
  return handlePaperAction(ctx, deps.registry, action, paperId);
}

/** The ts of the channel message a click came from; an ephemeral message has none a thread can hang on. */
function clickedMessageTs(body: BlockAction): string | undefined {
  const container = body.container as { message_ts?: string; is_ephemeral?: boolean } | undefined;
  if (container?.is_ephemeral) return undefined;
  return body.message?.ts ?? container?.message_ts;
}

/** The action and paper a click means, from a button's value or an overflow option's "action:paperId". */
function decodeClick(action: BlockAction["actions"][number]): { action: PaperAction; paperId: string } | null {
  if (action.action_id === MENU_ACTION) {
    const value = (action as OverflowAction).selected_option?.value ?? "";
    const split = value.indexOf(":");
    const name = value.slice(0, split);
    return split > 0 && isPaperAction(name) ? { action: name, paperId: value.slice(split + 1) } : null;
  }
  const name = action.action_id.slice(ACTION_PREFIX.length);
  const paperId = (action as ButtonAction).value;
  return isPaperAction(name) && paperId ? { action: name, paperId } : null;
}

export function registerActions(app: App, deps: SlackDeps): void {
  const { services, registry } = deps;

  app.action<BlockAction>({ type: "block_actions", action_id: new RegExp(`^(${ACTION_PREFIX}\\w+)$`) }, async ({ ack, body, action, respond, client }) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    const channelId = body.channel?.id;
    const to: Audience = { client, userId: body.user.id, botUserId: deps.botUserId, ...(channelId ? { channelId } : {}), ...(body.response_url ? { respond } : {}) };
    const inHome = body.container?.type === "view";
    await deps.track(safely(services, { kind: "action", action: action.action_id, user: body.user.id }, async () => {
      const click = decodeClick(action);
      // A button this version does not know (an old message, an earlier release's): said, not dropped.
      if (!click) { if (!inHome) await deliver(services, to, errorReply("That button has expired; run the command again.")); return; }
      // deps.lookups: Share joins a public channel the bot is not in (context.ts), as subscribing there does.
      const ctx = commandContext(services, teamId, body.user.id, channelId ?? "", undefined, deps.lookups);
      const reply = await runPaperAction(ctx, deps, click.action, click.paperId, clickedMessageTs(body));
      // In the Home tab the refreshed list is the answer; elsewhere the clicker gets a private note (and the
      // Home catches up when next opened: home.ts).
      if (!inHome) await deliver(services, to, reply);
      else if (CHANGES_BOOKMARKS.has(click.action)) await refreshHome(client, services, ctx.user);
    }, inHome ? undefined : (apology) => deliver(services, to, apology)));
  });

  app.action<BlockAction>({ type: "block_actions", action_id: MORE_ACTION }, async ({ ack, body, action, respond, client }) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    const channelId = body.channel?.id ?? "";
    const to: Audience = { client, userId: body.user.id, channelId, respond, botUserId: deps.botUserId };
    await deps.track(safely(services, { kind: "more", user: body.user.id }, async () => {
      const more = decodeMore((action as ButtonAction).value);
      const ctx = commandContext(services, teamId, body.user.id, channelId);
      const reply = more ? await runCommand(registry, more.command, more.input, ctx)
        : errorReply("That button has expired; run the command again.");
      await deliver(services, to, reply);
    }, (apology) => deliver(services, to, apology)));
  });
}
