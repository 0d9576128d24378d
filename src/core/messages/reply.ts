// What the bot says, with no Slack or Discord shapes in it: a command's answer, a digest message, a
// confirmation. Each adapter renders a Reply itself (adapters/*/render.ts).
import { paperUrl, type Paper } from "../paper.ts";
import type { EmojiName } from "./emoji.ts";
import { DatabaseBusyError } from "../stores/busy.ts";

/** Buttons a paper can carry; the adapter maps each to its platform's button and back. */
export type PaperAction = "bookmark" | "share" | "similar" | "unbookmark" | "markRead" | "notInterested";

/** The emoji each paper action carries where a platform shows one on its button. */
export const ACTION_EMOJI: Readonly<Record<PaperAction, EmojiName>> = {
  bookmark: "bookmark", similar: "search", share: "share", unbookmark: "remove", markRead: "done", notInterested: "mute",
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
  rank?: number;
  readAt?: Date | null;
}

export interface Reply {
  /** "ephemeral": only the asker sees it; "channel": a real message the team can react to. */
  visibility: "ephemeral" | "channel";
  /** The first sentence a person reads (and the notification/fallback text). */
  text: string;
  tone?: "info" | "error";
  papers?: PaperCard[];
  actions?: PaperAction[];
  /** "Show more": the same command again with this input (e.g. the next offset). */
  more?: { command: string; input: Record<string, unknown> };
  file?: { name: string; mime: string; content: string };
}

export function toCard(paper: Paper, extra: Partial<PaperCard> = {}): PaperCard {
  return {
    id: paper.id, arxivId: paper.arxivId, title: paper.title, url: paperUrl(paper), summary: paper.summary,
    authors: paper.authors, upvotes: paper.upvotes,
    githubUrl: paper.githubRepo ? `https://github.com/${paper.githubRepo}` : null, ...extra,
  };
}

export function notice(text: string, visibility: Reply["visibility"] = "ephemeral"): Reply {
  return { visibility, text, tone: "info" };
}

export function errorReply(text: string): Reply {
  return { visibility: "ephemeral", text, tone: "error" };
}

export const DATABASE_BUSY_SENTENCE = "The database is busy with another job right now; please try again in a moment.";

/** What a person is told when their request failed on our side: the database being busy, or an apology with a reference to quote. */
export function failureReply(error: unknown, ref: string): Reply {
  return errorReply(error instanceof DatabaseBusyError ? DATABASE_BUSY_SENTENCE
    : `Sorry, something went wrong on our side (ref ${ref}). Please try again in a moment.`);
}

/** Two lines' worth of an abstract, cut at a word. */
export function shortSummary(summary: string, max = 220): string {
  if (summary.length <= max) return summary;
  const cut = summary.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20)).replace(/[\s,;:.-]+$/, "") + "…";
}
