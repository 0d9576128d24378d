import { z } from "zod";
import { localDate } from "../core/time.ts";
import { MIN_SEEDS, reasonText, reasonsFor, recommendFor } from "../core/recommend/person.ts";
import { sinkAll } from "../core/recommend/sink.ts";
import { defineCommand } from "../command-kit/command.ts";
import { internal, wholeNumber } from "../command-kit/options.ts";
import { howToBookmark } from "../command-kit/hints.ts";
import { toCard, type Reply, range } from "../core/messages/reply.ts";

export const FORYOU_PAGE_SIZE = 5;

const Options = z.object({
  offset: internal(wholeNumber(0, 45).default(0)),
});

export const foryouCommand = defineCommand({
  data: {
    name: "foryou",
    description: "Papers recommended for you, from what you bookmarked",
    usage: "foryou",
    options: Options,
  },
  async execute(ctx, { offset }): Promise<Reply> {
    const { services } = ctx;
    const result = await recommendFor(services, ctx.user, offset + FORYOU_PAGE_SIZE + 1);
    // Saved, then marked not interested: kept in the list, but not learnt from (profileOf); both answers say so.
    const dislikedSaved = [...result.bookmarked].filter((id) => result.notInterested.has(id)).length;
    if (result.seeds < MIN_SEEDS) {
      const snapshot = await services.papers.trending(localDate(ctx.now, "UTC"));
      // Papers like one marked not interested sink below the rest, as they do in the personal digest.
      const trending = sinkAll(snapshot?.ids ?? [], result.sunk).map((id) => services.catalog.get(id)).filter((p) => p !== undefined)
        .filter((p) => !result.bookmarked.has(p.id) && !result.notInterested.has(p.id)).slice(0, FORYOU_PAGE_SIZE);
      // Said, so 3 saved is not "only 2".
      const counted = dislikedSaved ? ` to learn from (${dislikedSaved} ${dislikedSaved === 1 ? "is" : "are"} marked not interested)` : "";
      const have = result.seeds === 0 ? (dislikedSaved ? `no bookmarks${counted}` : "no bookmarks yet") : `only ${result.seeds} bookmark${result.seeds === 1 ? "" : "s"}${counted}`;
      return {
        visibility: "ephemeral", tone: "info",
        text: `You have ${have}, and recommendations need at least ${MIN_SEEDS} (${howToBookmark(ctx.user.platform)}), so here is what's trending:`,
        papers: trending.map((p, i) => toCard(p, { rank: i + 1 })),
        actions: ["bookmark", "share", "similar", "notInterested"],
      };
    }
    const shown = result.papers.slice(offset, offset + FORYOU_PAGE_SIZE);
    if (shown.length === 0) {
      return { visibility: "ephemeral", tone: "info", text: offset > 0 ? "That's all I can recommend for now." : "I found nothing close to your bookmarks yet; try /papers trending." };
    }
    const end = offset + shown.length;
    // Why each pick is there, on its card: the saved paper it is most like.
    const why = reasonsFor(services, shown, result.seedIds).map((seed) => reasonText(seed) ?? "close to your bookmarks overall");
    // Said inside the header, which introduces the list: what sinks, and a saved paper since disliked not counted.
    const marked = result.notInterested.size;
    const sunk = marked ? `; papers like the ${marked === 1 ? "one" : marked} you marked not interested come last` : "";
    const from = dislikedSaved ? `${result.seeds} of your ${result.seeds + dislikedSaved} bookmarks, the ${dislikedSaved === 1 ? "one" : dislikedSaved} marked not interested left out`
      : `your ${result.seeds} bookmark${result.seeds === 1 ? "" : "s"}`;
    const canPageOn = result.papers.length > end && end <= 45;
    return {
      visibility: "ephemeral",
      // The bookmarks it learns from: not those marked not interested (profileOf), as the count above says too.
      text: `Recommended for you, from ${from} (${range(offset + 1, end)}${sunk}):`,
      papers: shown.map((p, i) => toCard(p, { rank: offset + i + 1, reason: why[i] })),
      actions: ["bookmark", "share", "similar", "notInterested"],
      ...(canPageOn ? { more: { command: "foryou", input: { offset: end } } } : {}),
    };
  },
});
