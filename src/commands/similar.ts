import { z } from "zod";
import { parseArxivId } from "../core/paper.ts";
import { defineCommand } from "./command.ts";
import { UserError } from "./errors.ts";
import { toCard, type Reply } from "./reply.ts";

export const SIMILAR_COUNT = 5;
const ID_HINT = "Give a paper's arXiv id or link, like /papers similar 2403.07816.";

const Input = z.object({
  id: z.string({ error: ID_HINT }).trim().min(1, ID_HINT).max(300, "That is too long for a paper id or link."),
});

export const similarCommand = defineCommand({
  name: "similar",
  description: "More like this: the papers closest in content to one paper",
  usage: "similar <arXiv id or link>",
  options: [{ name: "id", description: "arXiv id or link, e.g. 2403.07816", type: "string", required: true, autocomplete: "paper" }],
  input: Input,
  async execute(ctx, { id }): Promise<Reply> {
    const { catalog } = ctx.services;
    const paper = catalog.get(parseArxivId(id) ?? id);
    if (!paper) throw new UserError("unknown_paper", `I don't know a paper "${id.slice(0, 60)}"; search for it with /papers <words>, then press More like this.`);
    const similar = catalog.papers(catalog.index.similar(paper.id, SIMILAR_COUNT));
    if (similar.length === 0) {
      return { visibility: "ephemeral", tone: "info", text: `I found no papers close to “${paper.title}” yet; try /papers trending.` };
    }
    return {
      visibility: "ephemeral",
      text: `More like “${paper.title}”:`,
      papers: similar.map((p, i) => toCard(p, { rank: i + 1 })),
      actions: ["bookmark", "share", "similar"],
    };
  },
});
