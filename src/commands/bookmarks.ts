import { z } from "zod";
import { readingList } from "../core/export/reading-list.ts";
import { defineCommand, type CommandContext } from "../command-kit/command.ts";
import { option, positional } from "../command-kit/options.ts";
import { UserError } from "../command-kit/errors.ts";
import { resolvePaper } from "../command-kit/paper-ref.ts";
import { notice, shortId, toCard, type Reply, range } from "../core/messages/reply.ts";

export const BOOKMARKS_PAGE_SIZE = 5;
const PAGE_HINT = "The page is a number, like /papers bookmarks 2.";
const ID_HINT = "Say which paper, by its number in your last list or its id, like /papers bookmarks read 2.";
// Typed management, for where there are no buttons (the terminal) and for people who prefer typing.
const CHANGES = ["add", "read", "unread", "remove"] as const;

export const HOW_TO_BOOKMARK = "Your reading list is empty: react with 🔖 to a paper the bot posted, or press Bookmark on a search result.";

const Options = z.object({
  page: option(z.coerce.number({ error: PAGE_HINT }).int(PAGE_HINT).min(1, PAGE_HINT).max(10_000, PAGE_HINT).default(1),
    { description: "Which page (5 per page)" }),
  change: option(z.enum(CHANGES, { error: `Use add, read, unread or remove, like /papers bookmarks read 2.` }).optional(),
    { description: "Change one bookmark instead of listing" }),
  id: option(z.string().trim().min(1, ID_HINT).max(300, "That is too long for a paper id or link.").optional(),
    { description: "The paper to change: its number in your last list, or its id", autocomplete: "paper" }),
}).refine((input) => !input.change || input.id, { message: ID_HINT, path: ["id"] });

export async function change(ctx: CommandContext, what: (typeof CHANGES)[number], id: string): Promise<Reply> {
  const { services, user } = ctx;
  const paper = await resolvePaper(ctx, id, what === "add" ? "bookmark" : `bookmarks ${what}`, "see your list with /papers bookmarks.");
  const title = `“${paper.title}”`;
  switch (what) {
    case "add": return notice(await services.bookmarks.add(user, paper.id) ? `🔖 Bookmarked ${title}.` : `${title} is already in your bookmarks.`);
    case "remove": return notice(await services.bookmarks.remove(user, paper.id) ? `Removed ${title} from your bookmarks.` : `${title} was not in your bookmarks.`);
    case "read":
    case "unread": {
      const done = await services.bookmarks.markRead(user, paper.id, what === "read");
      if (!done) throw new UserError("not_bookmarked", `${title} is not in your bookmarks; add it with /papers bookmark ${shortId({ id: paper.id, arxivId: paper.arxivId })}.`);
      return notice(`Marked ${title} as ${what}.`);
    }
  }
}

export const bookmarksCommand = defineCommand({
  data: {
    name: "bookmarks",
    description: "Your reading list, newest first: mark papers read or remove them",
    usage: "bookmarks [page]   (or bookmarks add|read|unread|remove <number or id>)",
    options: Options,
  },
  parseText: (words) => (CHANGES.includes(words[0]?.toLowerCase() as (typeof CHANGES)[number])
    ? { change: words[0]!.toLowerCase(), ...(words.length > 1 ? { id: words.slice(1).join(" ") } : {}) }
    : positional([{ name: "page", type: "integer" }], words)),
  async execute(ctx, { page, change: what, id }): Promise<Reply> {
    if (what && id) return change(ctx, what, id);
    const offset = (page - 1) * BOOKMARKS_PAGE_SIZE;
    const { items, total } = await readingList(ctx.services, ctx.user, { offset, limit: BOOKMARKS_PAGE_SIZE });
    if (total === 0) return { visibility: "ephemeral", tone: "info", text: HOW_TO_BOOKMARK };
    const pages = Math.ceil(total / BOOKMARKS_PAGE_SIZE);
    if (items.length === 0 || page > pages) {
      throw new UserError("page_out_of_range", `Your reading list has ${pages} page${pages === 1 ? "" : "s"}; try /papers bookmarks ${pages}.`);
    }
    const end = offset + items.length;
    const unread = await ctx.services.bookmarks.unreadCount(ctx.user);
    return {
      visibility: "ephemeral",
      text: `Your reading list (${range(offset + 1, end, total)}, ${unread} unread), page ${page} of ${pages}:`,
      papers: items.map((item, i) => toCard(item.paper, { rank: offset + i + 1, readAt: item.readAt })),
      actions: ["markRead", "unbookmark"],
      ...(page < pages ? { more: { command: "bookmarks", input: { page: page + 1 } } } : {}),
    };
  },
});
