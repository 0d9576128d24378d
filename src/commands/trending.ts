import { z } from "zod";
import { nothingToLookFor } from "../command-kit/hints.ts";
import { localDate } from "../core/time.ts";
import { defineCommand } from "../command-kit/command.ts";
import { example, exampleOn } from "../command-kit/usage.ts";
import { internal, option, wholeNumber } from "../command-kit/options.ts";
import { MAX_QUERY_LENGTH } from "../command-kit/limits.ts";
import { UserError } from "../command-kit/errors.ts";
import { toCard, type Reply, range } from "../core/messages/reply.ts";
import { lineWorth, quoted, typed } from "../core/messages/typed.ts";
import { missingWordsText, papersAbout, typoReadingsText } from "../core/relevance.ts";
import { onlyCommonWords, onlyLeftOut, splitQuery, STOPWORDS } from "../core/search/query.ts";
import type { SearchIndex } from "../core/search/index.ts";

const COUNT_HINT = `The count is one number from 1 to 50, like ${example("trending", [["count", "10"]])}.`;

const Options = z.object({
  count: option(wholeNumber(1, 50, COUNT_HINT).default(5),
    { description: "How many (1–50, default 5)" }),
  topic: option(z.string().trim().max(MAX_QUERY_LENGTH, `Keep the topic under ${MAX_QUERY_LENGTH} characters; a few keywords work best.`).optional(),
    { description: "Only the trending papers about this, e.g. moe" }),
  offset: internal(wholeNumber(0, 1000).default(0)),
  // The count was typed after the topic ("trending llama 3"), where it may be the topic's own number.
  countLast: internal(z.boolean().default(false)),
});

/** "trending 10", "trending moe", "trending 10 moe", "trending moe 10": a count in digits, first or last;
 * words are a topic. */
function parseTrendingWords(words: string[]): Record<string, unknown> {
  const [first, ...rest] = words;
  if (first === undefined) return {};
  // Anything but a number first is a topic ("moe", "🔥": the latter is then said to name none).
  if (!/^[-+]?\d/.test(first)) {
    const last = words.length > 1 && /^\d+$/.test(words[words.length - 1]!) ? words[words.length - 1] : undefined;
    return last === undefined ? { topic: words.join(" ") } : { count: last, topic: words.slice(0, -1).join(" "), countLast: true };
  }
  // A second number is no topic ("trending 3 4"): the count hint says what to type.
  if (rest.length > 0 && !rest.some((w) => /\p{L}/u.test(w))) return { count: "not one number" };
  return { count: first, ...(rest.length > 0 ? { topic: rest.join(" ") } : {}) };
}

/** Whether a trending paper has the topic's last word right before `n` ("Llama 3"): then "trending llama 3"
 * asks for Llama 3's papers, not for 3 papers about llamas. */
