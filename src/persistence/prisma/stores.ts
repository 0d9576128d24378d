// Every store over one Prisma client, whichever provider built it.
import { sqltag as sql } from "@prisma/client/runtime/client";
import type { Stores } from "../../core/stores/index.ts";
import type { PrismaDb } from "./client.ts";
import { PrismaBookmarkStore } from "./bookmarks.ts";
import { PrismaDeliveryStore } from "./deliveries.ts";
import { PrismaJobRunStore } from "./job-runs.ts";
import { PrismaPaperStore } from "./papers.ts";
import { PrismaPostedMessageStore } from "./posted-messages.ts";
import { PrismaProcessedEventStore } from "./processed-events.ts";
import { PrismaSubscriptionStore } from "./subscriptions.ts";

export function prismaStores(db: PrismaDb): Stores {
  return {
    papers: new PrismaPaperStore(db),
    bookmarks: new PrismaBookmarkStore(db),
    subscriptions: new PrismaSubscriptionStore(db),
    posted: new PrismaPostedMessageStore(db),
    deliveries: new PrismaDeliveryStore(db),
    events: new PrismaProcessedEventStore(db),
    jobRuns: new PrismaJobRunStore(db),
    database: { ping: async () => { await db.$queryRaw(sql`SELECT 1`); } },
  };
}
