-- CreateTable
CREATE TABLE "Ablation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Ablation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AblationVariant" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AblationVariant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Ablation_createdAt_idx" ON "Ablation"("createdAt");

-- CreateIndex
CREATE INDEX "AblationVariant_jobId_idx" ON "AblationVariant"("jobId");

-- CreateIndex
CREATE UNIQUE INDEX "AblationVariant_ablationId_key_key" ON "AblationVariant"("ablationId", "key");

-- AddForeignKey
ALTER TABLE "AblationVariant" ADD CONSTRAINT "AblationVariant_ablationId_fkey" FOREIGN KEY ("ablationId") REFERENCES "Ablation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

