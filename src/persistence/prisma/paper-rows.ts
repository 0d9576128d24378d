// Paper ↔ database row. JSON columns keep the schema identical on SQLite and PostgreSQL.
import { titleKey, withoutControls, type Paper } from "../../core/paper.ts";
import type { PaperRow } from "./client.ts";

function parseList(json: string): string[] {
  try { const value: unknown = JSON.parse(json); return Array.isArray(value) ? value.map(String) : []; } catch { return []; }
}

export function fromRow(row: Omit<PaperRow, "titleKey" | "source"> & Partial<PaperRow>): Paper {
  return { id: row.id, arxivId: row.arxivId, title: row.title, summary: row.summary, authors: parseList(row.authors),
    keywords: parseList(row.keywords), githubRepo: row.githubRepo, publishedAt: row.publishedAt, upvotes: row.upvotes,
    aiSummary: row.aiSummary ?? null, githubStars: row.githubStars ?? null };
}

/** A row PostgreSQL takes whatever a source let through: its text columns refuse a NUL, and one would fail
 * the whole batch (the sources drop control characters too; this is the last guard). */
export function toRow(paper: Paper, source: string): PaperRow {
  const text = withoutControls;
  return { id: paper.id, arxivId: paper.arxivId, titleKey: titleKey(paper.title), title: text(paper.title), summary: text(paper.summary),
    authors: JSON.stringify(paper.authors.map(text)), keywords: JSON.stringify(paper.keywords.map(text)), githubRepo: paper.githubRepo,
    publishedAt: paper.publishedAt, upvotes: paper.upvotes, aiSummary: paper.aiSummary ? text(paper.aiSummary) : null,
    githubStars: paper.githubStars ?? null, source };
}

/** Authors and keywords recur across papers: this keeps one string each instead of one per paper (for reading them all). */
export function sharingStrings(): (paper: Paper) => Paper {
  const shared = new Map<string, string>();
  const one = (s: string) => { const known = shared.get(s); if (known !== undefined) return known; shared.set(s, s); return s; };
  return (paper) => {
    paper.authors = paper.authors.map(one);
    paper.keywords = paper.keywords.map(one);
    return paper;
  };
}
