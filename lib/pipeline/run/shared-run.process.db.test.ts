import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { spawnCli, waitFor, waitForExit } from "@/lib/testing/spawn-cli";
import { createRun, enqueueGenerationJobs } from "./create-run";
import { executeRun } from "./execute-run";
import { runTopic } from "./ids";
import { demoRunConfig, demoSnippetInputs, storedSamples } from "./test-support";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); });

const DISCUSSIONS = 30;

/** The run made again on one job (shards 1) from the same corpus and config: what a shared run must hold. */
async function expectSameAsOneWorker(runId: string, config: ReturnType<typeof demoRunConfig>) {
  const run = await t.db.run.findUniqueOrThrow({ where: { id: runId } });
  const twin = await createRun(t.db, { corpusId: run.corpusId!, config: { ...config, shards: 1 }, enqueue: false });
  expect((await executeRun({ db: t.db, runId: twin.run.id })).status).toBe("succeeded");
  const samples = await storedSamples(t.db, runId);
  expect(samples).toEqual(await storedSamples(t.db, twin.run.id));
  expect(samples.filter((s) => s.part === "ds3")).toHaveLength(DISCUSSIONS);
  // each step once, the stream ended once, the agents' memories as on one worker
  expect(await t.db.runStep.count({ where: { runId } })).toBe(16 + 1 + DISCUSSIONS);
  const events = await t.db.event.findMany({ where: { topic: runTopic(runId) }, orderBy: { seq: "asc" } });
  expect(events.filter((e) => e.type === "end")).toHaveLength(1);
  const created = events.filter((e) => e.type === "sample.created").map((e) => (e.data as { sampleId: string }).sampleId);
  expect(created.sort()).toEqual(samples.map((s) => s.step).sort());
  const memory = (id: string) => t.db.memoryEntry.count({ where: { agent: { runId: id } } });
  expect(await memory(runId)).toBe(await memory(twin.run.id));
  expect((await t.db.run.findUniqueOrThrow({ where: { id: runId } })).counts).toMatchObject({ samples: { ds3: DISCUSSIONS } });
}

describe("a run shared by several workers (config.shards)", () => {
  it("three worker processes split its seed tasks and discussions, each done once, and store exactly the samples of a one-worker run", async () => {
    const config = demoRunConfig({ shards: 3, targets: { ds3Samples: DISCUSSIONS } }, { latencyMs: 30 }, { concurrency: 1 });
    const { run } = await createRun(t.db, { snippets: demoSnippetInputs(1), config, enqueue: false });
    const env = { DATABASE_URL: t.url, JOB_LEASE_MS: "3000" };
    const workers = [0, 1, 2].map(() => spawnCli(["worker", "--concurrency", "1"], env));
    try {
      // all three up before the run's jobs are queued, so that each takes one
      await waitFor(async () => workers.every((w) => w.output().includes("started")), 60_000);
      expect(await enqueueGenerationJobs(t.db, run.id, 3)).toHaveLength(3);
      await waitFor(async () => (await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).status === "succeeded", 120_000);
    } finally {
      for (const w of workers) w.kill("SIGTERM");
      await Promise.all(workers.map((w) => waitForExit(w)));
    }
    // the work was shared (each job runs 2 units at once here: the endpoint's concurrency 1, doubled)
    const owners = async (stage: string) => (await t.db.runClaim.findMany({ where: { runId: run.id, key: { startsWith: `${stage}:` } }, select: { owner: true } })).map((c) => c.owner);
    expect(await owners("discuss")).toHaveLength(DISCUSSIONS);
    expect(new Set(await owners("seed")).size).toBe(3);
    expect(new Set(await owners("discuss")).size).toBeGreaterThanOrEqual(2);
    await expectSameAsOneWorker(run.id, config);
  }, 180_000);

  it("a worker killed with SIGKILL mid-discussion leaves its claims to the other, and the samples are still those of a one-worker run", async () => {
    const config = demoRunConfig({ shards: 2, targets: { ds3Samples: DISCUSSIONS } }, { latencyMs: 25 });
    const { run } = await createRun(t.db, { snippets: demoSnippetInputs(1), config });
    const env = { DATABASE_URL: t.url, JOB_LEASE_MS: "1500" };
    const discussed = () => t.db.runStep.count({ where: { runId: run.id, stage: "discuss" } });
    const doomed = spawnCli(["worker", "--concurrency", "1"], env);
    const survivor = spawnCli(["worker", "--concurrency", "1"], env);
    try {
      await waitFor(async () => (await discussed()) >= 6, 90_000, 10);
      doomed.kill("SIGKILL");
      await waitForExit(doomed);
      expect(await discussed()).toBeLessThan(DISCUSSIONS);
      await waitFor(async () => (await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).status === "succeeded", 120_000);
    } finally {
      survivor.kill("SIGTERM");
      await waitForExit(survivor);
    }
    await expectSameAsOneWorker(run.id, config);
  }, 180_000);
});
