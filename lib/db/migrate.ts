import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { AppError } from "@/lib/errors";

/**
 * Applies prisma/migrations/<name>/migration.sql (or prisma/postgres/migrations for
 * PostgreSQL) in order, recording each in Prisma's own `_prisma_migrations` table so the
 * history stays compatible with `prisma migrate`. We run the SQL ourselves because the
 * Prisma 7 CLI needs a schema-engine binary that is downloaded at run time, and this
 * product must migrate a fresh offline machine.
 */
export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

const TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsDir(dialect: "sqlite" | "postgresql", root = process.cwd()): string {
  return path.join(root, dialect === "sqlite" ? "prisma/migrations" : "prisma/postgres/migrations");
}

function loadMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new AppError("invalid:config", `No migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function checkHistory(all: Migration[], applied: Map<string, string>): Migration[] {
  for (const [name, checksum] of applied) {
    const m = all.find((x) => x.name === name);
    if (m && m.checksum !== checksum) {
      throw new AppError("conflict:migration", `Migration ${name} was edited after it was applied to this database.`);
    }
  }
  return all.filter((m) => !applied.has(m.name));
}

export async function migrate(databaseUrl: string, root = process.cwd()): Promise<MigrationResult> {
  return databaseUrl.startsWith("file:") ? migrateSqlite(databaseUrl, root) : migratePostgres(databaseUrl, root);
}

function migrateSqlite(url: string, root: string): MigrationResult {
  const file = url.slice("file:".length);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: 30_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.exec(TABLE);
    const all = loadMigrations(migrationsDir("sqlite", root));
    // Prisma's SQLite migrations rebuild a table by copying it, dropping the old one and
    // renaming the copy. With foreign keys on, that DROP cascades into every child table, and
    // `PRAGMA foreign_keys` is a no-op inside a transaction: so, as `prisma migrate` does, turn
    // them off before BEGIN, check them (foreign_key_check) before COMMIT, and turn them back on.
    db.pragma("foreign_keys = OFF");
    // BEGIN IMMEDIATE takes the write lock up front, so two processes migrating at once
    // serialise instead of both applying the same migration.
    const run = db.transaction(() => {
      const rows = db.prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`).all() as { migration_name: string; checksum: string }[];
      const pending = checkHistory(all, new Map(rows.map((r) => [r.migration_name, r.checksum])));
      for (const m of pending) {
        db.exec(m.sql);
        const broken = db.pragma("foreign_key_check") as { table: string; parent: string }[];
        if (broken.length) {
          const pairs = [...new Set(broken.map((b) => `${b.table} → ${b.parent}`))].join(", ");
          throw new AppError("internal:migration", `Migration ${m.name} would leave ${broken.length} row(s) pointing at missing rows (${pairs}); nothing was applied.`);
        }
        const now = new Date().toISOString();
        db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`).run(randomUUID(), m.checksum, now, m.name, now);
      }
      return { applied: pending.map((m) => m.name), alreadyApplied: rows.length };
    });
    try {
      return run.immediate();
    } finally {
      db.pragma("foreign_keys = ON");
    }
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, root: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(72707369)");
    await client.query(TABLE);
    const all = loadMigrations(migrationsDir("postgresql", root));
    const { rows } = await client.query(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`);
    const pending = checkHistory(all, new Map(rows.map((r) => [r.migration_name, r.checksum])));
    for (const m of pending) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`, [randomUUID(), m.checksum, m.name]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new AppError("internal:migration", `Migration ${m.name} failed: ${(e as Error).message}`, { cause: e });
      }
    }
    return { applied: pending.map((m) => m.name), alreadyApplied: rows.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock(72707369)").catch(() => {});
    await client.end();
  }
}
