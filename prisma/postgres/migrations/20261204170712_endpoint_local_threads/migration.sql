-- AlterTable
ALTER TABLE "ModelEndpoint" ADD COLUMN     "threads" INTEGER;

