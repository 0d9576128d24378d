-- CreateTable
CREATE TABLE "CitationKey" (
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "paperId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("platform", "workspaceId", "userId", "paperId")
);

-- CreateIndex
CREATE UNIQUE INDEX "CitationKey_platform_workspaceId_userId_key_key" ON "CitationKey"("platform", "workspaceId", "userId", "key");
