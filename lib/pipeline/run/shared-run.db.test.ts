import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { waitFor } from "@/lib/testing/spawn-cli";
import { createRun } from "./create-run";
import { executeRun } from "./execute-run";
import { runTopic } from "./ids";
import { pauseRun, resumeRun } from "./run-control";
import type { RunCounts } from "./run-progress";
import { demoRunConfig, demoSnippetInputs, storedSamples } from "./test-support";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); });

it("a shared run paused mid-discussion stops both shards and says paused once, with everything stored counted; resumed, it ends with the samples of a one-worker run", async () => {
  const config = demoRunConfig({ shards: 2, targets: { ds3Samples: 24 } }, { latencyMs: 15 }, { concurrency: 1 });
  const { run } = await createRun(t.db, { snippets: demoSnippetInputs(1), config, enqueue: false });
  const shards = () => [0, 1].map(() => executeRun({ db: t.db, runId: run.id, controlPollMs: 50, claimLeaseMs: 2_000 }));
  const discussed = () => t.db.runStep.count({ where: { runId: run.id, stage: "discuss" } });

  const first = shards();
  await waitFor(async () => (await discussed()) >= 4, 60_000, 10);
  await pauseRun(t.db, run.id);
  expect((await Promise.all(first)).map((o) => o.status)).toEqual(["paused", "paused"]);
  const statuses = (await t.db.event.findMany({ where: { topic: runTopic(run.id), type: "status" }, orderBy: { seq: "asc" } })).map((e) => (e.data as { status: string }).status);
  expect(statuses.filter((s) => s === "paused")).toHaveLength(1);
  const paused = await t.db.run.findUniqueOrThrow({ where: { id: run.id } });
  expect((paused.counts as unknown as RunCounts).discuss.done).toBe(await discussed());
  expect(await discussed()).toBeLessThan(24);

  // resume queues both shards' jobs again; here they run in this process
  await resumeRun(t.db, run.id);
  expect(await t.db.job.count({ where: { runId: run.id, status: "queued" } })).toBe(2);
  const second = await Promise.all(shards());
  expect(second.map((o) => o.status)).toEqual(["succeeded", "succeeded"]);

  const twin = await createRun(t.db, { corpusId: run.corpusId!, config: { ...config, shards: 1 }, enqueue: false });
  expect((await executeRun({ db: t.db, runId: twin.run.id })).status).toBe("succeeded");
  expect(await storedSamples(t.db, run.id)).toEqual(await storedSamples(t.db, twin.run.id));
  const ended = await t.db.run.findUniqueOrThrow({ where: { id: run.id } });
  const twinRow = await t.db.run.findUniqueOrThrow({ where: { id: twin.run.id } });
  expect({ ...(ended.counts as unknown as RunCounts), usage: null }).toEqual({ ...(twinRow.counts as unknown as RunCounts), usage: null });
}, 120_000);
