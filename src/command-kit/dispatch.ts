// The one way a command runs, from any adapter: parse (zod), check permission, execute, and turn every
// failure into one sentence. UserErrors are shown as they are; anything else is logged with a reference
// id the person can quote, and they get an apology, never a stack trace.
import { randomBytes } from "node:crypto";
import { ZodError } from "zod";
import type { Command, CommandContext } from "./command.ts";
import { describeOptions, namedWords, positional } from "./options.ts";
import { UserError } from "./errors.ts";
import { listNumber, MAX_REMEMBERED, rememberList } from "./paper-ref.ts";
import { errorReply, failureReply, type Reply } from "../core/messages/reply.ts";
import type { CommandRegistry } from "./registry.ts";
import { MAX_QUERY_LENGTH } from "./limits.ts";
import { exampleOn, examplesFor, usageOn } from "./usage.ts";
import { editDistance } from "../config.ts";
import { isDirectMessage, type Platform } from "../core/channel.ts";
import { slowDownSentence } from "../core/rate-limit.ts";
import { DatabaseBusyError, DatabaseUnreachableError, DatabaseUnwritableError } from "../core/stores/busy.ts";
import { splitByRelevance } from "../core/relevance.ts";
import type { SearchIndex } from "../core/search/index.ts";
import type { CommandOutcome } from "../core/metrics.ts";
import { quoted, typed } from "../core/messages/typed.ts";

export const MAX_TEXT_LENGTH = 2000;

// Control characters, the invisible marks that reorder text (an echoed "\u202emoe" would print backwards),
// the two that mark typed text in replies (core/messages/typed.ts), and the brackets of a hint's example
// placeholder (usage.ts), which a refusal quoting the person's words must not expand. Zero-width spaces, word
// joiners and byte-order marks come along with pasted text ("\u200btrending" is the command).
const INVISIBLE = /[\u0000-\u001f\u007f\u200b\u200e\u200f\u202a-\u202e\u2060\u2063\u2064\u2066-\u2069\u27e6\u27e7\ufeff]/g;

/** A refusal may quote what the person sent; a quoted line break or control character must not split it. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ");
}

function describeZodError(command: Command, error: ZodError, platform: Platform): string {
  const issue = error.issues[0];
  const message = issue?.message && !/^(Invalid|Expected|Too)/.test(issue.message) ? issue.message
    : `That doesn't fit ${issue?.path.join(".") || "this command"}.`;
  const said = examplesFor(message, platform);
  // A message with its own example ("like /papers search query:mixture of experts") needs no usage line after it.
  return said.includes("/papers ") ? said : `${said} Try: ${usageOn(command, platform)}`;
}

export async function runCommand(registry: CommandRegistry, name: string, raw: Record<string, unknown>, ctx: CommandContext): Promise<Reply> {
  const started = performance.now();
  const outcome: { value: CommandOutcome } = { value: "ok" };
  try { return await runCounted(registry, name, raw, ctx, outcome); }
  finally {
    ctx.services.metrics?.commandFinished({ platform: ctx.user.platform, command: registry.get(name) ? name : "unknown",
      outcome: outcome.value, seconds: (performance.now() - started) / 1000 });
  }
}

async function runCounted(registry: CommandRegistry, name: string, raw: Record<string, unknown>, ctx: CommandContext, outcome: { value: CommandOutcome }): Promise<Reply> {
  // Counted before anything else, so a flood of refusals costs the bot nothing but this check.
  const limit = ctx.user.platform === "console" ? undefined : ctx.services.commandLimiter
    ?.take(`${ctx.user.platform}:${ctx.user.workspaceId}:${ctx.user.userId}`, ctx.services.clock().getTime());
  if (limit && !limit.allowed) { outcome.value = "rate_limited"; return errorReply(slowDownSentence(limit.retryAfterSeconds)); }
  const command = registry.get(name);
  if (!command) { outcome.value = "user_error"; return errorReply(`There is no /papers ${oneLine(name.slice(0, 40))} command. Type /papers help to see what there is.`); }
  try {
    if (command.data.permission === "manageChannel" && !ctx.canManageChannel && !command.data.selfService?.(raw)) {
      throw new UserError("forbidden", "Only people who can manage this channel can change its digest; ask a channel admin.");
    }
    if (typeof raw._extra === "string" && raw._extra) {
      throw new UserError("extra_words", `I didn't expect ${quoted(raw._extra.slice(0, 40))} there. Try: ${usageOn(command, ctx.user.platform)}`);
    }
    const { _extra, ...given } = raw;
    // Options as Discord sends them get what runText does to typed text: no control characters (a NUL,
    // which PostgreSQL text cannot hold; a bell or terminal escape echoed back) and no marks that reorder text.
    const options = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, typeof v === "string" ? v.replace(INVISIBLE, " ") : v]));
    const parsed = command.data.options.safeParse(options);
    if (!parsed.success) throw new UserError("bad_option", describeZodError(command, parsed.error, ctx.user.platform));
    const reply = await command.execute(ctx, parsed.data);
    if (ctx.rememberLists !== false) rememberQuietly(ctx, reply, listName(name, parsed.data)); // not awaited: see paper-ref.ts
    // Share posts the paper where it was pressed: in a direct message there is no team to post it to.
    return reply.actions?.includes("share") && isDirectMessage(ctx.channel) ? { ...reply, actions: reply.actions.filter((a) => a !== "share") } : reply;
  } catch (error) {
    if (error instanceof UserError) { outcome.value = "user_error"; return { ...errorReply(oneLine(examplesFor(error.message, ctx.user.platform))), errorCode: error.code }; }
    outcome.value = error instanceof DatabaseBusyError ? "busy" : "error";
    const ref = randomBytes(4).toString("hex");
    if (error instanceof DatabaseBusyError) ctx.services.log.warn({ err: error, ref, command: name }, `command found the database ${error instanceof DatabaseUnreachableError ? "unreachable" : "busy"}`);
    else if (error instanceof DatabaseUnwritableError) ctx.services.log.error({ err: error, ref, command: name }, "command found the database refusing writes");
    else ctx.services.log.error({ err: error, ref, command: name, platform: ctx.user.platform }, "command failed");
    return failureReply(error, ref);
  }
}

/** Which list a command's answer is: the command and its options but the page ("Show more" asks for the next). */
function listName(command: string, options: object): string {
  const { page: _page, offset: _offset, ...rest } = options as Record<string, unknown>;
  return JSON.stringify([command, rest]);
}

