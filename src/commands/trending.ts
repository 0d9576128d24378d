import { z } from "zod";
import { localDate } from "../core/time.ts";
import { defineCommand } from "../command-kit/command.ts";
import { example } from "../command-kit/usage.ts";
import { internal, option, wholeNumber } from "../command-kit/options.ts";
import { toCard, type Reply, range } from "../core/messages/reply.ts";

const COUNT_HINT = `The count is a number from 1 to 50, like ${example("trending", [["count", "10"]])}.`;

const Options = z.object({
  count: option(wholeNumber(1, 50, COUNT_HINT).default(5),
    { description: "How many (1–50, default 5)" }),
  offset: internal(wholeNumber(0, 1000).default(0)),
});

export const trendingCommand = defineCommand({
  data: {
    name: "trending",
    description: "Today's trending papers, in rank order",
    usage: "trending [count]",
    options: Options,
  },
  async execute(ctx, { count, offset }): Promise<Reply> {
    const { papers, catalog } = ctx.services;
    const snapshot = await papers.trending(localDate(ctx.now, "UTC"));
    if (!snapshot || snapshot.ids.length === 0) return { visibility: "ephemeral", tone: "info", text: "There is no trending list yet; try again after the next refresh." };
    // "trending 50" on Discord shows 10 (a message's embeds) and pages on from the 11th.
    const ids = snapshot.ids.slice(offset, offset + Math.min(count, ctx.maxListed ?? count));
    // A list written since this process last synced (an ingest, another replica's refresh) names papers it
    // has not read yet: those come from the database, so the page is whole and its ranks are the list's.
    const unread = ids.filter((id) => !catalog.get(id));
    const read = new Map((unread.length ? await papers.getMany(unread) : []).map((p) => [p.id, p]));
    const cards = ids.flatMap((id, i) => { const p = catalog.get(id) ?? read.get(id); return p ? [toCard(p, { rank: offset + i + 1 })] : []; });
    if (cards.length === 0) return { visibility: "ephemeral", tone: "info", text: "The trending list is being updated; try again in a minute." };
    const end = offset + ids.length;
    return {
      visibility: "ephemeral",
      text: `Trending papers, ${snapshot.date} (${range(offset + 1, end, snapshot.ids.length)}):`,
      papers: cards,
      actions: ["bookmark", "share", "similar", "notInterested"],
      ...(end < snapshot.ids.length ? { more: { command: "trending", input: { count, offset: end } } } : {}),
    };
  },
});
