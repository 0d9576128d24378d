// "Which paper": a number from the last list this person saw in this channel (`/papers bookmark 2`), an
// arXiv id or link, a paper id, or the short id a card shows. Every command about one paper resolves here.
import type { CommandContext } from "./command.ts";
import { UserError } from "./errors.ts";
import type { Paper } from "../core/paper.ts";
import { parseArxivId } from "../core/paper.ts";
import type { PaperCard, Reply } from "../core/messages/reply.ts";
import type { ListViewer } from "../core/stores/last-lists.ts";
import { isDirectMessage } from "../core/channel.ts";
import { personalTarget } from "../core/person-target.ts";
import { example, SEARCH_EXAMPLE } from "./usage.ts";
import { quoted } from "../core/messages/typed.ts";

const NUMBER = /^#?(\d{1,4})\.?$/;
// A list longer than this is not something anyone counts through.
export const MAX_REMEMBERED = 1000;

/** How to pick paper `n` of a list with the command at hand, as an example placeholder (usage.ts example()). */
export type PickExample = (n: number) => string;

/** Picking by number with a command whose paper option is `id` (paperIdOptions): similar, paper, bookmark. */
export const pickById = (command: string): PickExample => (n) => example(command, [["id", String(n)]]);

export function viewerOf(ctx: Pick<CommandContext, "channel" | "user">): ListViewer {
  return { platform: ctx.channel.platform, workspaceId: ctx.channel.workspaceId, channelId: ctx.channel.channelId, userId: ctx.user.userId };
}

/** Whether `ref` is a list number ("2", "#2") rather than an id. */
export function listNumber(ref: string): number | null {
  // Full-width digits ("２", from an East Asian keyboard) are the number too (NFKC).
  const match = NUMBER.exec(ref.normalize("NFKC").trim());
  return match ? Number(match[1]) : null;
}

// Lists being written, by viewer: the answer that shows a list does not wait for the write (a locked
// database would hold it for seconds), but this person's next "/papers bookmark 2" here does.
const writing = new Map<string, Promise<void>>();
// Viewers whose last list could not be stored (a locked or unreachable database), in this process.
const unsaved = new Set<string>();
const keyOf = (v: ListViewer) => JSON.stringify([v.platform, v.workspaceId, v.channelId, v.userId]);

/** Waits for every list still being written (before the database closes). */
export async function listsWritten(): Promise<void> {
  await Promise.all([...writing.values()]);
}

/** The ids of the last numbered list this person saw here, by number less one (a gap: a paper gone since), or null. */
export async function lastListIds(ctx: Pick<CommandContext, "services" | "channel" | "user">): Promise<(string | null)[] | null> {
  // The list just shown may still be on its way to the database (autocomplete asks the moment it appears).
  const viewer = viewerOf(ctx);
  const key = keyOf(viewer);
  await writing.get(key);
  // A list that could not be stored leaves an older one behind, whose numbers would name the wrong papers.
  if (unsaved.has(key)) return null;
  // In their DMs, a person's own digest (posted to them, not to this DM's id) is a list they saw here too;
  // so it is in the terminal, which has no DMs and prints that digest in the session.
  const seesOwnDigest = isDirectMessage(ctx.channel) || ctx.channel.platform === "console";
  const own = seesOwnDigest ? { ...personalTarget(ctx.user), userId: ctx.user.userId } : undefined;
  return (await ctx.services.lastLists.recall(viewer, own))?.ids ?? null;
}

/** The paper numbered `n` in this person's last list here, or a sentence saying why there is none. */
async function fromLastList(ctx: CommandContext, n: number, pick: PickExample): Promise<string> {
  const list = await lastListIds(ctx);
  if (unsaved.has(keyOf(viewerOf(ctx)))) {
    throw new UserError("list_not_saved", `I couldn't keep the numbers of the last list I showed you here (the database did not take it: busy, full or unreachable), so ${n} could name the wrong paper; show the list again, then pick ${n}.`);
  }
  const numbers = (list ?? []).flatMap((id, i) => (id ? [i + 1] : []));
  if (numbers.length === 0) {
    throw new UserError("no_list", `There is no numbered list here to pick ${n} from yet: search first (${SEARCH_EXAMPLE}), then ${pick(n)}.`);
  }
  const id = list![n - 1];
  if (!id) {
    const range = numbers.length === 1 ? `only number ${numbers[0]}` : `numbers ${numbers[0]}–${numbers[numbers.length - 1]}`;
    throw new UserError("number_out_of_range", `Your last list here has ${range}, not ${n}; pick one of those or give the paper's id.`);
  }
  return id;
}

/**
 * The paper `ref` names, or null when it names none this process knows (an arXiv id the caller may look
 * up elsewhere). A list number that fits no list is a UserError: there is nothing else it could mean.
 */
