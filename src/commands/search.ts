import { z } from "zod";
import { nothingToLookFor } from "../command-kit/hints.ts";
import { defineCommand } from "../command-kit/command.ts";
import { example, exampleOn } from "../command-kit/usage.ts";
import { internal, option, wholeNumber } from "../command-kit/options.ts";
import { toCard, type Reply, range } from "../core/messages/reply.ts";
import { bareWord, missingWordsText, splitByRelevance, typoReadingsText, withoutOneWord, withoutUnwritten } from "../core/relevance.ts";
import { MAX_QUERY_LENGTH } from "../command-kit/limits.ts";
import { isArxivReference, isTitleId } from "../core/paper.ts";
import { leavesOut, onlyCommonWords, onlyLeftOut, sidesOf, splitQuery, withoutExclusions } from "../core/search/query.ts";
import { paperNamed } from "./paper.ts";
import { findPaper, pickById, wordsInSearchLink } from "../command-kit/paper-ref.ts";
import { lineWorth, orList, quoted, typed as asTyped, unquoted } from "../core/messages/typed.ts";

export const PAGE_SIZE = 5;
const ACTIONS: Reply["actions"] = ["bookmark", "share", "similar", "notInterested"];
// The strong matches are counted among this many best hits: far more than anyone pages through.
const COUNTED = 1000;
// A question in plain words ("how do agents learn to haggle") names more than any paper says, so the
// relevance floor often leaves one or two papers of it, or none, where the next ones are about it in the
// field's words. It gets at least this many of its closest matches, said to be the closest. Measured on the
// judged sets' questions: 2.3 to 2.7 papers listed on average before, and nDCG@10 of what is listed
// 0.61 → 0.66 (blind3) and 0.67 → 0.76 (blind). Not for topic digests, which list only papers about the topic.
const QUESTION_MINIMUM = 3;
// Words (whitespace apart, not only common ones) that make a query a question rather than a term of the
// field: "retrieval augmented generation" and "self-supervised learning" are terms, listed as found.
const QUESTION_WORDS = 4;
const ARXIV_LABEL = /\barxiv:(?=\d{4}\.\d{4,5})/gi;
const QUERY_HINT = `Tell me what to look for, like ${example("search", [["query", "mixture of experts"]])}.`;

const Options = z.object({
  query: option(z.string({ error: QUERY_HINT }).trim()
    .min(1, QUERY_HINT)
    .max(MAX_QUERY_LENGTH, `Keep the search under ${MAX_QUERY_LENGTH} characters; a few keywords work best.`),
  { description: "What to look for, e.g. mixture of experts", autocomplete: "paper", rest: true }),
  offset: internal(wholeNumber(0, 1000).default(0)),
  limit: internal(wholeNumber(1, 50).default(PAGE_SIZE)),
});

