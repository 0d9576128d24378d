-- AlterTable
ALTER TABLE "Bookmark" ADD COLUMN     "note" TEXT;

-- AlterTable
ALTER TABLE "Paper" ADD COLUMN     "aiSummary" TEXT,
ADD COLUMN     "githubStars" INTEGER;

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
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedAt" TIMESTAMP(3),

    CONSTRAINT "DiscussThread_pkey" PRIMARY KEY ("platform","workspaceId","channelId","messageId")
);
