import { type Paper, parseArxivId } from "../core/paper.ts";
import { type CommandContext, defineCommand } from "../command-kit/command.ts";
import { paperIdOptions } from "../command-kit/paper-id.ts";
import { UserError } from "../command-kit/errors.ts";
import { findPaper, listNumber, pickById } from "../command-kit/paper-ref.ts";
import { exampleOn, SEARCH_EXAMPLE, searchFor } from "../command-kit/usage.ts";
import { shortId, toCard, type Reply } from "../core/messages/reply.ts";
import { HfSourceError } from "../sources/hf/errors.ts";
import { lookupPaperOnHf } from "../sources/hf/lookup.ts";
import { plausibleArxivId } from "../sources/hf/schema.ts";
import { quoted } from "../core/messages/typed.ts";


export const paperCommand = defineCommand({
  data: {
    name: "paper",
    description: "One paper in full: title, authors, abstract, links",
    usage: "paper <number or id>",
    options: paperIdOptions("paper"),
  },
  async execute(ctx, { id }): Promise<Reply> {
    const paper = await paperNamed(ctx, id);
    // The catalog keeps a card's worth of each abstract; the whole one is a database read away.
    const whole = (await ctx.services.catalog.full(paper.id)) ?? paper;
    // A paper already in the person's bookmarks offers to remove it, not to save it again.
    const saved = await ctx.services.bookmarks.has(ctx.user, paper.id);
    const unbookmark = exampleOn(ctx.user.platform, "unbookmark", [["id", shortId(whole)]]);
    return { visibility: "ephemeral", text: saved ? `🔖 In your bookmarks (${unbookmark} removes it):` : whole.title, papers: [toCard(whole, { full: true })],
      actions: [saved ? "unbookmark" : "bookmark", "share", "similar", "notInterested"] };
  },
});

/**
 * The paper `id` names (a list number, an id, an arXiv id or link), looked up on Hugging Face when it is an
 * arXiv id nobody has ingested yet; a UserError saying why when there is none.
 */
export async function paperNamed(ctx: CommandContext, id: string): Promise<Paper> {
  const paper = await findPaper(ctx, id, pickById("paper"));
  if (paper) return paper;
  const arxivId = listNumber(id) === null ? parseArxivId(id) : null;
  // Shaped like an arXiv id but none can be ("2503.0409", "9999.99999"): its digits are no words to search
  // for, and "/papers search 2503.0409" would land here again.
  if (arxivId && !plausibleArxivId(arxivId)) {
    throw new UserError("unknown_paper", `${quoted(arxivId)} is no arXiv id: since 2015 they read year and month, a dot and five digits, like 2503.04094; check it, or search for the paper by its words, like ${SEARCH_EXAMPLE}.`);
  }
  if (!arxivId) {
    throw new UserError("unknown_paper", `I don't know a paper ${quoted(id.slice(0, 60))}. Search for it with ${searchFor(ctx.user.platform, id)}.`);
  }
  if (ctx.services.config.HF_REFRESH === "off") {
    throw new UserError("unknown_paper", `I don't have ${arxivId}, and this bot is set not to look papers up on Hugging Face; search for it with ${SEARCH_EXAMPLE}.`);
  }
  // A paper nobody has ingested yet (an arXiv link a colleague pasted): ask the API once and keep it.
  let found: Paper | null;
  try { found = await lookupPaperOnHf(ctx.services, arxivId); } catch (error) {
    if (!(error instanceof HfSourceError)) throw error;
    ctx.services.log.warn({ arxivId, kind: error.kind, reason: error.message }, "paper lookup on Hugging Face failed");
    throw new UserError("source_unavailable", `I don't have ${arxivId} yet and couldn't reach Hugging Face to look it up; try again in a few minutes.`);
  }
  if (!found) throw new UserError("unknown_paper", `Neither I nor Hugging Face know arXiv ${arxivId}; check the id, or search for the paper by its words.`);
  return found;
}
