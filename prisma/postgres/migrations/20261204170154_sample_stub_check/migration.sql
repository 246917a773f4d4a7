-- AlterTable
ALTER TABLE "Sample" ADD COLUMN     "stubCheck" TEXT,
ADD COLUMN     "stubNote" TEXT;

