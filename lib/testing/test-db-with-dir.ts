import { afterAll, beforeAll } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";

/**
 * The usual setup of a test file that drives the CLI or a job against a real database:
 * a migrated test database and a fresh temporary directory, made before the file's tests
 * (handed to `ready`) and removed after them.
 */
export function useTestDbWithDir(prefix: string, ready: (f: { t: TestDb; dir: string }) => void): void {
  let t: TestDb | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    t = await createTestDb();
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    ready({ t, dir });
  });
  afterAll(async () => {
    await t?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}
