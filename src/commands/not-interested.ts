// `/papers not-interested <N|id>`: the paper and papers like it sink in this person's for-you, personal
// digest and `ranked: team` digests. `not-interested undo [N|id]` takes the mark back (the newest one
// when no paper is named).
import { z } from "zod";
import { defineCommand } from "../command-kit/command.ts";
import { example, SEARCH_EXAMPLE, searchFor } from "../command-kit/usage.ts";
import { option } from "../command-kit/options.ts";
import { resolvePaper } from "../command-kit/paper-ref.ts";
import { whichPaperHint } from "../command-kit/paper-id.ts";
import { UserError } from "../command-kit/errors.ts";
import { markNotInterested, notInterestedReply } from "../command-kit/not-interested.ts";
import { notice, type Reply } from "../core/messages/reply.ts";
import { quoted, titled } from "../core/messages/typed.ts";

const HINT = whichPaperHint("not-interested", "paper");

const Options = z.object({
  paper: option(z.string().trim().max(300, "That is too long for a paper id or link.").optional(),
    { description: "Number in your last list, or the paper's id or arXiv link", autocomplete: "paper" }),
  undo: option(z.stringbool({ error: "Undo is true or false." }).default(false), { description: "Take the mark back" }),
});

export const notInterestedCommand = defineCommand({
  data: {
    name: "not-interested",
    description: "Fewer papers like this one in your recommendations and digests",
    usage: "not-interested <number or id>   (not-interested undo [number or id] takes it back)",
    options: Options,
  },
  parseText(words) {
    const undo = words[0]?.toLowerCase() === "undo";
    const rest = undo ? words.slice(1) : words;
    return { ...(rest.length ? { paper: rest.join(" ") } : {}), ...(undo ? { undo: "true" } : {}) };
  },
  async execute(ctx, { paper, undo }): Promise<Reply> {
    const { services, user } = ctx;
    if (undo) {
      const id = paper ? (await resolvePaper(ctx, paper, (n) => example("not-interested", [["undo", "undo", "true"], ["paper", String(n)]]), `search for it with ${SEARCH_EXAMPLE}.`)).id : (await services.notInterested.list(user, 1))[0];
      if (!id) return notice("There is nothing to take back: you have not marked any paper as not interested.");
      const known = services.catalog.get(id), title = known ? titled(known.title) : quoted(id);
      return notice(await services.notInterested.remove(user, id)
        ? `Taken back: ${title} counts again in your recommendations.` : `${title} was not marked not interested.`);
    }
    if (!paper) throw new UserError("missing_paper", HINT);
    const found = await resolvePaper(ctx, paper, (n) => example("not-interested", [["paper", String(n)]]), `search for it with ${searchFor(ctx.user.platform, paper)}, then use its number.`);
    return notInterestedReply(found, await markNotInterested(services, user, found.id), user.platform);
  },
});
