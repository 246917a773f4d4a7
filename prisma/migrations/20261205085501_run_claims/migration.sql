-- CreateTable
CREATE TABLE "RunClaim" (
    "runId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "leaseUntil" DATETIME NOT NULL,

    PRIMARY KEY ("runId", "key"),
    CONSTRAINT "RunClaim_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

