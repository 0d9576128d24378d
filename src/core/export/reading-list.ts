// A person's bookmarks with their papers, for the list, the exports and recommendations alike.
import type { UserRef } from "../channel.ts";
import type { Paper } from "../paper.ts";
import type { Services } from "../services.ts";

export interface ReadingListItem { paper: Paper; bookmarkedAt: Date; readAt: Date | null; note: string | null }

export async function readingList(services: Pick<Services, "bookmarks" | "catalog" | "papers">, user: UserRef,
  page: { offset?: number; limit?: number } = {}): Promise<{ items: ReadingListItem[]; total: number }> {
  const { entries, total } = await services.bookmarks.list(user, page);
  const items: ReadingListItem[] = [];
  for (const entry of entries) {
    // The catalog may lag another replica's ingest by one sync; the database is the truth.
    const paper = await services.catalog.find(entry.paperId);
    if (paper) items.push({ paper, bookmarkedAt: entry.createdAt, readAt: entry.readAt, note: entry.note });
  }
  return { items, total };
}
