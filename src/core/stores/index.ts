// Everything the bot keeps in its database, each behind a small interface. src/persistence implements
// them (Prisma, on SQLite or PostgreSQL); nothing else sees a database client.
import type { BookmarkStore } from "./bookmarks.ts";
import type { DeliveryStore } from "./deliveries.ts";
import type { DiscussionStore } from "./discussions.ts";
import type { JobRunStore } from "./job-runs.ts";
import type { LastListStore } from "./last-lists.ts";
import type { NotInterestedStore } from "./not-interested.ts";
import type { PaperStore } from "./papers.ts";
import type { PostedMessageStore } from "./posted-messages.ts";
import type { ProcessedEventStore } from "./processed-events.ts";
import type { SubscriptionStore } from "./subscriptions.ts";

export interface Stores {
  papers: PaperStore;
  bookmarks: BookmarkStore;
  subscriptions: SubscriptionStore;
  posted: PostedMessageStore;
  deliveries: DeliveryStore;
  notInterested: NotInterestedStore;
  events: ProcessedEventStore;
  jobRuns: JobRunStore;
  lastLists: LastListStore;
  discussions: DiscussionStore;
  /** Answers when the database does (for /healthz); throws when it does not. `now`: the server's own clock,
   * where the database has one apart from this process (PostgreSQL), which every replica shares. */
  database: { ping(): Promise<void>; now?(): Promise<Date> };
}
