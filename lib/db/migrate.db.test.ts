import { mkdtempSync, cpSync, appendFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";

describe("migrations (SQLite)", () => {
  it("applies every migration once, then is a no-op, and refuses a migration edited after it was applied", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "xi-mig-"));
    const url = `file:${path.join(dir, "nested/db.sqlite")}`;
    const first = await migrate(url);
    expect(first.applied.length).toBeGreaterThan(0);
    expect((await migrate(url)).applied).toEqual([]);
    // A copy of the project whose first migration was edited.
    const copy = path.join(dir, "copy");
    cpSync(path.resolve("prisma"), path.join(copy, "prisma"), { recursive: true });
    appendFileSync(path.join(copy, "prisma/migrations", first.applied[0], "migration.sql"), "\n-- edited\n");
    await expect(migrate(url, copy)).rejects.toMatchObject({ code: "conflict:migration" });
    rmSync(dir, { recursive: true, force: true });
  });
});
