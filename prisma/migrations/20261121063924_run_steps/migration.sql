-- AlterTable
ALTER TABLE "Reflection" ADD COLUMN "advice" TEXT;

-- CreateTable
CREATE TABLE "RunStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "output" JSONB,
    "usage" JSONB,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RunStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RunStep_runId_stage_idx" ON "RunStep"("runId", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "RunStep_runId_key_key" ON "RunStep"("runId", "key");

