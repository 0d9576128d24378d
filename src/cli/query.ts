// `papers search <query…>` and `papers trending`: the same commands chat users run, printed as text or JSON.
import { createRegistry } from "../commands/index.ts";
import { runCommand } from "../command-kit/dispatch.ts";
import type { CommandRegistry } from "../command-kit/registry.ts";
import { renderText } from "../adapters/console/render.ts";
import { CliUsageError, parseFlags, type CliCommand, type CliContext } from "./io.ts";
import { withServices } from "./services.ts";
import type { Services } from "../app/services.ts";
import { plainTyped } from "../core/messages/typed.ts";

// A word typed with a minus ("moe -survey", "-\"world model\"") leaves papers out, as in chat; the flag parser
// would read it as the unknown option -s. Marked as a word before parsing, unmarked after; "-3" stays a flag's,
// and so does a single letter ("-n 3", "-l"), which is a short flag as other tools spell them, not a word.
const EXCLUDED = "\u0000";
function parse(ctx: CliContext) {
  const args = ctx.args.map((arg) => (/^-(?:\p{L}[\p{L}\p{N}]|["“'(])/u.test(arg) ? EXCLUDED + arg : arg));
  const parsed = parseFlags({ args, allowPositionals: true, options: { limit: { type: "string" }, page: { type: "string" }, json: { type: "boolean", default: false } } });
  return { ...parsed, positionals: parsed.positionals.map((word) => (word.startsWith(EXCLUDED) ? word.slice(1) : word)) };
}

function limitOf(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  // Digits only: Number() would also take "1e1", "0x3" and " 3".
  const n = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new CliUsageError(`--limit takes a whole number from 1 to 50, not "${value.slice(0, 20)}".`, true);
  return n;
}

// How far a list pages: the offset the commands take (their "Show more" input) goes up to 1,000.
const MAX_OFFSET = 1000;

/** Which page of `limit` papers to print (--page, from 1): the offset into the list. */
function offsetOf(value: string | undefined, limit: number): number {
  if (value === undefined) return 0;
  const pages = Math.floor(MAX_OFFSET / limit) + 1;
  const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > pages) throw new CliUsageError(`--page takes a whole number from 1 to ${pages} (with --limit ${limit}), not "${value.slice(0, 20)}".`, true);
  return (n - 1) * limit;
}

// The commands' sentences name chat's commands: "/papers trending", and a search as "/papers <words>". At a shell
// prompt those are "papers trending" and "papers search <words>"; chat's other commands (bookmarks, subscribe)
// have no command here and stay as chat's. Only where a word starts (a link's "huggingface.co/papers/…" is left).
const IN_SHELL = new Set(["search", "trending"]);
function asShellCommand(text: string, registry: CommandRegistry): string {
  return text.replace(/(^|[\s("“'`])\/papers\s+([^\s,;.)"”'`]+)/g, (whole, before: string, word: string) => {
    const command = registry.lookup([word])[0]?.data.name;
    if (command === undefined) return `${before}papers search ${word}`;
    return IN_SHELL.has(command) ? `${before}papers ${word}` : whole;
  });
}

async function printReply(ctx: CliContext, services: Services, name: string, input: Record<string, unknown>, json: boolean, limit: number, scored = false): Promise<number> {
    const registry = createRegistry();
    const reply = await runCommand(registry, name, input, {
      services, user: { platform: "console", workspaceId: "local", userId: "cli" },
      channel: { platform: "console", workspaceId: "local", channelId: "cli" }, canManageChannel: true, now: services.clock(),
      rememberLists: false }); // nothing later reads this viewer's numbered list (command.ts)
    // An arXiv id or link no paper here has is a search that found nothing, as words are: the sentence, and
    // for --json the empty list a script reads as "no match", not a failure with nothing on stdout.
    const noSuchPaper = reply.tone === "error" && reply.errorCode === "unknown_paper";
    if (noSuchPaper && !json) { ctx.stdout.write(asShellCommand(plainTyped(reply.text), registry) + "\n"); return 0; }
    if (reply.tone === "error") { ctx.stderr.write(asShellCommand(plainTyped(reply.text), registry) + "\n"); if (!noSuchPaper) return 1; }
    if (json) {
      // Cards carry the catalog's cut abstract; the JSON gives each paper's whole one, read for this page.
      const abstracts = new Map((await services.papers.getMany((reply.papers ?? []).map((c) => c.id))).map((p) => [p.id, p.summary]));
      const rows = (reply.papers ?? []).map((c) => ({ id: c.id, arxivId: c.arxivId, title: c.title, url: c.url, rank: c.rank,
        // The score the search ranked it by (an id or link named it: no ranking, so 0).
        ...(scored ? { score: Number((c.score ?? 0).toFixed(4)) } : {}), upvotes: c.upvotes, authors: c.authors, summary: abstracts.get(c.id) ?? c.summary }));
      ctx.stdout.write(JSON.stringify(rows, null, 2) + "\n");
    } else {
      // The chat's "Show more" here: the list says "1–5 of 7", so say how to see the rest.
      const next = typeof reply.more?.input.offset === "number" && limit ? Math.floor(reply.more.input.offset / limit) + 1 : null;
      ctx.stdout.write(renderText({ ...reply, text: asShellCommand(reply.text, registry) }) + (next ? `\n\n(more: add --page ${next})` : "") + "\n");
    }
    return 0;
}

export const searchCli: CliCommand = {
  name: "search",
  usage: "papers search <query…> [--limit N] [--page N] [--json]",
  async run(ctx) {
    const { values, positionals } = parse(ctx);
    const query = positionals.join(" ");
    const limit = limitOf(values.limit, 5);
    const offset = offsetOf(values.page, limit);
    if (!query.trim()) throw new CliUsageError("Give something to search for, like: papers search mixture of experts");
    if (query.length > 500) throw new CliUsageError(`That query is ${query.length} characters; keep it under 500.`);
    return withServices(ctx, (services) => printReply(ctx, services, "search", { query, limit, offset }, values.json ?? false, limit, true));
  },
};

export const trendingCli: CliCommand = {
  name: "trending",
  usage: "papers trending [topic…] [--limit N] [--page N] [--json]",
  async run(ctx) {
    const { values, positionals } = parse(ctx);
    // Words are a topic, as in chat ("papers trending moe"); a count is --limit's.
    const topic = positionals.join(" ").trim();
    if (topic && !/\p{L}/u.test(topic)) throw new CliUsageError(`papers trending takes a topic in words; did you mean: papers trending --limit ${positionals[0]}`);
    if (topic.length > 500) throw new CliUsageError(`That topic is ${topic.length} characters; keep it under 500.`);
    const count = limitOf(values.limit, 10);
    const offset = offsetOf(values.page, count);
    return withServices(ctx, (services) => printReply(ctx, services, "trending", { count, offset, ...(topic ? { topic } : {}) }, values.json ?? false, count));
  },
};
