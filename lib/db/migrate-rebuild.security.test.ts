import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";

/** Hole 3 of the security issue: a Prisma-style rebuild of a parent table must not cascade-delete its children. */
const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

function project(migrations: Record<string, string>): { root: string; url: string; file: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), "xi-mig-sec-"));
  dirs.push(root);
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(path.join(root, "prisma/migrations", name), { recursive: true });
    writeFileSync(path.join(root, "prisma/migrations", name, "migration.sql"), sql);
  }
  const file = path.join(root, "db.sqlite");
  return { root, url: `file:${file}`, file };
}

const INIT = `CREATE TABLE "Run" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);
CREATE TABLE "Sample" ("id" TEXT NOT NULL PRIMARY KEY, "runId" TEXT NOT NULL,
  CONSTRAINT "Sample_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE);`;

// What `prisma migrate diff` writes for SQLite when a column is added with a table rebuild.
const REBUILD = `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Run" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "note" TEXT NOT NULL DEFAULT '');
INSERT INTO "new_Run" ("id", "name") SELECT "id", "name" FROM "Run";
DROP TABLE "Run";
ALTER TABLE "new_Run" RENAME TO "Run";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;`;

function seed(file: string) {
  const db = new Database(file);
  db.exec(`INSERT INTO "Run" VALUES ('r1', 'first'), ('r2', 'second');
    INSERT INTO "Sample" VALUES ('s1', 'r1'), ('s2', 'r1'), ('s3', 'r2');`);
  db.close();
}

describe("SQLite migrations that rebuild a parent table", () => {
  it("keep every child row, and leave foreign keys enforced afterwards", async () => {
    const p = project({ "001_init": INIT });
    await migrate(p.url, p.root);
    seed(p.file);
    mkdirSync(path.join(p.root, "prisma/migrations/002_rebuild"));
    writeFileSync(path.join(p.root, "prisma/migrations/002_rebuild/migration.sql"), REBUILD);
    expect((await migrate(p.url, p.root)).applied).toEqual(["002_rebuild"]);
    const db = new Database(p.file);
    expect(db.prepare(`SELECT id FROM "Sample" ORDER BY id`).pluck().all()).toEqual(["s1", "s2", "s3"]);
    expect(db.prepare(`SELECT note FROM "Run" WHERE id = 'r1'`).pluck().get()).toBe("");
    // The children still point at the rebuilt table: deleting a run cascades as before.
    db.exec(`DELETE FROM "Run" WHERE id = 'r2'`);
    expect(db.prepare(`SELECT count(*) FROM "Sample"`).pluck().get()).toBe(2);
    db.close();
  });

  it("refuses a migration that would leave rows pointing at nothing, and applies none of it", async () => {
    const p = project({ "001_init": INIT });
    await migrate(p.url, p.root);
    seed(p.file);
    mkdirSync(path.join(p.root, "prisma/migrations/002_lossy"));
    writeFileSync(path.join(p.root, "prisma/migrations/002_lossy/migration.sql"), REBUILD.replace(`SELECT "id", "name" FROM "Run";`, `SELECT "id", "name" FROM "Run" WHERE id = 'r2';`));
    await expect(migrate(p.url, p.root)).rejects.toMatchObject({ code: "internal:migration", message: expect.stringMatching(/Sample → Run/) });
    const db = new Database(p.file);
    expect(db.prepare(`SELECT id FROM "Run" ORDER BY id`).pluck().all()).toEqual(["r1", "r2"]);
    expect(db.prepare(`SELECT count(*) FROM "Sample"`).pluck().get()).toBe(3);
    expect(db.prepare(`SELECT count(*) FROM "_prisma_migrations" WHERE migration_name = '002_lossy'`).pluck().get()).toBe(0);
    db.close();
  });
});
