// Papers and trending snapshots. Writes are idempotent: ingesting the same records twice changes nothing,
// and a snapshot is replaced whole or not at all. Two records of one paper (the capture's and the API's)
// merge into the stored one (paper-merge.ts), whose id never changes.
import type { Paper } from "../paper.ts";

export interface UpsertCounts { added: number; updated: number; unchanged: number }
/** `ids`: the stored id of each record in input order; `changedIds`: those added or updated (for the catalog). */
export interface UpsertResult extends UpsertCounts { ids: string[]; changedIds: string[] }
export interface IngestResult extends UpsertResult { snapshotDate: string; snapshotChanged: boolean }

/** A day's trending list, in rank order. */
export type TrendingList = { date: string; ids: string[] } | null;

export interface PaperStore {
  count(): Promise<number>;
  /** Papers only; concurrent writers (replicas, `papers ingest`) queue rather than race. */
  upsert(papers: Paper[], source: string): Promise<UpsertResult>;
  /** Papers plus the day's trending list, in one transaction: a failure leaves the previous snapshot. */
  ingest(date: string, papers: Paper[], source: string): Promise<IngestResult>;
  /** By id or arXiv id. */
  get(id: string): Promise<Paper | null>;
  getMany(ids: string[]): Promise<Paper[]>;
  /** Every paper, by id. */
  all(): Promise<Paper[]>;
  /** Every paper, by id, a page at a time: for reading them all without holding them all. */
  pages(): AsyncIterable<Paper[]>;
  /** Papers written after `since` (another replica's ingest), for keeping an in-memory index current. */
  changedSince(since: Date): Promise<Paper[]>;
  /** The newest snapshot on or before `localDate` (YYYY-MM-DD); the newest of all when none is that old. */
  trending(localDate?: string): Promise<TrendingList>;
}