export const searchCommand = defineCommand({
  data: {
    name: "search",
    description: "Find papers by topic, title words or acronym (MoE, SSM, RLHF…)",
    usage: 'search <words>   (or just /papers <words>; "words in quotes" stand together, -word or NOT word leaves out papers with it, a OR b (or a | b) finds either)',
    options: Options,
  },
  async execute(ctx, { query: typed, offset, limit }): Promise<Reply> {
    const { catalog } = ctx.services;
    // A Hugging Face search link, as the bot's own cards link a paper without an arXiv id: that paper, or a
    // search for the link's words when no title is them ("huggingface.co/papers?q=mixture+of+experts").
    const linked = wordsInSearchLink(typed);
    const titled = linked === null ? null : await findPaper(ctx, typed, pickById("search"));
    if (titled) return { visibility: "ephemeral", text: `Papers for ${quoted(lineWorth(linked!))} (${range(1, 1, 1)}):`, papers: [toCard(titled, { rank: 1 })], actions: ACTIONS };
    const query = linked ?? typed;
    // Echoed without the quotes it was typed in (quoted() adds its own), a pair or a lone one left open
    // ('"mixture of experts'), and cut to a line's worth.
    const bare = unquoted(query).replace(/^["“”]+(?=[^"“”]*$)|(?<=^[^"“”]*)["“”]+$/g, "");
    const shown = lineWorth(bare);
    // An arXiv id or link typed as a search ("/papers 2503.04094", a pasted abs/ link) means that paper,
    // not its digits and "https" as words.
    // So does a card's own id ("t-384a11"). And an id as papers cite one, "arXiv 2503.04094" or a BibTeX
    // entry's "arXiv preprint arXiv:2503.04094": the words before it only say where the id is from.
    const cited = query.replace(/^\s*arxiv(?:\s+preprint)?\s+(?=\S)/i, "");
    if (isArxivReference(cited) || isTitleId(query)) {
      const paper = await paperNamed(ctx, isTitleId(query) ? query : cited);
      return { visibility: "ephemeral", text: `Papers for ${quoted(shown)} (${range(1, 1, 1)}):`, papers: [toCard(paper, { rank: 1 })], actions: ACTIONS };
    }
    const split = splitQuery(query), { rest, excluded, phrases, excludedPhrases } = split;
    const onlyOut = onlyLeftOut(split);
    if (onlyOut) {
      return { visibility: "ephemeral", tone: "info", text: `${nothingToLookFor(shown, onlyOut, (topic) => exampleOn(ctx.user.platform, "search", [["query", topic]]))}.` };
    }
    const leavingOut = leavesOut(split).length > 0;
    if (onlyCommonWords(rest)) {
      return { visibility: "ephemeral", tone: "info", text: `${quoted(shown)} has no word specific enough to search for; ` +
        `try a topic, like ${exampleOn(ctx.user.platform, "search", [["query", "mixture of experts"]])}, or see /papers trending for what's new.` };
    }
    // Only the matches past the relevance floor are listed; the rest are counted as weak (core/relevance.ts).
    const rank = (typedWords: string) => {
      // "arXiv:" before an id beside other words labels the id; it is no word of the topic for a paper to have.
      const words = typedWords.replace(ARXIV_LABEL, " ");
      const searchStarted = performance.now();
      const result = catalog.index.search(words, { limit: Math.max(COUNTED, offset + limit) });
      ctx.services.metrics?.searchFinished((performance.now() - searchStarted) / 1000);
      return splitByRelevance(catalog.index, words, result.hits, result.total);
    };
    let { strong, weak } = rank(query);
    // A quoted phrase no paper has word for word: the papers with its words, saying so, rather than nothing.
    let lead = `Papers for ${quoted(shown)}`;
    if (strong.length === 0 && phrases.length > 0) {
      const loose = rank(query.replace(/["“”„«»]/g, " "));
      if (loose.strong.length > 0) {
        ({ strong, weak } = loose);
        lead = `No paper has ${orList(phrases.map((p) => quoted(lineWorth(p.trim()))))} word for word; papers with its words`;
      }
    }
    // No paper about all the words together ("llms cheaper to run"): the papers about all but one, saying which.
    if (strong.length === 0 && phrases.length === 0 && !leavingOut && !sidesOf(query)) {
      const fewer = withoutOneWord(catalog.index, query, rank);
      if (fewer) {
        ({ strong, weak } = fewer.found);
        lead = `No paper is about all of ${quoted(shown)}; papers without ${quoted(lineWorth(fewer.left))}`;
      }
    }
    // A word of several no paper writes ("lora merging" where none says LoRA, though some say "low" and "rank"):
    // the papers about the rest, naming it, as a word no paper has in any form is named beside results.
    if (strong.length === 0 && phrases.length === 0 && !leavingOut && !sidesOf(query)) {
      const unwritten = withoutUnwritten(catalog.index, query);
      if (unwritten) {
        const found = rank(unwritten.rest);
        if (found.strong.length > 0) {
          ({ strong, weak } = found);
          lead = `No paper mentions ${orList(unwritten.left.map((w) => quoted(lineWorth(w))))}; papers for ${quoted(lineWorth(unwritten.rest))}`;
        }
      }
    }
    // "moe not survey", "pokemon or starcraft": in lower case the words are searched, which lists the very
    // papers the person may have meant to leave out, or none about both, so the answer says how to ask for that.
    // Not after a verb's helper: "models that do not hallucinate" means what it says.
    const lowerNot = /(?:^|\s)(?<!\b(?:do|does|did|is|are|was|were|can|could|should|will|would|must|may|might)\s)not\s+([^\s"“”-][^\s"“”]*)/.exec(query)?.[1];
    const lowerOr = /\S\s+or\s+\S/.test(query) && !sidesOf(query);
    const notWord = lowerNot ? lineWorth(bareWord(lowerNot)) : "";
    const syntaxNote = notWord ? `; to leave out ${quoted(notWord)}, type -${asTyped(notWord)}` : lowerOr ? "; for papers about either word, type OR in capitals" : "";
    // A plain-word question with too few papers past the floor: its closest matches, said so.
    const plain = phrases.length === 0 && !leavingOut && !sidesOf(query) && lead === `Papers for ${quoted(shown)}`;
    // The words as typed (whitespace apart), and those not only common words: a question's, and a single word's below.
    const chunks = query.trim().split(/\s+/), words = chunks.filter((chunk) => !onlyCommonWords(chunk));
    if (plain && strong.length < QUESTION_MINIMUM && weak > 0 && words.length >= QUESTION_WORDS) {
      // The papers past the floor stay, whatever their place, and the best of the rest join them.
      const listed = new Set(strong.map((hit) => hit.id));
      const closest = catalog.index.search(query.replace(ARXIV_LABEL, " "), { limit: QUESTION_MINIMUM * 2 }).hits;
      const extra = closest.filter((hit) => !listed.has(hit.id)).slice(0, QUESTION_MINIMUM - strong.length);
      weak -= extra.length;
      strong = [...strong, ...extra].sort((a, b) => b.score - a.score);
      lead = `Closest papers for ${quoted(shown)}`;
    }
    const papers = catalog.papers(strong.slice(offset, offset + limit));
    const scores = new Map(strong.slice(offset, offset + limit).map((hit) => [hit.id, hit.score]));
    if (papers.length === 0 && offset === 0 && leavingOut) {
      // Every paper about the rest has what the minus leaves out: say so, not "no match".
      const wanted = withoutExclusions(query), about = rank(wanted).strong.length;
      if (about > 0) {
        const left = orList([...excluded, ...excludedPhrases].slice(0, 3).map((w) => quoted(lineWorth(w.trim()))));
        const whole = about === 1 ? "The one paper" : about === 2 ? "Both papers" : `All ${about} papers`;
        return { visibility: "ephemeral", tone: "info", text: `${whole} about ${quoted(lineWorth(wanted))} ` +
          `${about === 1 ? "has" : "have"} ${left}, which the minus leaves out; search without it to see them.` };
      }
    }
    if (papers.length === 0) {
      // Papers that only touch on the words are not "no match": say how many, so the answer is true. A
      // single word no paper writes ("rag" where none says RAG) is said to be in none, its near matches related.
      // One word however it was asked ("rag", "what is rag"): that word is the one no paper mentions.
      const single = words.length === 1;
      const absent = single && weak > 0 && catalog.index.unwrittenWords(query).length > 0;
      const unwritten = chunks.length === 1 ? shown : lineWorth(bareWord(words[0] ?? ""));
      const mention = absent ? "mention related words" : `only mention ${single ? "it or a related word" : "some of its words"}`;
      // A word of several no paper has is named, as it is beside results ("mcp agents": "mcp").
      const missing = single ? null : missingWordsText(catalog.index, query);
      const passing = weak > 0 ? ` (${weak} ${mention} in passing${missing ? `; no paper mentions ${missing}` : ""})` : "";
      const none = absent ? `No paper mentions ${quoted(unwritten)}` : `No papers ${weak > 0 ? "are about" : "match"} ${quoted(shown)}`;
      return { visibility: "ephemeral", tone: "info", text: offset > 0
        ? `No more papers for ${quoted(shown)}.`
        : `${none}${passing}. ${lowerOr ? `For papers about either, type OR in capitals: ${asTyped(lineWorth(query.trim().replace(/\s+or\s+/g, " OR ")))}` : `Try ${single ? "another word for it" : "fewer or broader words"}`}, or see /papers trending.` };
    }
    const end = offset + papers.length;
    const weakNote = weak > 0 ? `; ${weak} more weak ${weak === 1 ? "match" : "matches"} not listed` : "";
    // A word no paper has in any form: the papers listed match the others only, so say which is missing.
    const missing = missingWordsText(catalog.index, query);
    const missingNote = missing ? `; no paper mentions ${missing}` : "";
    // A word no paper has, read as one a typo away: the papers listed say that word, so name it ("alpha" is
    // not what a paper saying "Alpa" is about, and the person should see which word was searched).
    const readings = typoReadingsText(catalog.index, query);
    const readingNote = readings ? `; ${readings}` : "";
    return {
      visibility: "ephemeral",
      text: `${lead} (${range(offset + 1, end, strong.length)}${weakNote}${missingNote}${readingNote}${syntaxNote}):`,
      // Each with the score it was ranked by here, which a fallback's search (fewer words, the phrase's words) set.
      papers: papers.map((p, i) => toCard(p, { rank: offset + i + 1, score: scores.get(p.id) })),
      actions: ACTIONS,
      ...(end < strong.length ? { more: { command: "search", input: { query, offset: end, limit } } } : {}),
    };
  },
});
