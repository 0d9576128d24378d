// A command is data plus a handler. The same definition drives Slack text parsing, the Slack manifest,
// Discord's registered options and the terminal mode; handlers return a Reply and never see a platform.
import type { z } from "zod";
import type { ChannelRef, UserRef } from "../core/channel.ts";
import type { Services } from "../core/services.ts";
import type { Reply } from "../core/messages/reply.ts";

export interface OptionSpec {
  name: string;
  description: string;
  type: "string" | "integer";
  required?: boolean;
  choices?: readonly string[];
  /** Discord autocomplete source. */
  autocomplete?: "paper" | "timezone";
  min?: number;
  max?: number;
  /** In free text (Slack, terminal) this option takes all remaining words. */
  rest?: boolean;
}

export interface CommandContext {
  services: Services;
  user: UserRef;
  channel: ChannelRef;
  /** Set by the adapter from the platform's own permission model (Discord Manage Channels; Slack: everyone). */
  canManageChannel: boolean;
  now: Date;
}

export interface Command<I = any> {
  name: string;
  description: string;
  /** How to type it in free text, without the "/papers " prefix: "subscribe [HH:MM] [zone] [topic…]". */
  usage: string;
  options: readonly OptionSpec[];
  input: z.ZodType<I>;
  /** Free text (Slack, terminal) → raw options; the default maps words to options in order. */
  parseText?: (words: string[]) => Record<string, unknown>;
  permission?: "manageChannel";
  /** Shown in help; hidden commands still run (e.g. "more"). */
  hidden?: boolean;
  execute(ctx: CommandContext, input: I): Promise<Reply>;
}

export function defineCommand<I>(command: Command<I>): Command<I> {
  return command;
}

/** Words → options in order; an option marked `rest` (or the last string option) takes the remaining words. */
export function positional(options: readonly OptionSpec[], words: string[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  let i = 0;
  for (const [index, option] of options.entries()) {
    if (i >= words.length) break;
    const takesRest = option.rest || (option.type === "string" && index === options.length - 1);
    if (takesRest) { raw[option.name] = words.slice(i).join(" "); i = words.length; }
    else raw[option.name] = words[i++];
  }
  if (i < words.length) raw._extra = words.slice(i).join(" ");
  return raw;
}
