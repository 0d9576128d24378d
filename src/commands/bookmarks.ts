import { z } from "zod";
import { removeBookmark, saveBookmark, unmarkedWords } from "../command-kit/save-bookmark.ts";
import { readingList, type ReadingListItem } from "../core/export/reading-list.ts";
import type { Paper } from "../core/paper.ts";
import { noteHasWord, searchReadingList } from "../core/export/bookmark-search.ts";
import { onlyCommonWords, onlyLeftOut, splitQuery } from "../core/search/query.ts";
import { defineCommand, type CommandContext } from "../command-kit/command.ts";
import { example, exampleOn, searchFor } from "../command-kit/usage.ts";
import { option, positional, wholeNumber } from "../command-kit/options.ts";
import { UserError } from "../command-kit/errors.ts";
import { pickById, resolvePaper } from "../command-kit/paper-ref.ts";
import { emptyReadingList, nothingToLookFor } from "../command-kit/hints.ts";
import { notice, shortId, toCard, type Reply, range } from "../core/messages/reply.ts";
import { MAX_QUERY_LENGTH } from "../command-kit/limits.ts";
import { missingWordsText, typoReadingsText } from "../core/relevance.ts";
import { lineWorth, quoted, titled, typed } from "../core/messages/typed.ts";

export const BOOKMARKS_PAGE_SIZE = 5;
// Far past any reading list (each page says how many there are); a bound on the numbers people type.
const MAX_PAGE = 10_000;
const PAGE_HINT = `The page is a number from 1 to ${MAX_PAGE.toLocaleString("en")}, like ${example("bookmarks", [["page", "2"]])}.`;
const changeExample = (what: string) => example("bookmarks", [["change", what], ["id", "2"]]);
const ID_HINT = `Say which paper, by its number in your last list or its id, like ${changeExample("read")} or ${changeExample("remove")}.`;
// Typed management, for where there are no buttons (the terminal) and for people who prefer typing.
const CHANGES = ["add", "read", "unread", "remove"] as const;
const NUMBER_LIKE = /^[-+]?\d+(?:[.,]\d+)?$/;


const Options = z.object({
  page: option(wholeNumber(1, MAX_PAGE, PAGE_HINT).default(1),
    { description: "Which page (5 per page)" }),
  change: option(z.enum(CHANGES, { error: `Use add, read, unread or remove, like ${changeExample("read")}.` }).optional(),
    { description: "Change one bookmark instead of listing" }),
  id: option(z.string().trim().min(1, ID_HINT).max(300, "That is too long for a paper id or link.").optional(),
    { description: "The paper to change: its number in your last list, or its id", autocomplete: "bookmark" }),
  query: option(z.string().trim().max(MAX_QUERY_LENGTH, `Keep the search under ${MAX_QUERY_LENGTH} characters; a few keywords work best.`).optional(),
    { description: "Words to look for in your bookmarks (titles, abstracts, authors, your notes)" }),
}).refine((input) => !input.change || input.id, { message: ID_HINT, path: ["id"] })
  // A paper without a change (Discord's id: alone) would be dropped in silence: say what it needs.
  .refine((input) => !input.id || input.change, { message: `Say what to do with that paper: change read, unread, remove or add, like ${changeExample("read")}.`, path: ["change"] });

// Several numbers of the last list at once ("bookmark 1 2 3", "bookmarks read 1, 4").
const LIST_NUMBERS = /^#?\d{1,4}(?:\s*[,\s]\s*#?\d{1,4})+$/;

/** `id` may name several papers by their numbers in the last list: each is changed, in order, once all of
 * them are known to name a paper (a number past the list changes none), and each says what it did. */
export async function change(ctx: CommandContext, what: (typeof CHANGES)[number], id: string): Promise<Reply> {
  const refs = LIST_NUMBERS.test(id.trim()) ? [...new Set(id.trim().split(/[\s,]+/))] : [id];
  const papers: Paper[] = [];
  for (const ref of refs) papers.push(await paperToChange(ctx, what, ref));
  const replies: Reply[] = [];
  for (const paper of papers) replies.push(await changePaper(ctx, what, paper));
  return replies.length === 1 ? replies[0]! : notice(replies.map((r) => r.text).join("\n"));
}

