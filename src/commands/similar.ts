import { defineCommand, type CommandContext } from "../command-kit/command.ts";
import { paperIdOptions } from "../command-kit/paper-id.ts";
import { findPaper, pickById, resolvePaper } from "../command-kit/paper-ref.ts";
import { isArxivReference, isTitleId, type Paper } from "../core/paper.ts";
import { quoted, titled } from "../core/messages/typed.ts";
import { splitByRelevance } from "../core/relevance.ts";
import { onlyCommonWords, splitQuery } from "../core/search/query.ts";
import { howToFindSimilar } from "../command-kit/hints.ts";
import { toCard, type Reply } from "../core/messages/reply.ts";

export const SIMILAR_COUNT = 5;

/** Words rather than a paper ("similar mixture of experts"): the paper search finds best for them, or null
 * when `ref` names a paper (a number, an id, a link) or no paper is about the words. */
async function bestMatchFor(ctx: CommandContext, ref: string): Promise<Paper | null> {
  if (!/\p{L}/u.test(ref) || isArxivReference(ref) || isTitleId(ref) || /:\/\//.test(ref)) return null;
  // Words too common to be about anything ("the", "of the"): /papers search finds nothing for them, so no
  // paper is their "best match", only the first of many that happen to say them.
  if (onlyCommonWords(splitQuery(ref).rest)) return null;
  if (await findPaper(ctx, ref, pickById("similar"))) return null;
  const { catalog } = ctx.services;
  const best = splitByRelevance(catalog.index, ref, catalog.index.search(ref, { limit: 1 }).hits).strong[0];
  return best ? catalog.get(best.id) ?? null : null;
}

export const similarCommand = defineCommand({
  data: {
    name: "similar",
    description: "More like this: the papers closest in content to one paper",
    usage: "similar <number, id or words>",
    options: paperIdOptions("similar", "paper", true),
  },
  async execute(ctx, { id }): Promise<Reply> {
    const { catalog } = ctx.services;
    const bestMatch = await bestMatchFor(ctx, id);
    const paper = bestMatch ?? await resolvePaper(ctx, id, pickById("similar"), howToFindSimilar(ctx.user.platform));
    const similar = catalog.papers(catalog.index.similar(paper.id, SIMILAR_COUNT));
    if (similar.length === 0) {
      return { visibility: "ephemeral", tone: "info", text: `I found no papers close to ${titled(paper.title)} yet; try /papers trending.` };
    }
    return {
      visibility: "ephemeral",
      text: bestMatch ? `More like ${titled(paper.title)}, the best match for ${quoted(id.trim().slice(0, 60))}:` : `More like ${titled(paper.title)}:`,
      papers: similar.map((p, i) => toCard(p, { rank: i + 1 })),
      actions: ["bookmark", "share", "similar", "notInterested"],
    };
  },
});
