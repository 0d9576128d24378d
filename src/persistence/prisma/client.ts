// What the stores need of a Prisma client, and nothing more: each call the stores make, with the rows it
// returns. Both generated clients (src/generated/sqlite, src/generated/postgresql) satisfy it, and the
// compiler checks that where each provider builds its own client (sqlite/open.ts, postgresql/open.ts):
// no cast, no shared client type. The store code is written once against this interface.
//
// Why not one of the generated types: the two clients are separate type trees (PostgreSQL's filters have
// `mode`, the relation selects refer to their own namespace), so neither is assignable to the other,
// while each is assignable to this. One signature per method on purpose: TypeScript cannot match
// Prisma's generic methods against overloads. A store that needs a new query adds its signature here.
import type { Sql } from "@prisma/client/runtime/client";

type In<T> = T | { in: T[] };
interface Count { count: number }

export interface ChannelKey { platform: string; workspaceId: string; channelId: string }
interface UserKey { platform: string; workspaceId: string; userId: string }
interface DayKey extends ChannelKey { localDate: string }

export interface PaperRow {
  id: string; arxivId: string | null; titleKey: string; title: string; summary: string; authors: string; keywords: string;
  githubRepo: string | null; publishedAt: Date | null; upvotes: number; aiSummary: string | null; githubStars: number | null; source: string;
}
type PaperData = Omit<PaperRow, "id" | "source">;
interface PaperWhere { id?: In<string> | { gt: string }; titleKey?: { in: string[] }; arxivId?: In<string>; updatedAt?: { gt: Date }; OR?: PaperWhere[] }

interface PaperDelegate {
  count(): PromiseLike<number>;
  findMany(args: { where?: PaperWhere; orderBy?: { id: "asc" }; take?: number }): PromiseLike<PaperRow[]>;
  findFirst(args: { where: PaperWhere }): PromiseLike<PaperRow | null>;
  update(args: { where: { id: string }; data: PaperData }): PromiseLike<unknown>;
  createMany(args: { data: PaperRow[] }): PromiseLike<Count>;
}

interface SnapshotDelegate {
  findFirst(args: { where?: { date: { lte: string } }; orderBy: { date: "desc" } }): PromiseLike<{ date: string } | null>;
  deleteMany(args: { where: { date: string } }): PromiseLike<Count>;
  create(args: { data: { date: string; source: string } }): PromiseLike<unknown>;
}

interface SnapshotEntryDelegate {
  findMany(args: { where: { date: string }; orderBy: { rank: "asc" }; select: { paperId: true } }): PromiseLike<{ paperId: string }[]>;
  createMany(args: { data: { date: string; rank: number; paperId: string }[] }): PromiseLike<Count>;
}

interface SubscriptionKey extends ChannelKey { cadence: string }
export interface SubscriptionRow extends ChannelKey {
  id: number; localTime: string; timeZone: string; topic: string | null; size: number; ranking: string; cadence: string; weekday: number | null;
  pausedReason: string | null; createdBy: string; createdAt: Date; updatedAt: Date;
}
interface SubscriptionData { localTime: string; timeZone: string; topic: string | null; size: number; ranking: string; weekday: number | null; createdBy: string }

interface SubscriptionDelegate {
  upsert(args: { where: { platform_workspaceId_channelId_cadence: SubscriptionKey }; create: SubscriptionKey & SubscriptionData;
    update: SubscriptionData & { pausedReason: null } }): PromiseLike<SubscriptionRow>;
  deleteMany(args: { where: SubscriptionKey }): PromiseLike<Count>;
  findUnique(args: { where: { platform_workspaceId_channelId_cadence: SubscriptionKey } }): PromiseLike<SubscriptionRow | null>;
  findMany(args: { where?: { platform: string; workspaceId: string }; orderBy: { channelId: "asc" } | { id: "asc" } }): PromiseLike<SubscriptionRow[]>;
  updateMany(args: { where: ChannelKey & { cadence?: string; pausedReason?: { not: null } }; data: { pausedReason: string | null } }): PromiseLike<Count>;
}

export interface DeliveryRow extends DayKey { id: number; status: string; claimedBy: string; leaseUntil: Date; late: boolean; createdAt: Date }
interface DeliveryWhere { id: number; status?: string; claimedBy?: string }
interface DeliveryUpdate { status?: string; claimedBy?: string; leaseUntil?: Date; finishedAt?: Date; error?: string | null }