/** The numbers a list shows are remembered for `/papers bookmark 2`; failing to remember must not cost the answer. */
function rememberQuietly(ctx: CommandContext, reply: Reply, list: string): void {
  rememberList(ctx, reply, list).catch((error) => {
    ctx.services.log.warn({ err: error, platform: ctx.user.platform }, "could not remember the list a person was shown");
  });
}

const HELP_ASKED = /^(--help|-h|\?)$/i;

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * Free text after "/papers" (Slack, the terminal): a leading command name picks that command; anything
 * else is a search, because `/papers moe` is what people type most.
 */
export async function runText(registry: CommandRegistry, text: string, ctx: CommandContext): Promise<Reply> {
  const trimmed = text.replace(INVISIBLE, " ").trim();
  if (trimmed.length > MAX_TEXT_LENGTH) {
    // The limit that applies: a search's own (what most long text is), else the command's own for the words
    // it takes (a note's 500: naming what any command reads, 2,000, would send a note of 1,999 back again),
    // else what any command reads. Keywords are advice for a search only.
    const command = registry.lookup(words(trimmed.slice(0, 100)))[0];
    const length = trimmed.length.toLocaleString("en");
    if (!command || command.data.name === "search") {
      return errorReply(`That's ${length} characters; keep a search under ${MAX_QUERY_LENGTH.toLocaleString("en")}. Try a few keywords, like /papers mixture of experts.`);
    }
    // The option the words go to, as positional() reads them: marked so, or the last one that is text.
    const specs = describeOptions(command.data.options);
    const wordsGoTo = specs.find((spec, i) => spec.rest || (spec.type === "string" && i === specs.length - 1));
    const own = wordsGoTo?.maxLength;
    const limit = (own ?? MAX_TEXT_LENGTH).toLocaleString("en");
    return errorReply(`That's ${length} characters; /papers ${command.data.name} takes up to ${limit} characters${own ? ` for its ${wordsGoTo!.name}` : ""}; nothing was done, so shorten it and try again.`);
  }
  // "/papers --help", "/papers ?": asking for help the way other tools take it, not a search for "--help".
  if (!trimmed || HELP_ASKED.test(trimmed)) return runCommand(registry, "help", {}, ctx);
  const [command, rest] = registry.lookup(words(trimmed));
  const flagged = !command || command.data.name === "search" ? flagInSearch(command ? rest : words(trimmed), ctx.user.platform) : null;
  if (flagged) return flagged;
  if (command) {
    // "/papers subscribe help": how to use it, not a digest about "help".
    if (rest.length === 1 && (/^help$/i.test(rest[0]!) || HELP_ASKED.test(rest[0]!)) && command.data.name !== "help") {
      return runCommand(registry, "help", { command: command.data.name }, ctx);
    }
    // Options typed by name, as help and Discord name them ("trending count:3"), whatever the other words are.
    const { named, rest: others } = command.readsNamedWords ? { named: {}, rest } : namedWords(describeOptions(command.data.options), rest);
    const raw = command.parseText ? command.parseText(others) : positional(describeOptions(command.data.options), others);
    return runCommand(registry, command.data.name, { ...raw, ...named }, ctx);
  }
  // "/papers 2" after a list: that paper, as "/papers paper 2" (a search for a lone number finds nothing useful).
  const n = listNumber(trimmed);
  if (n !== null && n <= MAX_REMEMBERED && registry.get("paper")) return runCommand(registry, "paper", { id: trimmed }, ctx);
  const first = words(trimmed)[0]!;
  const meant = meantCommand(registry, first);
  if (meant && !aboutAnything(ctx.services.catalog.index, first)) {
    return errorReply(`There is no /papers ${typed(oneLine(first.slice(0, 40)))}; did you mean /papers ${meant}? Type /papers help for all commands.`);
  }
  return runCommand(registry, "search", { query: trimmed }, ctx);
}


