// How to do something, said the way this person's client does it: in Slack and Discord a reaction or a
// button, in the terminal (which has neither) the command to type.
import type { Platform } from "../core/channel.ts";
import { quoted } from "../core/messages/typed.ts";
import { searchExample } from "./usage.ts";

/** How to bookmark, in a few words. */
export function howToBookmark(platform: Platform): string {
  return platform === "console" ? "type /papers bookmark <number> after a list" : "react with 🔖 or press Bookmark";
}

export function emptyReadingList(platform: Platform): string {
  return `Your reading list is empty: ${platform === "console" ? "type /papers bookmark <number> after a list, or a paper's id"
    : "react with 🔖 to a paper the bot posted, or press Bookmark on a search result"}.`;
}

/** The way to "more like this" from a search. */
export function howToFindSimilar(platform: Platform): string {
  return platform === "console" ? "search for it with /papers <words>, then /papers similar <number>."
    : `search for it with ${searchExample(platform)}, then press More like this.`;
}

/** Help's last word on bookmarking: by reaction in a chat. The terminal has no reactions, and help's line
 * on numbered lists already says how to bookmark there. */
export function bookmarkingHelp(platform: Platform): string | null {
  return platform === "console" ? null : "React with 🔖 to any paper the bot posted to bookmark it; remove the reaction to remove it.";
}

/** A button or thread on a paper the catalog no longer has (a removed paper, an old message). */
export function paperGone(platform: Platform): string {
  return `That paper is no longer in the catalog; search for it again with ${searchExample(platform)}.`;
}

/**
 * Words that name nothing to look for, and what to type instead: a query, topic or note search that only
 * leaves things out (`leftOut`, query.ts onlyLeftOut: "-survey"), whose example keeps the first exclusion, or
 * a topic of only common words ("the"). `example` types the command with a topic. The caller ends the sentence.
 */
export function nothingToLookFor(typedWords: string, leftOut: string[] | null, example: (topic: string) => string): string {
  const what = leftOut ? "only says what to leave out; add what to look for" : "has no word specific enough for a topic; try a few keywords";
  // The example's topic must not be one the minus empties (every MoE paper says "moe"; "-moe" beside it finds none).
  const left = leftOut?.[0]?.slice(0, 30).toLowerCase();
  const topic = left && /^(moe|mixtures?|of|experts?)$/.test(left) ? "reinforcement learning" : "mixture of experts";
  return `${quoted(typedWords)} ${what}, like ${example(leftOut ? `${topic} -${leftOut[0]!.slice(0, 30)}` : "mixture of experts")}`;
}
