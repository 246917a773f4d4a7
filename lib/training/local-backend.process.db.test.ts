import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { useTrainingFixture } from "@/lib/training/testing/training-fixture";
import { waitFor } from "@/lib/testing/spawn-cli";
import { cancelTrainingJob, createTrainingJob, listCheckpoints, prepareResume } from "@/lib/training/jobs-service";
import { runTrainingJob } from "@/lib/training/run-training";
import { tinyConfig } from "@/lib/training/testing/tiny-config";

/** The local backend end to end on CPU: a real trainer process, a real HTTP endpoint, a real database. */
const f = useTrainingFixture("local");

const placement = () => ({ workRoot: f.root, appUrl: f.server.url });
const loss = async (id: string) => (await f.t.db.metricPoint.findMany({ where: { trainingJobId: id, name: "loss" }, orderBy: { step: "asc" } })).map((p) => p.value);

describe("local backend", () => {
  it("trains the tiny model on CPU: the loss falls, metrics arrive over HTTP with the token, checkpoints and the final model are recorded", async () => {
    const job = await createTrainingJob(f.t.db, tinyConfig({ training: { maxSteps: 12 } }), placement());
    const lines: string[] = [];
    const done = await runTrainingJob({ db: f.t.db, id: job.id, onLine: (l) => lines.push(l), pollMs: 200 });
    expect(done.status, done.error ?? "").toBe("succeeded");
    const values = await loss(job.id);
    expect(values).toHaveLength(12);
    expect(values.slice(-3).reduce((a, b) => a + b) / 3).toBeLessThan(0.85 * (values.slice(0, 3).reduce((a, b) => a + b) / 3));
    expect(f.server.statuses.filter((s) => s === 200).length).toBeGreaterThan(0); // reported live, not only from the file
    expect(f.server.statuses.every((s) => s === 200)).toBe(true);
    for (const name of ["eval_loss", "lr", "grad_norm", "tokens_per_s"]) {
      expect(await f.t.db.metricPoint.count({ where: { trainingJobId: job.id, name } }), name).toBeGreaterThan(0);
    }
    const cps = await listCheckpoints(f.t.db, job.id);
    expect(cps.map((c) => [c.step, c.final])).toEqual([[4, false], [8, false], [12, true]]);
    const workDir = path.join(f.root, job.id);
    expect(existsSync(path.join(workDir, "out", "final", "pytorch_model.bin"))).toBe(true);
    expect(statSync(path.join(workDir, "job.json")).mode & 0o777).toBe(0o600); // it holds the token
    expect(readFileSync(path.join(workDir, "train.log"), "utf8")).toContain("step 12/12");
    expect(done.externalId).toMatch(/^pid:\d+$/);
    expect(done.logTail).toContain("[trainer] done: final model in");
    expect(lines.some((l) => l.startsWith("step 1/12"))).toBe(true);
    const events = await f.t.db.event.findMany({ where: { topic: `training:${job.id}` }, orderBy: { seq: "asc" } });
    const statuses = events.filter((e) => e.type === "status").map((e) => (e.data as { status: string }).status);
    expect(statuses).toEqual(["queued", "starting", "running", "succeeded"]);
    expect(events.some((e) => e.type === "log")).toBe(true);
  }, 240_000);

  it("a crash marks the job failed with the last log lines", async () => {
    const bad = path.join(f.root, "bad.jsonl");
    writeFileSync(bad, '{"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]}\n{"broken\n');
    const job = await createTrainingJob(f.t.db, tinyConfig({ dataset: bad }), placement());
    const done = await runTrainingJob({ db: f.t.db, id: job.id, pollMs: 200 });
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/^the trainer exited with code 1; last log lines:/);
    expect(done.error).toContain("bad.jsonl:2: not valid JSON");
  }, 120_000);

  it("cancel stops the trainer after a checkpoint; resume continues from it to the end", async () => {
    const job = await createTrainingJob(f.t.db, tinyConfig({ evalFraction: 0, training: { maxSteps: 30, saveEvery: 1000, globalBatchSize: 2, microBatchSize: 2, maxLength: 128 } }), placement());
    const run = runTrainingJob({ db: f.t.db, id: job.id, pollMs: 200 });
    await waitFor(async () => (await f.t.db.metricPoint.count({ where: { trainingJobId: job.id, name: "loss" } })) >= 3, 120_000);
    await cancelTrainingJob(f.t.db, job.id);
    const cancelled = await run;
    expect(cancelled.status, cancelled.error ?? "").toBe("cancelled");
    const cps = await listCheckpoints(f.t.db, job.id);
    expect(cps).toHaveLength(1);
    const at = cps[0].step;
    expect(at).toBeGreaterThanOrEqual(3);
    expect(at).toBeLessThan(30);
    expect(cancelled.logTail).toContain(`[trainer] stopped at step ${at}`);

    await prepareResume(f.t.db, job.id);
    const resumed = await runTrainingJob({ db: f.t.db, id: job.id, resume: true, pollMs: 200 });
    expect(resumed.status, resumed.error ?? "").toBe("succeeded");
    expect(resumed.logTail).toContain(`resumed from`);
    const steps = (await f.t.db.metricPoint.findMany({ where: { trainingJobId: job.id, name: "loss" }, orderBy: { step: "asc" } })).map((p) => p.step);
    expect(steps).toEqual(Array.from({ length: 30 }, (_, i) => i + 1)); // no step twice, none missing
    expect(resumed.command).toMatch(/--resume$/);
  }, 300_000);
});