export async function findPaper(ctx: CommandContext, typedRef: string, pick: PickExample): Promise<Paper | null> {
  const { catalog } = ctx.services;
  // "paper:3", "id:t-384a11": Discord's way of naming the option, typed (commands name it one or the other).
  const ref = typedRef.replace(/^\s*(?:paper|id):\s*(?=\S)/i, "");
  const n = listNumber(ref);
  if (n !== null) return catalog.find(await fromLastList(ctx, n, pick));
  const trimmed = ref.trim();
  const exact = await catalog.find(parseArxivId(trimmed) ?? trimmed);
  if (exact) return exact;
  const title = wordsInSearchLink(trimmed);
  if (title) return byTitle(ctx, title);
  const byPrefix = catalog.withIdPrefix(trimmed.toLowerCase());
  if (byPrefix.length > 1) {
    throw new UserError("ambiguous_id", `${quoted(trimmed.slice(0, 20))} starts more than one paper's id; give more of it, or the paper's number in a list.`);
  }
  return byPrefix[0] ?? null;
}

/** The words of a Hugging Face paper search link ("https://huggingface.co/papers?q=…"), as the bot itself posts for a
 * paper without an arXiv id (paperUrl: Hugging Face's search for its title); null for anything else. */
export function wordsInSearchLink(ref: string): string | null {
  const match = /^\s*<?(?:https?:\/\/)?(?:www\.)?huggingface\.co\/papers\?q=([^&#>|\s]+)[^\s]*\s*$/i.exec(ref);
  if (!match) return null;
  try { return decodeURIComponent(match[1]!.replace(/\+/g, " ")).trim() || null; } catch { return null; }
}

/** The paper with exactly this title (any case), found through the index: its best hits for the title's words. */
function byTitle(ctx: CommandContext, title: string): Paper | null {
  const { catalog } = ctx.services;
  const wanted = title.toLowerCase();
  const hits = catalog.index.search(title, { limit: 10 }).hits;
  return catalog.papers(hits).find((p) => p.title.toLowerCase() === wanted) ?? null;
}

/** Like findPaper, but a paper it cannot find is a UserError with `hint` as the way forward. */
export async function resolvePaper(ctx: CommandContext, ref: string, pick: PickExample, hint: string): Promise<Paper> {
  const paper = await findPaper(ctx, ref, pick);
  if (!paper) throw new UserError("unknown_paper", `I don't know a paper ${quoted(ref.trim().slice(0, 60))}; ${hint}`);
  return paper;
}

/** A reply whose papers all carry numbers is a list a person can refer back to. */
function numberedCards(reply: Reply): PaperCard[] | null {
  const cards = reply.papers ?? [];
  return cards.length > 0 && cards.every((c) => c.rank !== undefined && c.rank >= 1 && c.rank <= MAX_REMEMBERED) ? cards : null;
}

/**
 * Remembers the numbered list `reply` shows this person here; `list` names it (its command and options
 * but the page). A later page (numbers not starting at 1) extends the list it continues, so "6" still
 * means the sixth paper after "Show more"; a later page of another list ("bookmarks page:2" after a
 * search) starts afresh, so "1" is not the search's first paper.
 */
export function rememberList(ctx: CommandContext, reply: Reply, list: string): Promise<void> {
  const cards = numberedCards(reply);
  if (!cards) return Promise.resolve();
  const viewer = viewerOf(ctx);
  const key = keyOf(viewer);
  // After the write before it for the same viewer, so "Show more" extends the list it continues.
  const write = (writing.get(key) ?? Promise.resolve()).then(() => storeList(ctx, viewer, { cards, list }, !unsaved.has(key)));
  // Until a list is stored, the one stored before it is not what this person last saw: a number picked
  // now would name a paper of that older list. Noted here, so fromLastList says so instead.
  const settled = write.then(() => { unsaved.delete(key); }, () => { unsaved.add(key); });
  writing.set(key, settled);
  void settled.then(() => { if (writing.get(key) === settled) writing.delete(key); });
  return write;
}

/** `extend`: a later page ("Show more") adds to the stored list; not when its first page could not be
 * stored, since the stored list is then an older one. */
async function storeList(ctx: CommandContext, viewer: ListViewer, shown: { cards: PaperCard[]; list: string }, extend: boolean): Promise<void> {
  const { cards, list } = shown;
  const before = cards[0]!.rank! > 1 && extend ? await ctx.services.lastLists.recall(viewer) : null;
  const ids: (string | null)[] = before?.list === list ? [...before.ids] : [];
  for (const card of cards) {
    while (ids.length < card.rank! - 1) ids.push(null);
    ids[card.rank! - 1] = card.id;
  }
  await ctx.services.lastLists.remember(viewer, { ids: ids.slice(0, MAX_REMEMBERED), list });
}
