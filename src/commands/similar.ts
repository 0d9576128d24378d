import { defineCommand } from "../command-kit/command.ts";
import { paperIdOptions } from "../command-kit/paper-id.ts";
import { findPaper, pickById, resolvePaper } from "../command-kit/paper-ref.ts";
import { isArxivReference, isTitleId } from "../core/paper.ts";
import { quoted } from "../core/messages/typed.ts";
import { splitByRelevance } from "../core/relevance.ts";
import { howToFindSimilar } from "../command-kit/hints.ts";
import { toCard, type Reply } from "../core/messages/reply.ts";

export const SIMILAR_COUNT = 5;

export const similarCommand = defineCommand({
  data: {
    name: "similar",
    description: "More like this: the papers closest in content to one paper",
    usage: "similar <number, id or words>",
    options: paperIdOptions("similar"),
  },
  async execute(ctx, { id }): Promise<Reply> {
    const { catalog } = ctx.services;
    // Words rather than a paper ("similar mixture of experts"): more like the paper that search finds best for them.
    const bestMatch = await (async () => {
      if (!/\p{L}/u.test(id) || isArxivReference(id) || isTitleId(id) || /:\/\//.test(id)) return null;
      if (await findPaper(ctx, id, pickById("similar"))) return null;
      const { hits } = catalog.index.search(id, { limit: 1 });
      const best = splitByRelevance(catalog.index, id, hits).strong[0];
      return best ? catalog.get(best.id) ?? null : null;
    })();
    const paper = bestMatch ?? await resolvePaper(ctx, id, pickById("similar"), howToFindSimilar(ctx.user.platform));
    const similar = catalog.papers(catalog.index.similar(paper.id, SIMILAR_COUNT));
    if (similar.length === 0) {
      return { visibility: "ephemeral", tone: "info", text: `I found no papers close to “${paper.title}” yet; try /papers trending.` };
    }
    return {
      visibility: "ephemeral",
      text: bestMatch ? `More like “${paper.title}”, the best match for ${quoted(id.trim().slice(0, 60))}:` : `More like “${paper.title}”:`,
      papers: similar.map((p, i) => toCard(p, { rank: i + 1 })),
      actions: ["bookmark", "share", "similar", "notInterested"],
    };
  },
});
