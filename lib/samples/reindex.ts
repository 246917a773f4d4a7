import "server-only";
import { dialectOfDb, type Db } from "@/lib/db/client";

/**
 * Rebuilds the SQLite full-text index of samples from the table (needed after a VACUUM, which
 * may renumber the rowids it is keyed by). PostgreSQL's trigram indexes need no rebuild.
 */
export async function reindexSampleSearch(db: Db): Promise<boolean> {
  if (dialectOfDb(db) !== "sqlite") return false;
  await db.$executeRawUnsafe(`INSERT INTO "SampleSearch"("SampleSearch") VALUES ('rebuild')`);
  return true;
}
