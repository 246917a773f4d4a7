-- CreateTable
CREATE TABLE "DpoPair" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "sampleId" TEXT,
    "language" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "chosen" TEXT NOT NULL,
    "rejected" TEXT NOT NULL,
    "chosenVerdict" TEXT,
    "rejectedVerdict" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DpoPair_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DpoPair_runId_language_idx" ON "DpoPair"("runId", "language");

-- CreateIndex
CREATE INDEX "Sample_runId_id_idx" ON "Sample"("runId", "id");

-- CreateIndex
CREATE INDEX "Sample_runId_score_id_idx" ON "Sample"("runId", "score", "id");

-- CreateIndex
CREATE INDEX "Sample_score_id_idx" ON "Sample"("score", "id");

-- CreateIndex
CREATE INDEX "Sample_language_id_idx" ON "Sample"("language", "id");

-- CreateIndex
CREATE INDEX "Sample_part_id_idx" ON "Sample"("part", "id");

-- CreateIndex
CREATE INDEX "Sample_curation_id_idx" ON "Sample"("curation", "id");

-- CreateIndex
CREATE INDEX "Sample_verdict_id_idx" ON "Sample"("verdict", "id");

-- AddForeignKey
ALTER TABLE "DpoPair" ADD CONSTRAINT "DpoPair_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Full-text search of the samples table (hand-written: Prisma has no model for it).
-- Trigram GIN indexes serve ILIKE '%q%' (any substring of 3+ characters, case-insensitive).
-- pg_trgm is a trusted extension: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Sample_instruction_trgm_idx" ON "Sample" USING GIN ("instruction" gin_trgm_ops);
CREATE INDEX "Sample_solution_trgm_idx" ON "Sample" USING GIN ("solution" gin_trgm_ops);