// A flag of the papers command line ("--limit", "--json=true"), typed after a search in chat or in the terminal's
// conversation: searched for, it is a word no paper has, and the answer reads as if nothing matched the topic.
const CLI_FLAG = /^--[a-z][a-z-]*(?:=\S*)?$/i;

/** The sentence for a search typed with a command-line flag, naming the flag and the search without it; else null. */
function flagInSearch(typedWords: string[], platform: Platform): Reply | null {
  const flag = typedWords.find((word) => CLI_FLAG.test(word));
  if (!flag) return null;
  // The flag's value goes with it ("--limit 3").
  const topic = typedWords.filter((word, i) => !CLI_FLAG.test(word) && !(/^\d+$/.test(word) && CLI_FLAG.test(typedWords[i - 1] ?? ""))).join(" ");
  const next = platform === "console" ? 'typing "more" shows the next' : "Show more brings the next";
  const example = exampleOn(platform, "search", [["query", topic ? typed(oneLine(topic.slice(0, 60))) : "mixture of experts"]]);
  return { visibility: "ephemeral", tone: "info",
    text: `${quoted(oneLine(flag.slice(0, 40)))} reads as a command-line option; here a search takes words only and lists its papers a page at a time (${next}), so try ${example}.` };
}

/**
 * "/papers subscibe 9:00" is a typo, not a search: a first word one letter off a command, that no paper
 * mentions, gets the command it meant ("expert", one letter off "export", stays a search), said the way
 * it is typed; "bookmark2" is "bookmark 2" without its space.
 */
export function meantCommand(registry: CommandRegistry, first: string): string | undefined {
  const word = first.toLowerCase();
  const glued = /^([a-z-]+?)(\d+)$/.exec(word);
  if (glued && registry.get(glued[1]!) && !registry.get(glued[1]!)!.data.hidden) return `${glued[1]} ${glued[2]}`;
  if (word.length < 4) return undefined;
  return registry.visible().find((c) => editDistance(word, c.data.name) === 1)?.data.name;
}

/** Whether some paper is about `word` itself (past the relevance floor): a word only mentioned in passing
 * ("bookmark2" read as "bookmark 2"), or found only as the word it is one typo from ("simlar" finds
 * "similar"), is more likely a mistyped command. */
export function aboutAnything(index: SearchIndex, word: string): boolean {
  if (index.unwrittenWords(word).length > 0) return false;
  const { hits, total } = index.search(word, { limit: 1 });
  return splitByRelevance(index, word, hits, total).strong.length > 0;
}
