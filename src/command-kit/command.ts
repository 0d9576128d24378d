// A command is data plus a handler: `{ data, execute }`. `data` is everything the platforms need to
// offer it (name, description, usage, the options schema); the Slack manifest, Discord's registration,
// help, free-text parsing and autocomplete are all derived from it (options.ts). Handlers get the parsed
// options and return a Reply; they never see a platform.
import type { z } from "zod";
import type { ChannelRef, UserRef } from "../core/channel.ts";
import type { Reply } from "../core/messages/reply.ts";
import type { Services } from "../core/services.ts";
import { describeOptions } from "./options.ts";

export type BotReach = "permissions" | "not_member" | "others_dm" | "unheard";

export interface CommandContext {
  services: Services;
  user: UserRef;
  channel: ChannelRef;
  /** Set by the adapter from the platform's own permission model (Discord Manage Channels; Slack: everyone). */
  canManageChannel: boolean;
  /**
   * What the person may do in this channel themselves, where the platform says (Discord: the member's
   * permissions in the channel). The bot posts nothing for someone that they could not post themselves.
   * Absent where the platform does not say (Slack, the terminal, a Discord DM): the bot's own rights decide.
   */
  memberCan?: { post: boolean; startThreads: boolean };
  /**
   * Whether the bot's messages here can go out and be heard, where the platform can tell, so a channel digest is
   * not set up where it could never go out; null when all is well (or the platform cannot say). Asked only when
   * needed: on Slack it costs a call or two. "permissions": the bot lacks a right there (Discord sends the app's
   * permissions with every interaction); "not_member": a private conversation without the bot in it;
   * "others_dm": a direct message between people, which no bot can post in; "unheard": the bot can post here
   * but reactions to its messages will not reach it (Slack: a public channel it is not in and could not join).
   */
  botReach?: () => Promise<BotReach | null>;
  now: Date;
  /** The person's own time zone where the platform knows it (Slack users.info); absent elsewhere. */
  userTimeZone?: () => Promise<string | null>;
  /**
   * false: do not store the numbered list shown (paper-ref.ts). A one-shot `papers search`/`trending` has no
   * later message whose "2" could refer to it, and the write (a new query shape for Prisma) costs it ~20 ms.
   */
  rememberLists?: false;
  /** The most papers one answer can show on this platform (Discord: 10 embeds a message); lists page by it. */
  maxListed?: number;
}

export interface CommandData<S extends z.ZodObject = z.ZodObject> {
  name: string;
  description: string;
  /** How to type it in free text, without the "/papers " prefix: "subscribe [HH:MM] [zone] [topic…]". */
  usage: string;
  /** Every input, once: options people give (option()) and inputs only the bot sends (internal()). */
  options: S;
  permission?: "manageChannel";
  /** The permission does not apply when these raw options say the person acts only for themselves
   * (`subscribe me`: a personal digest needs no channel rights). */
  selfService?: (raw: Record<string, unknown>) => boolean;
  /** Left out of help and the platforms' command lists; it still runs (e.g. a "more" page). */
  hidden?: boolean;
}

export interface Command<S extends z.ZodObject = z.ZodObject> {
  data: CommandData<S>;
  /** Free text (Slack, terminal) → raw options; the default maps words to options in order. */
  parseText?: (words: string[]) => Record<string, unknown>;
  /** parseText reads options typed by name ("zone:UTC") itself, among its other words (subscribe). */
  readsNamedWords?: boolean;
  execute(ctx: CommandContext, input: z.output<S>): Promise<Reply>;
}

/** Checks the options schema once, at definition: a field that is neither option() nor internal() fails here. */
export function defineCommand<S extends z.ZodObject>(command: Command<S>): Command<S> {
  describeOptions(command.data.options);
  return command;
}

/** Whether a raw option, as a platform sent it, says "me" (selfService): only text can. Read with String(), an
 * object whose toString is no function threw here, before the options' own checks could answer it. */
export const saysMe = (value: unknown): boolean => typeof value === "string" && value.toLowerCase() === "me";
