-- AlterTable: columns added in place (no table rebuild)
ALTER TABLE "ModelEndpoint" ADD COLUMN "structuredOutput" TEXT NOT NULL DEFAULT 'auto';
ALTER TABLE "ModelEndpoint" ADD COLUMN "contextLength" INTEGER;
ALTER TABLE "ModelEndpoint" ADD COLUMN "modelPath" TEXT;
ALTER TABLE "ModelEndpoint" ADD COLUMN "probeJson" TEXT;
ALTER TABLE "ModelEndpoint" ADD COLUMN "probedAt" DATETIME;
