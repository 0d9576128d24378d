-- AlterTable
ALTER TABLE "Bookmark" ADD COLUMN "note" TEXT;

-- AlterTable
ALTER TABLE "Paper" ADD COLUMN "aiSummary" TEXT;
ALTER TABLE "Paper" ADD COLUMN "githubStars" INTEGER;

-- CreateTable
CREATE TABLE "DiscussThread" (
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "paperId" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "threadId" TEXT,
    "claimedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedAt" DATETIME,

    PRIMARY KEY ("platform", "workspaceId", "channelId", "messageId")
);
