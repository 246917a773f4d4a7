import "server-only";
import type { Db } from "@/lib/db/client";
import { dialectFor } from "./sql";

/**
 * Rebuilds the SQLite full-text index of samples from the table (needed after a VACUUM, which
 * may renumber the rowids it is keyed by). PostgreSQL's trigram indexes need no rebuild.
 */
export async function reindexSampleSearch(db: Db): Promise<boolean> {
  if (dialectFor(db) !== "sqlite") return false;
  await db.$executeRawUnsafe(`INSERT INTO "SampleSearch"("SampleSearch") VALUES ('rebuild')`);
  return true;
}
