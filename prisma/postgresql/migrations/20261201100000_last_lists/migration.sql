-- CreateTable
CREATE TABLE "LastList" (
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "paperIds" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LastList_pkey" PRIMARY KEY ("platform","workspaceId","channelId","userId")
);
