import { afterAll, beforeAll } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestDb } from "@/lib/testing/test-db";
import { createAppTestDb } from "@/lib/testing/app-test-db";
import { startMetricsServer, type MetricsServer } from "@/lib/training/testing/metrics-server";

export interface TrainingFixture {
  /** A migrated database that DATABASE_URL points at for the file's tests. */
  t: TestDb;
  /** The app's metrics endpoint stand-in: a real HTTP server writing into `t`. */
  server: MetricsServer;
  /** A fresh temporary directory, removed after the file's tests. */
  root: string;
}

/**
 * Registers the shared setup of the trainer's process tests in the calling test file
 * (database, env, metrics server, a temporary work root) and returns it once beforeAll ran.
 */
export function useTrainingFixture(prefix: string, more?: (f: TrainingFixture) => void | Promise<void>): TrainingFixture {
  const f = {} as TrainingFixture;
  beforeAll(async () => {
    f.t = await createAppTestDb();
    f.server = await startMetricsServer();
    f.root = mkdtempSync(path.join(os.tmpdir(), `xi-train-${prefix}-`));
    await more?.(f);
  });
  afterAll(async () => {
    await f.server?.close();
    await f.t?.cleanup();
    if (f.root) rmSync(f.root, { recursive: true, force: true });
  });
  return f;
}
