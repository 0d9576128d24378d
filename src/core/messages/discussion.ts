// The first message of a discussion thread (issue 15, item 3): which paper, its abstract and links, and
// who asked. Platform-neutral; adapters/*/render-discussion.ts lay it out (each platform has its own
// way of naming a person), and ChatTransport.startThread posts it.
import type { Paper } from "../paper.ts";
import { toCard, type PaperCard } from "./reply.ts";

export interface DiscussionStarter {
  paper: PaperCard;
  /** The person who pressed Discuss, as the platform knows them (a user id to mention). */
  askedBy: string;
  /** A thread's name where the platform shows one (Discord: 1–100 characters). */
  threadName: string;
}

export function discussionStarter(paper: Paper, askedBy: string): DiscussionStarter {
  const name = `💬 ${paper.title.replace(/\s+/g, " ").trim()}`;
  return { paper: toCard(paper), askedBy, threadName: name.length <= 100 ? name : name.slice(0, 99) + "…" };
}
