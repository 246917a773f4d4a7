import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { jobTopic } from "@/lib/jobs/queue";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { spawnCli, waitFor, waitForExit } from "@/lib/testing/spawn-cli";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); });

describe("workers as real processes", () => {
  it("three worker processes share a queue without running any job twice", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 45; i++) ids.push((await enqueueJob(t.db, "demo.progress", { steps: 1, delayMs: 20 })).id);
    const workers = [0, 1, 2].map(() => spawnCli(["worker", "--exit-when-idle", "--concurrency", "2"], { DATABASE_URL: t.url }));
    const codes = await Promise.all(workers.map((w) => waitForExit(w, 90_000)));
    expect(codes).toEqual([0, 0, 0]);
    const jobs = await t.db.job.findMany({ where: { id: { in: ids } } });
    expect(jobs.every((j) => j.status === "succeeded" && j.attempts === 1)).toBe(true);
    const started = await t.db.event.findMany({ where: { type: "started", topic: { in: ids.map(jobTopic) } } });
    expect(started).toHaveLength(ids.length); // each job started exactly once
    expect(new Set(jobs.map((j) => j.lockedBy?.split(":")[1])).size).toBeGreaterThan(1); // the work was shared
  }, 120_000);

  it("a worker killed with SIGKILL mid-job leaves the job to another worker once the lease expires", async () => {
    const job = await enqueueJob(t.db, "demo.progress", { steps: 30, delayMs: 100 });
    const env = { DATABASE_URL: t.url, JOB_LEASE_MS: "1500" };
    const first = spawnCli(["worker", "--concurrency", "1"], env);
    await waitFor(() => t.db.event.findFirst({ where: { topic: jobTopic(job.id), type: "progress" } }));
    first.kill("SIGKILL");
    await waitForExit(first);
    expect((await t.db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("running");

    const second = spawnCli(["worker", "--concurrency", "1"], env);
    try {
      const done = await waitFor(async () => {
        const j = await t.db.job.findUniqueOrThrow({ where: { id: job.id } });
        return j.status === "succeeded" ? j : null;
      }, 60_000);
      expect(done.attempts).toBe(2);
      const types = (await t.db.event.findMany({ where: { topic: jobTopic(job.id) }, orderBy: { seq: "asc" } })).map((e) => e.type);
      expect(types.filter((x) => x === "started")).toHaveLength(2);
      expect(types).toContain("lease_expired");
      expect(types.at(-1)).toBe("end");
    } finally {
      second.kill("SIGTERM");
      await waitForExit(second);
    }
  }, 120_000);
});
