-- AlterTable
ALTER TABLE "Sample" ADD COLUMN "stubCheck" TEXT;
ALTER TABLE "Sample" ADD COLUMN "stubNote" TEXT;

