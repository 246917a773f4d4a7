import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { spawnCli, waitFor, waitForExit } from "@/lib/testing/spawn-cli";
import { createRun } from "./create-run";
import { executeRun } from "./execute-run";
import { runTopic } from "./ids";
import { demoRunConfig, demoSnippetInputs, storedSamples } from "./test-support";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); });

describe("a run interrupted by kill -9", () => {
  it("continues on another worker process and ends with exactly the samples of an uninterrupted run", async () => {
    const config = demoRunConfig({ targets: { ds3Samples: 60 } }, { latencyMs: 25 });
    const { run } = await createRun(t.db, { snippets: demoSnippetInputs(2), config });
    const env = { DATABASE_URL: t.url, JOB_LEASE_MS: "1500" };
    const discussed = () => t.db.runStep.count({ where: { runId: run.id, stage: "discuss" } });

    const first = spawnCli(["worker", "--concurrency", "1"], env);
    await waitFor(async () => (await discussed()) >= 8, 90_000, 10);
    first.kill("SIGKILL");
    await waitForExit(first);
    const atKill = await discussed();
    expect(atKill).toBeLessThan(60); // killed mid-discuss
    expect((await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("running");

    const second = spawnCli(["worker", "--concurrency", "1"], env);
    try {
      await waitFor(async () => (await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).status === "succeeded", 90_000);
    } finally {
      second.kill("SIGTERM");
      await waitForExit(second);
    }
    expect((await t.db.job.findFirstOrThrow({ where: { runId: run.id } })).attempts).toBe(2);

    const twin = await createRun(t.db, { corpusId: run.corpusId!, config, enqueue: false });
    await executeRun({ db: t.db, runId: twin.run.id });
    const samples = await storedSamples(t.db, run.id);
    expect(samples).toEqual(await storedSamples(t.db, twin.run.id));
    expect(samples.filter((s) => s.part === "ds3")).toHaveLength(60);
    expect(new Set(samples.map((s) => s.step)).size).toBe(samples.length);

    // nothing half-done or repeated: each sample announced once, each step once, the stream ended once
    const events = await t.db.event.findMany({ where: { topic: runTopic(run.id) }, orderBy: { seq: "asc" } });
    const created = events.filter((e) => e.type === "sample.created").map((e) => (e.data as { sampleId: string }).sampleId);
    expect(created.sort()).toEqual(samples.map((s) => s.step).sort());
    expect(await t.db.runStep.count({ where: { runId: run.id } })).toBe(32 + 1 + 60);
    expect(events.filter((e) => e.type === "end")).toHaveLength(1);
    expect(events.filter((e) => e.type === "status").map((e) => e.data)).toContainEqual(expect.objectContaining({ status: "running", resumed: true, attempt: 2 }));
    const twinMemory = await t.db.memoryEntry.count({ where: { agent: { runId: twin.run.id } } });
    expect(await t.db.memoryEntry.count({ where: { agent: { runId: run.id } } })).toBe(twinMemory);
  }, 180_000);
});
