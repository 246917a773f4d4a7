import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { startWorker } from "@/lib/jobs/worker";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); });

it("a worker told to exit when idle waits for a job whose retry is not yet due, and runs it before exiting", async () => {
  const job = await enqueueJob(t.db, "noop", {});
  // as a failed attempt leaves it: queued again, due after its backoff
  await t.db.job.update({ where: { id: job.id }, data: { runAt: new Date(Date.now() + 700) } });
  const started = Date.now();
  await startWorker({ db: t.db, concurrency: 2, leaseMs: 5_000, idlePollMs: 50, exitWhenIdle: true, types: ["noop"] }).done;
  expect((await t.db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("succeeded");
  expect(Date.now() - started).toBeGreaterThanOrEqual(600);
});
