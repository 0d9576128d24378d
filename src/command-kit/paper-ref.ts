// How a command argument names a paper: an arXiv id or link, a stored id, or a number. Resolvers are
// tried in order and the first that knows the reference wins, so a resolver for "the number from the
// last list" (a store of what each person was last shown) slots in ahead of the reading-list fallback
// without touching the commands that take a reference.
import type { Paper } from "../core/paper.ts";
import { parseArxivId } from "../core/paper.ts";
import type { CommandContext } from "./command.ts";

/** The paper id a reference means, or null when this resolver does not know it (the next one is asked). */
export type PaperRefResolver = (ctx: CommandContext, ref: string) => Promise<string | null>;

export const WHOLE_NUMBER = /^\d{1,6}$/;

/** "2403.07816", "https://arxiv.org/abs/2403.07816v2", "t-1a2b…": ids and links, never numbers. */
export const byPaperId: PaperRefResolver = async (ctx, ref) => {
  if (WHOLE_NUMBER.test(ref)) return null;
  const paper = await ctx.services.catalog.find(parseArxivId(ref) ?? ref);
  return paper?.id ?? null;
};

/** "3": the third paper of the person's reading list, newest first, as /papers bookmarks numbers it. */
export const byReadingListPosition: PaperRefResolver = async (ctx, ref) => {
  if (!WHOLE_NUMBER.test(ref)) return null;
  const position = Number(ref);
  if (position < 1) return null;
  const { entries } = await ctx.services.bookmarks.list(ctx.user, { offset: position - 1, limit: 1 });
  return entries[0]?.paperId ?? null;
};

/** In order; a numbered-list resolver goes first when it lands. */
export const PAPER_REF_RESOLVERS: PaperRefResolver[] = [byPaperId, byReadingListPosition];

export async function resolvePaperRef(ctx: CommandContext, ref: string, resolvers: readonly PaperRefResolver[] = PAPER_REF_RESOLVERS): Promise<Paper | null> {
  const trimmed = ref.trim();
  for (const resolve of resolvers) {
    const id = await resolve(ctx, trimmed);
    if (id) return ctx.services.catalog.find(id);
  }
  return null;
}
