-- CreateTable
CREATE TABLE "RunClaim" (
    "runId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RunClaim_pkey" PRIMARY KEY ("runId","key")
);

-- AddForeignKey
ALTER TABLE "RunClaim" ADD CONSTRAINT "RunClaim_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

