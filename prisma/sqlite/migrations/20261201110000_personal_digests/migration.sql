-- Weekly digests and personal digests (issue 15): a channel may have a daily and a weekly subscription;
-- a person's own digest is a daily row whose channelId is "@" + their user id.
-- Hand-written: adding columns in place keeps the rows and ids (no table rebuild needed on SQLite).
DROP INDEX "Subscription_platform_workspaceId_channelId_key";
ALTER TABLE "Subscription" ADD COLUMN "cadence" TEXT NOT NULL DEFAULT 'daily';
ALTER TABLE "Subscription" ADD COLUMN "weekday" INTEGER;
CREATE UNIQUE INDEX "Subscription_platform_workspaceId_channelId_cadence_key" ON "Subscription"("platform", "workspaceId", "channelId", "cadence");

-- "Not interested": per person, per paper.
CREATE TABLE "NotInterested" (
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "paperId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("platform", "workspaceId", "userId", "paperId"),
    CONSTRAINT "NotInterested_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "NotInterested_platform_workspaceId_userId_createdAt_idx" ON "NotInterested"("platform", "workspaceId", "userId", "createdAt");
