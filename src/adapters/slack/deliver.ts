// Getting a reply to the one person who asked: through the command's response_url when there is one
// (ephemeral, no channel membership needed), else chat.postEphemeral; files go to their DM.
import type { RespondFn, webApi } from "@slack/bolt";
import type { Reply } from "../../core/messages/reply.ts";
import type { Services } from "../../core/services.ts";
import { renderReply, type SlackMessage } from "./render.ts";
import { renderFileFallback } from "./render-file.ts";

export interface Audience {
  client: webApi.WebClient;
  userId: string;
  /** Where the person asked; absent for clicks in the App Home. */
  channelId?: string;
  respond?: RespondFn;
  /** The thread the person is looking at, where a private note without a response_url goes. */
  threadTs?: string;
  /** The bot's own user, how a reply names the bot (render.ts botMention). */
  botUserId?: string;
  /** A conversation only this person and the bot share (its DM): answered with plain messages, which stay. */
  openly?: boolean;
}

async function send(to: Audience, reply: Reply, message: SlackMessage): Promise<void> {
  if (to.respond) {
    await to.respond({ response_type: reply.visibility === "channel" ? "in_channel" : "ephemeral", replace_original: false, text: message.text, blocks: message.blocks });
  } else if (to.channelId && to.openly) {
    await to.client.chat.postMessage({ channel: to.channelId, text: message.text, blocks: message.blocks, unfurl_links: false,
      ...(to.threadTs ? { thread_ts: to.threadTs } : {}) });
  } else if (to.channelId) {
    await to.client.chat.postEphemeral({ channel: to.channelId, user: to.userId, text: message.text, blocks: message.blocks,
      ...(to.threadTs ? { thread_ts: to.threadTs } : {}) });
  }
}

/** A file (an export) as an upload in the person's DM with the bot: it is theirs, not the channel's. */
async function uploadFile(to: Audience, file: NonNullable<Reply["file"]>, text: string): Promise<void> {
  const opened = await to.client.conversations.open({ users: to.userId });
  const dm = opened.channel?.id;
  if (!dm) throw new Error("conversations.open returned no channel");
  await to.client.files.uploadV2({ channel_id: dm, filename: file.name, title: file.name, content: file.content, initial_comment: text });
}

export async function deliver(services: Services, to: Audience, reply: Reply): Promise<void> {
  if (reply.file) {
    try {
      await uploadFile(to, reply.file, reply.text);
      await send(to, reply, { text: `${reply.text} I sent ${reply.file.name} to you in a direct message.`, blocks: [] });
    } catch (error) {
      // The export still reaches them, inline, if Slack refuses the upload (no files:write, DMs disabled).
      services.log.warn({ err: error, user: to.userId, file: reply.file.name }, "slack file upload failed; sending inline");
      for (const message of renderFileFallback(reply)) await send(to, reply, message);
    }
    return;
  }
  for (const message of renderReply(reply, to.botUserId)) await send(to, reply, message);
}
