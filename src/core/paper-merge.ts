// Two records of one paper (the capture's and the API's, or yesterday's and today's) become one, for
// every store: the richer field wins, and the stored id never changes, so bookmarks and posted messages
// keep pointing at it.
import type { Paper } from "./paper.ts";

/** The stored record with what the incoming one adds. `revision`: both records are the API's (the stored one first came from it too): the later is a revision
 * (a v2 shortens its abstract, corrects its authors), which wins as its title does. Otherwise (the capture's
 * record on either side: a cut abstract, no authors) the richer field wins. */
export function mergePaper(stored: Paper, incoming: Paper, revision = false): Paper {
  const longer = (a: string, b: string) => (b.length > a.length ? b : a);
  return {
    id: stored.id,
    arxivId: stored.arxivId ?? incoming.arxivId,
    title: incoming.arxivId ? incoming.title : stored.title,
    summary: revision && incoming.summary ? incoming.summary : longer(stored.summary, incoming.summary),
    authors: (revision && incoming.authors.length > 0) || incoming.authors.length >= stored.authors.length ? incoming.authors : stored.authors,
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
