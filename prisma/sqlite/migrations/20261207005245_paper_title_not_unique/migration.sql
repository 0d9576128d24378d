-- DropIndex
DROP INDEX "Paper_titleKey_key";

-- CreateIndex
CREATE INDEX "Paper_titleKey_idx" ON "Paper"("titleKey");