/** The paper `ref` names. Adding names a paper from anywhere (a search); the others name one already in the list. */
function paperToChange(ctx: CommandContext, what: (typeof CHANGES)[number], ref: string): Promise<Paper> {
  return resolvePaper(ctx, ref, what === "add" ? pickById("bookmark") : (n) => example("bookmarks", [["change", what], ["id", String(n)]]),
    what === "add" ? `search for it with ${searchFor(ctx.user.platform, ref)}, then bookmark it by its number.` : "see your list with /papers bookmarks.");
}

async function changePaper(ctx: CommandContext, what: (typeof CHANGES)[number], paper: Paper): Promise<Reply> {
  const { services, user } = ctx;
  const title = titled(paper.title);
  switch (what) {
    case "add": {
      const saved = await saveBookmark(services, user, paper.id);
      return notice(`${saved.isNew ? `🔖 Bookmarked ${title}.` : `${title} is already in your bookmarks.`}${unmarkedWords(saved)}`);
    }
    case "remove": return removeBookmark(services, user, paper);
    case "read":
    case "unread": {
      const state = await services.bookmarks.markRead(user, paper.id, what === "read");
      if (state === "missing") throw new UserError("not_bookmarked", `${title} is not in your bookmarks; add it with ${example("bookmark", [["id", shortId({ id: paper.id, arxivId: paper.arxivId })]])}.`);
      return notice(state === "already" ? `${title} is already marked as ${what}.` : `Marked ${title} as ${what}.`);
    }
  }
}

function listCard(item: ReadingListItem, rank: number) {
  return toCard(item.paper, { rank, readAt: item.readAt, note: item.note });
}

async function search(ctx: CommandContext, query: string, page: number): Promise<Reply> {
  const shown = lineWorth(query);
  // As /papers search answers it: a query that only says what to leave out looks for nothing.
  const onlyOut = onlyLeftOut(splitQuery(query));
  if (onlyOut) {
    return { visibility: "ephemeral", tone: "info", text: `${nothingToLookFor(shown, onlyOut, (topic) => exampleOn(ctx.user.platform, "bookmarks", [["query", topic]]))}.` };
  }
  // As /papers search answers it too: words too common to be about anything ("the") pick no paper, and
  // neither does text with no word at all ("!!!", '""', an emoji); a note may still say them ("to do").
  const common = onlyCommonWords(splitQuery(query).rest);
  const found = await searchReadingList(ctx.services, ctx.user, query, { notesOnly: common });
  if (found.length === 0 && common && (await ctx.services.bookmarks.list(ctx.user, { limit: 1 })).total > 0) {
    return { visibility: "ephemeral", tone: "info", text: `${nothingToLookFor(shown, null, (topic) => exampleOn(ctx.user.platform, "bookmarks", [["query", topic]]))}.` };
  }
  // As /papers search says: a word no paper has (a note may hold it, though), so what is listed matches the others only.
  const inNotes = (word: string) => found.some((item) => noteHasWord(item.note, word));
  const missing = missingWordsText(ctx.services.catalog.index, query, inNotes);
  // As /papers search says too: a word no paper has, read as one a typo away, so the matches say that word.
  const readings = typoReadingsText(ctx.services.catalog.index, query, inNotes);
  if (found.length === 0) {
    const { total } = await ctx.services.bookmarks.list(ctx.user, { limit: 1 });
    return { visibility: "ephemeral", tone: "info", text: total === 0 ? emptyReadingList(ctx.user.platform)
      : `None of your ${total} bookmark${total === 1 ? "" : "s"} ${total === 1 ? "matches" : "match"} ${quoted(shown)}${missing ? `; no paper mentions ${missing}` : ""}. ` +
        `See them all with /papers bookmarks, or search every paper with ${exampleOn(ctx.user.platform, "search", [["query", typed(shown)]])}.` };
  }
  const pages = Math.ceil(found.length / BOOKMARKS_PAGE_SIZE);
  if (page > pages) throw new UserError("page_out_of_range", `Only ${pages} page${pages === 1 ? "" : "s"} of your bookmarks match ${quoted(shown)}.`);
  const offset = (page - 1) * BOOKMARKS_PAGE_SIZE;
  const items = found.slice(offset, offset + BOOKMARKS_PAGE_SIZE);
  return {
    visibility: "ephemeral",
    text: `Your bookmarks matching ${quoted(shown)} (${range(offset + 1, offset + items.length, found.length)}${missing ? `; no paper mentions ${missing}` : ""}${readings ? `; ${readings}` : ""}):`,
    // Numbered as a list of its own: the numbers people type next refer to the last list they saw.
    papers: items.map((item, i) => listCard(item, offset + i + 1)),
    actions: ["markRead", "unbookmark"],
    ...(page < pages ? { more: { command: "bookmarks", input: { query, page: page + 1 } } } : {}),
  };
}

