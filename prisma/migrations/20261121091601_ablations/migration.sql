-- CreateTable
CREATE TABLE "Ablation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AblationVariant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ablationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "step" TEXT NOT NULL DEFAULT 'dataset',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "message" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "jobId" TEXT,
    "runId" TEXT NOT NULL,
    "exportId" TEXT,
    "dataset" JSONB,
    "sftSamples" INTEGER,
    "dpoPairs" INTEGER,
    "trainingJobId" TEXT,
    "dpoTrainingJobId" TEXT,
    "evaluationId" TEXT,
    "evaluationAttached" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AblationVariant_ablationId_fkey" FOREIGN KEY ("ablationId") REFERENCES "Ablation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Ablation_createdAt_idx" ON "Ablation"("createdAt");

-- CreateIndex
CREATE INDEX "AblationVariant_jobId_idx" ON "AblationVariant"("jobId");

-- CreateIndex
CREATE UNIQUE INDEX "AblationVariant_ablationId_key_key" ON "AblationVariant"("ablationId", "key");

