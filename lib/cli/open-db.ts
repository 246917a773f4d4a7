import "server-only";
import { createDb, prepareConnection, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { env } from "@/lib/env";

/** The CLI's database: migrated on first use so that any command works on a fresh checkout. */
export async function openDb(): Promise<Db> {
  const { databaseUrl } = env();
  await migrate(databaseUrl);
  const db = createDb(databaseUrl);
  await prepareConnection(db, databaseUrl);
  return db;
}
