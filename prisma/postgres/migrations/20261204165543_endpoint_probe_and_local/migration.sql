-- AlterTable
ALTER TABLE "ModelEndpoint" ADD COLUMN     "contextLength" INTEGER,
ADD COLUMN     "modelPath" TEXT,
ADD COLUMN     "probeJson" TEXT,
ADD COLUMN     "probedAt" TIMESTAMP(3),
ADD COLUMN     "structuredOutput" TEXT NOT NULL DEFAULT 'auto';

