import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTrainingFixture } from "@/lib/training/testing/training-fixture";
import { startWorker } from "@/lib/jobs/worker";
import { cancelTrainingJob, createTrainingJob, getTrainingJob, setStatus } from "@/lib/training/jobs-service";
import { launchTrainingJob } from "@/lib/training/launch";
import { handleTrainingRun } from "@/lib/training/runner-job";
import { UnrecoverableError } from "@/lib/jobs/errors";
import { tinyConfig } from "@/lib/training/testing/tiny-config";

/** The training.run job through the real queue and worker, and what a second attempt means. */
const f = useTrainingFixture("worker");

describe("training.run job", () => {
  it("a launched job is run by a worker to the end", async () => {
    const job = await launchTrainingJob(f.t.db, tinyConfig({ evalFraction: 0, training: { maxSteps: 3 } }), { workRoot: f.root, appUrl: f.server.url });
    const worker = startWorker({ db: f.t.db, concurrency: 1, leaseMs: 5_000, exitWhenIdle: true, types: ["training.run"] });
    await worker.done;
    const done = await getTrainingJob(f.t.db, job.id);
    expect(done.status, done.error ?? "").toBe("succeeded");
    expect(await f.t.db.metricPoint.count({ where: { trainingJobId: job.id, name: "loss" } })).toBe(3);
    const queued = await f.t.db.job.findFirstOrThrow({ where: { type: "training.run" } });
    expect(queued.status).toBe("succeeded");
    expect(queued.result).toEqual({ status: "succeeded" });
  }, 180_000);

  it("a trainer crash fails the queue job for good (one attempt) with the failure's headline", async () => {
    const bad = path.join(f.root, "bad.jsonl");
    writeFileSync(bad, '{"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]}\n{"broken\n');
    const job = await launchTrainingJob(f.t.db, tinyConfig({ dataset: bad }), { workRoot: f.root, appUrl: f.server.url });
    const worker = startWorker({ db: f.t.db, concurrency: 1, leaseMs: 5_000, exitWhenIdle: true, types: ["training.run"] });
    await worker.done;
    expect((await getTrainingJob(f.t.db, job.id)).status).toBe("failed");
    const queued = await f.t.db.job.findFirstOrThrow({ where: { type: "training.run", payload: { equals: { trainingJobId: job.id, resume: false } } } });
    expect([queued.status, queued.errorKind, queued.attempts]).toEqual(["failed", "unrecoverable", 1]);
    expect(queued.lastError).toMatch(new RegExp(`^training job ${job.id} failed: `));
    expect(queued.lastError).toContain("bad.jsonl:2: not valid JSON");
    expect(queued.lastError).not.toContain("\n");
  }, 180_000);

  it("a training job cancelled before it started ends its queue job cancelled", async () => {
    const job = await launchTrainingJob(f.t.db, tinyConfig(), { workRoot: f.root, appUrl: f.server.url });
    await cancelTrainingJob(f.t.db, job.id);
    const worker = startWorker({ db: f.t.db, concurrency: 1, leaseMs: 5_000, exitWhenIdle: true, types: ["training.run"] });
    await worker.done;
    const queued = await f.t.db.job.findFirstOrThrow({ where: { type: "training.run", payload: { equals: { trainingJobId: job.id, resume: false } } } });
    expect([queued.status, queued.attempts, queued.lastError]).toEqual(["cancelled", 1, `training job ${job.id} was cancelled`]);
  });

  it("a second attempt (the first runner died) marks the job failed with its last lines, resumable", async () => {
    const job = await createTrainingJob(f.t.db, tinyConfig(), { workRoot: f.root, appUrl: f.server.url });
    await setStatus(f.t.db, job.id, "running", { logTail: "step 1/10 loss 5.4\nstep 2/10 loss 5.3", externalId: "pid:999999999" });
    const ctx = { jobId: "q1", attempt: 2, payload: { trainingJobId: job.id, resume: false }, db: f.t.db, signal: new AbortController().signal, topic: "job:q1", emit: async () => {}, progress: async () => {} };
    await expect(handleTrainingRun(ctx)).rejects.toThrow(UnrecoverableError);
    const failed = await getTrainingJob(f.t.db, job.id);
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/runner stopped while the trainer was running/);
    expect(failed.error).toContain("step 2/10 loss 5.3");
  });
});
