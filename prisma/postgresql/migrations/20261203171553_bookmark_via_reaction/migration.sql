-- AlterTable
ALTER TABLE "Bookmark" ADD COLUMN     "viaReaction" BOOLEAN NOT NULL DEFAULT false;
