-- AlterTable
ALTER TABLE "Corpus" ADD COLUMN     "error" TEXT,
ADD COLUMN     "jobId" TEXT,
ADD COLUMN     "options" JSONB;

-- AlterTable
ALTER TABLE "CorpusFile" ADD COLUMN     "languageSource" TEXT;

-- AlterTable
ALTER TABLE "Snippet" ADD COLUMN     "endLine" INTEGER;