interface DeliveryDelegate {
  findMany(args: { where: Partial<Omit<DayKey, "localDate">> & { localDate: { in: string[] }; status?: { in: string[] } } }): PromiseLike<DeliveryRow[]>;
  create(args: { data: DayKey & { status: string; claimedBy: string; leaseUntil: Date; finishedAt: Date } }): PromiseLike<unknown>;
  updateMany(args: { where: DeliveryWhere; data: DeliveryUpdate }): PromiseLike<Count>;
  deleteMany(args: { where: DayKey & { status: string; items?: { none: { status: string } } } }): PromiseLike<Count>;
}

export interface DeliveryItemRow { deliveryId: number; position: number; kind: string; paperId: string | null; status: string; messageId: string | null }

interface DeliveryItemDelegate {
  findMany(args: { where: { deliveryId: number }; orderBy: { position: "asc" } }): PromiseLike<DeliveryItemRow[]>;
  updateMany(args: { where: { deliveryId: number; position: { in: number[] }; status: string; delivery: { claimedBy: string; status: string } };
    data: { status: string } }): PromiseLike<Count>;
}

interface PostedKey extends ChannelKey { messageId: string }
export interface PostedRow extends PostedKey { paperId: string; kind: string; postedAt: Date }
interface PostedWhere { platform?: string; workspaceId?: string; channelId?: string; postedAt?: { gte: Date }; OR?: ChannelKey[]; kind?: { not: string } }

interface PostedMessageDelegate {
  upsert(args: { where: { platform_workspaceId_channelId_messageId: PostedKey }; create: PostedKey & { paperId: string; kind: string; postedAt?: Date };
    update: Record<string, never> }): PromiseLike<unknown>;
  findUnique(args: { where: { platform_workspaceId_channelId_messageId: PostedKey } }): PromiseLike<PostedRow | null>;
  findMany(args: { where: PostedWhere; orderBy?: { postedAt: "desc" }; take?: number }): PromiseLike<PostedRow[]>;
}

interface BookmarkKey extends UserKey { paperId: string }
export interface BookmarkRow extends BookmarkKey { createdAt: Date; readAt: Date | null; note: string | null; viaReaction: boolean }
interface BookmarkWhere { platform: string; workspaceId: string; userId?: In<string>; paperId?: In<string>; readAt?: null }

interface BookmarkDelegate {
  create(args: { data: BookmarkKey & { viaReaction: boolean } }): PromiseLike<unknown>;
  deleteMany(args: { where: BookmarkKey & { viaReaction?: true; note?: null; readAt?: null } }): PromiseLike<Count>;
  updateMany(args: { where: BookmarkKey & { readAt?: null | { not: null } }; data: { readAt: Date | null } | { note: string | null } | { viaReaction: false } }): PromiseLike<Count>;
  findUnique(args: { where: { platform_workspaceId_userId_paperId: BookmarkKey } }): PromiseLike<BookmarkRow | null>;
  findMany(args: { where: BookmarkWhere; orderBy?: ({ createdAt: "desc" } | { paperId: "asc" })[]; skip?: number; take?: number;
    distinct?: "userId"[] }): PromiseLike<BookmarkRow[]>;
  count(args: { where: BookmarkWhere }): PromiseLike<number>;
  findFirst(args: { where: { platform: string; userId: string; workspaceId: { not: string } }; orderBy: { createdAt: "desc" }[] }): PromiseLike<BookmarkRow | null>;
}

interface LastListKey { platform: string; workspaceId: string; channelId: string; userId: string }
interface LastListDelegate {
  findFirst(args: { where: { platform: string; userId: string; workspaceId: { not: string } }; orderBy: { updatedAt: "desc" }[] }):
    PromiseLike<(LastListKey & { updatedAt: Date }) | null>;
  upsert(args: { where: { platform_workspaceId_channelId_userId: LastListKey }; create: LastListKey & { paperIds: string };
    update: { paperIds: string } }): PromiseLike<unknown>;
  findMany(args: { where: { OR: (Omit<LastListKey, "userId"> & { userId: { in: string[] } })[] }; orderBy: { updatedAt: "desc" }[]; take: number }):
    PromiseLike<{ paperIds: string }[]>;
}

interface DiscussKey extends PostedKey {}
export interface DiscussThreadRow extends DiscussKey { paperId: string; requestedBy: string; status: string; threadId: string | null; claimedAt: Date; openedAt: Date | null }

