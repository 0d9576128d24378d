// What the bot says, with no Slack or Discord shapes in it: a command's answer, a digest message, a
// confirmation. Each adapter renders a Reply itself (adapters/*/render.ts).
import { paperUrl, type Paper } from "../paper.ts";
import type { EmojiName } from "./emoji.ts";
import { DatabaseBusyError, DatabaseUnreachableError, DatabaseUnwritableError } from "../stores/busy.ts";

/** Buttons a paper can carry; the adapter maps each to its platform's button and back. */
export type PaperAction = "bookmark" | "share" | "similar" | "unbookmark" | "markRead" | "discuss" | "notInterested";

/** The emoji each paper action carries where a platform shows one on its button. */
export const ACTION_EMOJI: Readonly<Record<PaperAction, EmojiName>> = {
  bookmark: "bookmark", similar: "search", share: "share", unbookmark: "remove", markRead: "done",
  discuss: "discuss", notInterested: "mute",
};

export interface PaperCard {
  id: string;
  arxivId: string | null;
  title: string;
  url: string;
  summary: string;
  authors: string[];
  upvotes: number;
  githubUrl: string | null;
  /** Richer-card extras (card-extras.ts), when the source gave them. */
  aiSummary?: string | null;
  githubStars?: number | null;
  rank?: number;
  /** Shown in full (the paper command): the whole abstract and more authors, not a list's two lines. */
  full?: boolean;
  readAt?: Date | null;
  /** The person's own note on a bookmarked paper (their reading list only). */
  note?: string | null;
  /** Why a recommendation is there, for the person it is for ("like “X”, which you saved"). */
  reason?: string | null;
  /** The relevance score of the search that listed it, by which the list is ordered (the command line's --json prints it). */
  score?: number;
}

export interface Reply {
  /** "ephemeral": only the asker sees it; "channel": a real message the team can react to. */
  visibility: "ephemeral" | "channel";
  /** The first sentence a person reads (and the notification/fallback text). */
  text: string;
  tone?: "info" | "error";
  /** A refusal's reason (its UserError code, "unknown_paper"), for a caller that acts on it: the CLI's exit status. */
  errorCode?: string;
  papers?: PaperCard[];
  actions?: PaperAction[];
  /** "Show more": the same command again with this input (e.g. the next offset). */
  more?: { command: string; input: Record<string, unknown> };
  file?: { name: string; mime: string; content: string };
  /** User ids `text` names with channel.ts personMention (the bot's own words, never quoted text): the
   * renderer keeps these as mentions while it escapes any other a quoted title may spell. */
  mentions?: string[];
}

/** Whether a reply's text only repeats its one card's title (a digest paper's notification text): a
 * client that shows the card beside the text need not say the title twice. */
export function textRepeatsCard(reply: Reply): boolean {
  return reply.papers?.length === 1 && reply.text === reply.papers[0]!.title;
}

export function toCard(paper: Paper, extra: Partial<PaperCard> = {}): PaperCard {
  return {
    id: paper.id, arxivId: paper.arxivId, title: paper.title, url: paperUrl(paper), summary: paper.summary,
    authors: paper.authors, upvotes: paper.upvotes,
    githubUrl: paper.githubRepo ? `https://github.com/${paper.githubRepo}` : null,
    aiSummary: paper.aiSummary ?? null, githubStars: paper.githubStars ?? null, ...extra,
  };
}

/** What a card shows as the paper's id, and what commands accept back (command-kit/paper-ref.ts): the
 * arXiv id, or for a paper without one the start of its title-derived id. */
export function shortId(card: Pick<PaperCard, "id" | "arxivId">): string {
  if (card.arxivId) return card.arxivId;
  return card.id.startsWith("t-") ? card.id.slice(0, SHORT_ID_LENGTH) : card.id;
}
export const SHORT_ID_LENGTH = 8; // "t-" and six hex digits: unique among a million papers with ~3% odds of a clash, resolved by asking for more

export function notice(text: string, visibility: Reply["visibility"] = "ephemeral"): Reply {
  return { visibility, text, tone: "info" };
}

export function errorReply(text: string): Reply {
  return { visibility: "ephemeral", text, tone: "error" };
}

export const DATABASE_BUSY_SENTENCE = "The database is busy with another job right now; please try again in a moment.";

export const DATABASE_UNREACHABLE_SENTENCE = "The database cannot be reached right now; please try again in a moment.";

export const DATABASE_UNWRITABLE_SENTENCE = "That could not be saved: the bot's database is refusing changes (its disk is full or it is read-only). "
  + "Please tell whoever runs the bot; searching still works.";

/** What a person is told when their request failed on our side: the database being busy, out of reach or
 * refusing writes, or an apology with a reference to quote. */
export function failureReply(error: unknown, ref: string): Reply {
  if (error instanceof DatabaseUnreachableError) return errorReply(DATABASE_UNREACHABLE_SENTENCE);
  if (error instanceof DatabaseUnwritableError) return errorReply(DATABASE_UNWRITABLE_SENTENCE);
  return errorReply(error instanceof DatabaseBusyError ? DATABASE_BUSY_SENTENCE
    : `Sorry, something went wrong on our side (ref ${ref}). Please try again in a moment.`);
}

/** "1–5 of 16", or "16 of 16" for a page of one: a list's place, as its header says it. */
export function range(first: number, last: number, total?: number): string {
  const span = first === last ? `${first}` : `${first}–${last}`;
  return total === undefined ? span : `${span} of ${total}`;
}

/** Two lines' worth of an abstract, cut at a word. */
export function shortSummary(summary: string, max = 220): string {
  return cutAtWord(summary, max);
}

/** `text` in about `max` characters: whole, or cut at a word (mid-word only past 20 letters) with "…". */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20)).replace(/[\s,;:.-]+$/, "") + "…";
}
