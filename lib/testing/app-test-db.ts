import { vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";

/**
 * A test database that the app's own `db()` uses too (route handlers, jobs): DATABASE_URL and
 * any `extraEnv` point at it until `cleanup()`, which also puts the environment back.
 */
export async function createAppTestDb(extraEnv: Record<string, string> = {}): Promise<TestDb> {
  const t = await createTestDb();
  vi.stubEnv("DATABASE_URL", t.url);
  for (const [k, v] of Object.entries(extraEnv)) vi.stubEnv(k, v);
  resetEnvForTests();
  return {
    ...t,
    async cleanup() {
      vi.unstubAllEnvs();
      resetEnvForTests();
      await t.cleanup();
    },
  };
}