function namesVersion(index: SearchIndex, topic: string, n: number, among: string[]): boolean {
  const lastWord = topic.replace(/["“”]/g, " ").trim().split(/\s+/).pop();
  if (!lastWord || !/\p{L}/u.test(lastWord)) return false;
  const listed = new Set(among);
  return index.search(`"${lastWord} ${n}"`, { limit: 1, filter: (id) => listed.has(id) }).total > 0;
}

export const trendingCommand = defineCommand({
  data: {
    name: "trending",
    description: "Today's trending papers, in rank order, optionally only those about a topic",
    usage: "trending [count] [topic words…]",
    options: Options,
  },
  parseText: parseTrendingWords,
  async execute(ctx, input): Promise<Reply> {
    const { papers, catalog } = ctx.services;
    const snapshot = await papers.trending(localDate(ctx.now, "UTC"));
    if (!snapshot || snapshot.ids.length === 0) return { visibility: "ephemeral", tone: "info", text: "There is no trending list yet; try again after the next refresh." };
    const { count, topic: typedTopic, offset } = input.countLast && namesVersion(catalog.index, input.topic!, input.count, snapshot.ids)
      ? { ...input, count: Options.shape.count.parse(undefined), topic: `${input.topic} ${input.count}` } : input;
    let listed = snapshot.ids, lead = `Trending papers, ${snapshot.date}`;
    const split = splitQuery(typedTopic ?? ""), onlyOut = onlyLeftOut(split);
    const example = (topic: string) => exampleOn(ctx.user.platform, "trending", [["count", "10"], ["topic", topic]]);
    if (onlyOut) throw new UserError("vague_topic", `${nothingToLookFor(lineWorth(typedTopic!, 40), onlyOut, example)}.`);
    // Words of a request ("trending today", "trending papers please") name no topic: the whole list. Only
    // words like "the" were meant as one, and say so.
    // Nor does a topic with no letter or digit at all ("🔥", "???"), which was dropped in silence for the whole list.
    const noWords = typedTopic !== undefined && typedTopic.trim() !== "" && !/[\p{L}\p{N}]/u.test(typedTopic);
    if (noWords || (typedTopic && split.rest.trim() && split.rest.trim().split(/\s+/).every((w) => STOPWORDS.has(w.toLowerCase())))) {
      throw new UserError("vague_topic", `${nothingToLookFor(lineWorth(typedTopic, 40), null, example)}, or leave the topic out for every trending paper.`);
    }
    const topic = typedTopic && !onlyCommonWords(split.rest) ? typedTopic : undefined;
    if (topic) {
      // The papers of the list that are about the topic, as a topic digest picks them, in the list's order.
      const about = new Set(papersAbout(catalog.index, topic, { among: snapshot.ids, limit: snapshot.ids.length }).map((h) => h.id));
      listed = snapshot.ids.filter((id) => about.has(id));
      if (listed.length === 0) {
        const missing = missingWordsText(catalog.index, topic);
        return { visibility: "ephemeral", tone: "info", text: `None of the ${snapshot.ids.length} trending papers of ${snapshot.date} is about ${quoted(lineWorth(topic))}` +
          `${missing ? ` (no paper mentions ${missing})` : ""}; search every paper with ${exampleOn(ctx.user.platform, "search", [["query", typed(topic.slice(0, 60))]])}.` };
      }
      // A word read as another, as /papers search names it: the papers listed say that word.
      const readings = typoReadingsText(catalog.index, topic);
      lead = `Trending papers about ${quoted(lineWorth(topic))}${readings ? ` (${readings})` : ""}, ${snapshot.date}`;
    }
    // "trending 50" on Discord shows 10 (a message's embeds) and pages on from the 11th.
    const ids = listed.slice(offset, offset + Math.min(count, ctx.maxListed ?? count));
    // A page past the list's end (the command line's --page) is not a list being updated.
    if (ids.length === 0 && offset > 0) {
      return { visibility: "ephemeral", tone: "info", text: `No more trending papers${topic ? ` about ${quoted(lineWorth(topic))}` : ""}: there are ${listed.length}.` };
    }
    // A list written since this process last synced (an ingest, another replica's refresh) names papers it
    // has not read yet: those come from the database, so the page is whole and its ranks are the list's.
    const unread = ids.filter((id) => !catalog.get(id));
    const read = new Map((unread.length ? await papers.getMany(unread) : []).map((p) => [p.id, p]));
    const cards = ids.flatMap((id, i) => { const p = catalog.get(id) ?? read.get(id); return p ? [toCard(p, { rank: offset + i + 1 })] : []; });
    if (cards.length === 0) return { visibility: "ephemeral", tone: "info", text: "The trending list is being updated; try again in a minute." };
    const end = offset + ids.length;
    return {
      visibility: "ephemeral",
      text: `${lead} (${range(offset + 1, end, listed.length)}):`,
      papers: cards,
      actions: ["bookmark", "share", "similar", "notInterested"],
      ...(end < listed.length ? { more: { command: "trending", input: { count, ...(topic ? { topic } : {}), offset: end } } } : {}),
    };
  },
});
