// Two records of one paper (the capture's and the API's, or yesterday's and today's) become one, for
// every store: the richer field wins, and the stored id never changes, so bookmarks and posted messages
// keep pointing at it.
import type { Paper } from "./paper.ts";

/** The stored record with what the incoming one adds. */
export function mergePaper(stored: Paper, incoming: Paper): Paper {
  const longer = (a: string, b: string) => (b.length > a.length ? b : a);
  return {
    id: stored.id,
    arxivId: stored.arxivId ?? incoming.arxivId,
    title: incoming.arxivId ? incoming.title : stored.title,
    summary: longer(stored.summary, incoming.summary),
    authors: incoming.authors.length >= stored.authors.length ? incoming.authors : stored.authors,
    keywords: incoming.keywords.length >= stored.keywords.length ? incoming.keywords : stored.keywords,
    githubRepo: incoming.githubRepo ?? stored.githubRepo,
    publishedAt: incoming.publishedAt ?? stored.publishedAt,
    upvotes: Math.max(stored.upvotes, incoming.upvotes),
    // The newest report wins (stars go down too); a source without them (the capture) keeps what we had.
    aiSummary: incoming.aiSummary ?? stored.aiSummary ?? null,
    githubStars: incoming.githubStars ?? stored.githubStars ?? null,
  };
}

export function samePaper(a: Paper, b: Paper): boolean {
  return a.arxivId === b.arxivId && a.title === b.title && a.summary === b.summary && a.githubRepo === b.githubRepo
    && a.upvotes === b.upvotes && (a.publishedAt?.getTime() ?? null) === (b.publishedAt?.getTime() ?? null)
    && (a.aiSummary ?? null) === (b.aiSummary ?? null) && (a.githubStars ?? null) === (b.githubStars ?? null)
    && JSON.stringify(a.authors) === JSON.stringify(b.authors) && JSON.stringify(a.keywords) === JSON.stringify(b.keywords);
}
