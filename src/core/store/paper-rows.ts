// Paper ↔ database row. JSON columns keep the schema identical on SQLite and PostgreSQL.
import type { Paper } from "../paper.ts";
import { titleKey } from "../paper.ts";

export interface PaperRow {
  id: string; arxivId: string | null; titleKey: string; title: string; summary: string;
  authors: string; keywords: string; githubRepo: string | null; publishedAt: Date | null; upvotes: number; source: string;
}

function parseList(json: string): string[] {
  try { const value: unknown = JSON.parse(json); return Array.isArray(value) ? value.map(String) : []; } catch { return []; }
}

export function fromRow(row: Omit<PaperRow, "titleKey" | "source"> & Partial<PaperRow>): Paper {
  return { id: row.id, arxivId: row.arxivId, title: row.title, summary: row.summary, authors: parseList(row.authors),
    keywords: parseList(row.keywords), githubRepo: row.githubRepo, publishedAt: row.publishedAt, upvotes: row.upvotes };
}

export function toRow(paper: Paper, source: string): PaperRow {
  return { id: paper.id, arxivId: paper.arxivId, titleKey: titleKey(paper.title), title: paper.title, summary: paper.summary,
    authors: JSON.stringify(paper.authors), keywords: JSON.stringify(paper.keywords), githubRepo: paper.githubRepo,
    publishedAt: paper.publishedAt, upvotes: paper.upvotes, source };
}

/**
 * Two records of one paper (the capture's and the API's, or yesterday's and today's) become the richer one.
 * The stored id never changes, so bookmarks and posted messages keep pointing at it.
 */
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
  };
}

export function samePaper(a: Paper, b: Paper): boolean {
  return a.arxivId === b.arxivId && a.title === b.title && a.summary === b.summary && a.githubRepo === b.githubRepo
    && a.upvotes === b.upvotes && (a.publishedAt?.getTime() ?? null) === (b.publishedAt?.getTime() ?? null)
    && JSON.stringify(a.authors) === JSON.stringify(b.authors) && JSON.stringify(a.keywords) === JSON.stringify(b.keywords);
}
