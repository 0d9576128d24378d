import { defineCommand } from "../command-kit/command.ts";
import { paperIdOptions } from "../command-kit/paper-id.ts";
import { pickById, resolvePaper } from "../command-kit/paper-ref.ts";
import { howToFindSimilar } from "../command-kit/hints.ts";
import { toCard, type Reply } from "../core/messages/reply.ts";

export const SIMILAR_COUNT = 5;

export const similarCommand = defineCommand({
  data: {
    name: "similar",
    description: "More like this: the papers closest in content to one paper",
    usage: "similar <number or id>",
    options: paperIdOptions("similar"),
  },
  async execute(ctx, { id }): Promise<Reply> {
    const { catalog } = ctx.services;
    const paper = await resolvePaper(ctx, id, pickById("similar"), howToFindSimilar(ctx.user.platform));
    const similar = catalog.papers(catalog.index.similar(paper.id, SIMILAR_COUNT));
    if (similar.length === 0) {
      return { visibility: "ephemeral", tone: "info", text: `I found no papers close to “${paper.title}” yet; try /papers trending.` };
    }
    return {
      visibility: "ephemeral",
      text: `More like “${paper.title}”:`,
      papers: similar.map((p, i) => toCard(p, { rank: i + 1 })),
      actions: ["bookmark", "share", "similar", "notInterested"],
    };
  },
});