interface DiscussThreadDelegate {
  create(args: { data: DiscussKey & { paperId: string; requestedBy: string; status: string; claimedAt: Date } }): PromiseLike<unknown>;
  findUnique(args: { where: { platform_workspaceId_channelId_messageId: DiscussKey } }): PromiseLike<DiscussThreadRow | null>;
  updateMany(args: { where: DiscussKey & { status?: string; claimedAt?: { lt: Date }; threadId?: string };
    data: { claimedAt: Date; requestedBy: string } | { status: string; threadId: string; openedAt: Date }
      | { status: string; threadId: null; claimedAt: Date; requestedBy: string } }): PromiseLike<Count>;
  deleteMany(args: { where: DiscussKey & { status: string } }): PromiseLike<Count>;
}

interface NotInterestedKey extends UserKey { paperId: string }
interface NotInterestedWhere { platform: string; workspaceId: string; userId?: In<string>; paperId?: In<string> }

interface NotInterestedDelegate {
  create(args: { data: NotInterestedKey }): PromiseLike<unknown>;
  deleteMany(args: { where: NotInterestedKey }): PromiseLike<Count>;
  findMany(args: { where: NotInterestedWhere; orderBy: ({ createdAt: "desc" } | { paperId: "asc" })[]; take?: number }): PromiseLike<NotInterestedKey[]>;
}

interface CitationKeyRow { platform: string; workspaceId: string; userId: string; paperId: string; key: string }
interface CitationKeyDelegate {
  create(args: { data: CitationKeyRow }): PromiseLike<unknown>;
  findMany(args: { where: { platform: string; workspaceId: string; userId: string } }): PromiseLike<CitationKeyRow[]>;
}

interface ProcessedEventDelegate {
  create(args: { data: { platform: string; eventId: string } }): PromiseLike<unknown>;
  deleteMany(args: { where: { platform: string; eventId: string } | { receivedAt: { lt: Date } } }): PromiseLike<Count>;
}

export interface JobRunRow { name: string; lastSuccessAt: Date | null; lastFailureAt: Date | null; lastError: string | null }
type JobRunData = { lastSuccessAt: Date } | { lastFailureAt: Date; lastError: string };

interface JobRunDelegate {
  upsert(args: { where: { name: string }; create: { name: string } & JobRunData; update: JobRunData }): PromiseLike<unknown>;
  update(args: { where: { name: string }; data: JobRunData }): PromiseLike<unknown>;
  findMany(args: { where: { name: { in: string[] } } }): PromiseLike<JobRunRow[]>;
}

/** A client inside an interactive transaction: the models and raw statements, no transaction of its own. */
export interface PrismaTx {
  paper: PaperDelegate;
  snapshot: SnapshotDelegate;
  snapshotEntry: SnapshotEntryDelegate;
  subscription: SubscriptionDelegate;
  delivery: DeliveryDelegate;
  deliveryItem: DeliveryItemDelegate;
  postedMessage: PostedMessageDelegate;
  bookmark: BookmarkDelegate;
  discussThread: DiscussThreadDelegate;
  notInterested: NotInterestedDelegate;
  citationKey: CitationKeyDelegate;
  processedEvent: ProcessedEventDelegate;
  jobRun: JobRunDelegate;
  lastList: LastListDelegate;
  /** Bound parameters only (a Sql built with sqltag), never spliced text. */
  $queryRaw<T>(query: Sql): PromiseLike<T>;
  $executeRaw(query: Sql): PromiseLike<number>;
  /** Fixed statements with no parameters (a pragma, the paper-writes lock). */
  $executeRawUnsafe(query: string): PromiseLike<number>;
}

interface InteractiveTransactions {
  $transaction<R>(fn: (tx: PrismaTx) => Promise<R>, options?: { timeout?: number }): Promise<R>;
  $disconnect(): Promise<void>;
}

/** Prisma's batch form: statements built (not yet run) by this client, run in one transaction in order. */
interface BatchTransactions {
  $transaction(statements: PromiseLike<unknown>[]): Promise<unknown[]>;
}

// An intersection, because Prisma declares both transaction forms as overloads of one method, which a
// single interface could only mirror as overloads (see above); each half is checked on its own.
export type PrismaDb = PrismaTx & InteractiveTransactions & BatchTransactions;

/** The unique-key violation: a row that is already there. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}
