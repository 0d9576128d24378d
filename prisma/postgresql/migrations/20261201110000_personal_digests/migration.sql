-- Weekly digests, personal digests and "not interested" (issue 15).
-- DropIndex
DROP INDEX "Subscription_platform_workspaceId_channelId_key";

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "cadence" TEXT NOT NULL DEFAULT 'daily',
ADD COLUMN     "weekday" INTEGER;

-- CreateTable
CREATE TABLE "NotInterested" (
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "paperId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotInterested_pkey" PRIMARY KEY ("platform","workspaceId","userId","paperId")
);

-- CreateIndex
CREATE INDEX "NotInterested_platform_workspaceId_userId_createdAt_idx" ON "NotInterested"("platform", "workspaceId", "userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_platform_workspaceId_channelId_cadence_key" ON "Subscription"("platform", "workspaceId", "channelId", "cadence");

-- AddForeignKey
ALTER TABLE "NotInterested" ADD CONSTRAINT "NotInterested_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;
