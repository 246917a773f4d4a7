import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, prepareConnection, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { env } from "@/lib/env";

export interface TestDb {
  db: Db;
  url: string;
  dialect: "sqlite" | "postgresql";
  cleanup(): Promise<void>;
}

/**
 * A real, freshly migrated database for one test file: a temporary SQLite file, or, when
 * XI_TEST_PG_URL points at a (throwaway) PostgreSQL cluster, a new database in it.
 */
export async function createTestDb(): Promise<TestDb> {
  const pgUrl = env().XI_TEST_PG_URL;
  if (pgUrl) {
    const name = `xi_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = pgUrl.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
    await migrate(url);
    const db = createDb(url);
    return {
      db, url, dialect: "postgresql",
      async cleanup() {
        await db.$disconnect();
        const c = new pg.Client({ connectionString: pgUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "xi-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  await migrate(url);
  const db = createDb(url);
  await prepareConnection(db, url);
  return {
    db, url, dialect: "sqlite",
    async cleanup() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