export const bookmarksCommand = defineCommand({
  data: {
    name: "bookmarks",
    description: "Your reading list, newest first: mark papers read or remove them",
    usage: "bookmarks [page|words]   (or bookmarks add|read|unread|remove <number or id>)",
    options: Options,
  },
  parseText: (typed) => {
    // "page 2", "page:2" (Discord's way, typed): the page, as "2" is.
    const words = typed.join(" ").replace(/^page[:=]?\s*(?=\S+$)/i, "").split(/\s+/).filter(Boolean);
    // A change names one paper by a number, an id or a link, all of which hold a digit or a dot: "read later"
    // or "remove old ones" is words to look for (a note's "read later"), not a paper called "later".
    const change = CHANGES.includes(words[0]?.toLowerCase() as (typeof CHANGES)[number]) && (words.length === 1 || (words.length === 2 && /[\d./:]/.test(words[1]!))
      || LIST_NUMBERS.test(words.slice(1).join(" ")));
    return change
      ? { change: words[0]!.toLowerCase(), ...(words.length > 1 ? { id: words.slice(1).join(" ") } : {}) }
      // Numbers are a page (a wrong one, "0" or "1.5", gets the page hint); any other words search inside the list.
      : words.every((w) => NUMBER_LIKE.test(w)) ? positional([{ name: "page", type: "integer" }], words)
        : words.length > 0 ? { query: words.join(" ") } : {};
  },
  async execute(ctx, { page, change: what, id, query }): Promise<Reply> {
    if (what && id) return change(ctx, what, id);
    if (query) return search(ctx, query, page);
    const offset = (page - 1) * BOOKMARKS_PAGE_SIZE;
    const { items, total } = await readingList(ctx.services, ctx.user, { offset, limit: BOOKMARKS_PAGE_SIZE });
    if (total === 0) return { visibility: "ephemeral", tone: "info", text: emptyReadingList(ctx.user.platform) };
    const pages = Math.ceil(total / BOOKMARKS_PAGE_SIZE);
    if (items.length === 0 || page > pages) {
      throw new UserError("page_out_of_range", `Your reading list has ${pages} page${pages === 1 ? "" : "s"}; try ${example("bookmarks", [["page", String(pages)]])}.`);
    }
    const end = offset + items.length;
    const unread = await ctx.services.bookmarks.unreadCount(ctx.user);
    return {
      visibility: "ephemeral",
      text: `Your reading list (${range(offset + 1, end, total)}, ${unread} unread), page ${page} of ${pages}:`,
      papers: items.map((item, i) => listCard(item, offset + i + 1)),
      actions: ["markRead", "unbookmark"],
      ...(page < pages ? { more: { command: "bookmarks", input: { page: page + 1 } } } : {}),
    };
  },
});
