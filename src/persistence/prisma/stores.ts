// Every store over one Prisma client, whichever provider built it.
import { sqltag as sql } from "@prisma/client/runtime/client";
import type { Stores } from "../../core/stores/index.ts";
import { reportingBusy as busy } from "../busy.ts";
import type { PrismaDb } from "./client.ts";
import type { Dialect } from "./ledger-sql.ts";
import { PrismaBookmarkStore } from "./bookmarks.ts";
import { PrismaDeliveryStore } from "./deliveries.ts";
import { PrismaDiscussionStore } from "./discussions.ts";
import { PrismaJobRunStore } from "./job-runs.ts";
import { PrismaLastListStore } from "./last-lists.ts";
import { PrismaNotInterestedStore } from "./not-interested.ts";
import { PrismaPaperStore } from "./papers.ts";
import { PrismaPostedMessageStore } from "./posted-messages.ts";
import { PrismaProcessedEventStore } from "./processed-events.ts";
import { PrismaSubscriptionStore } from "./subscriptions.ts";

/** Each store reports a database held locked by another process as core's DatabaseBusyError (../busy.ts). */
export function prismaStores(db: PrismaDb, dialect: Dialect, options: { timeoutMeans?: string } = {}): Stores {
  const reportingBusy = <T extends object>(store: T) => busy(store, options.timeoutMeans);
  return {
    papers: reportingBusy(new PrismaPaperStore(db)),
    bookmarks: reportingBusy(new PrismaBookmarkStore(db)),
    subscriptions: reportingBusy(new PrismaSubscriptionStore(db)),
    posted: reportingBusy(new PrismaPostedMessageStore(db)),
    deliveries: reportingBusy(new PrismaDeliveryStore(db, dialect)),
    notInterested: reportingBusy(new PrismaNotInterestedStore(db)),
    events: reportingBusy(new PrismaProcessedEventStore(db)),
    jobRuns: reportingBusy(new PrismaJobRunStore(db)),
    lastLists: reportingBusy(new PrismaLastListStore(db)),
    discussions: reportingBusy(new PrismaDiscussionStore(db, dialect)),
    database: { ping: async () => { await db.$queryRaw(sql`SELECT 1`); } },
  };
}
