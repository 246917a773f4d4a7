-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN "error" TEXT;
ALTER TABLE "Evaluation" ADD COLUMN "jobId" TEXT;
ALTER TABLE "Evaluation" ADD COLUMN "progress" JSONB;
ALTER TABLE "Evaluation" ADD COLUMN "source" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EvalResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evaluationId" TEXT NOT NULL,
    "benchmark" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "sampleIndex" INTEGER NOT NULL DEFAULT 0,
    "generation" TEXT,
    "completion" TEXT NOT NULL,
    "program" TEXT,
    "status" TEXT NOT NULL,
    "passed" BOOLEAN NOT NULL DEFAULT false,
    "exitCode" INTEGER,
    "stdout" TEXT,
    "stderr" TEXT,
    "compileOutput" TEXT,
    "durationMs" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "EvalResult_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_EvalResult" ("benchmark", "completion", "evaluationId", "id", "language", "problem", "program", "sampleIndex", "status", "stderr", "stdout") SELECT "benchmark", "completion", "evaluationId", "id", "language", "problem", "program", "sampleIndex", "status", "stderr", "stdout" FROM "EvalResult";
DROP TABLE "EvalResult";
ALTER TABLE "new_EvalResult" RENAME TO "EvalResult";
CREATE INDEX "EvalResult_evaluationId_language_idx" ON "EvalResult"("evaluationId", "language");
CREATE UNIQUE INDEX "EvalResult_evaluationId_benchmark_language_problem_sampleIndex_key" ON "EvalResult"("evaluationId", "benchmark", "language", "problem", "sampleIndex");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

