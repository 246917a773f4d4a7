-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "error" TEXT,
ADD COLUMN     "jobId" TEXT,
ADD COLUMN     "progress" JSONB,
ADD COLUMN     "source" TEXT;

-- AlterTable
ALTER TABLE "EvalResult" ADD COLUMN     "compileOutput" TEXT,
ADD COLUMN     "durationMs" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "exitCode" INTEGER,
ADD COLUMN     "generation" TEXT,
ADD COLUMN     "passed" BOOLEAN NOT NULL DEFAULT false;

