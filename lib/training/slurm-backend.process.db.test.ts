import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { waitFor } from "@/lib/testing/spawn-cli";
import { resetEnvForTests } from "@/lib/env";
import { cancelTrainingJob, createTrainingJob, getTrainingJob, listCheckpoints } from "@/lib/training/jobs-service";
import { runTrainingJob } from "@/lib/training/run-training";
import { installFakeSlurm, type FakeSlurm } from "@/lib/training/testing/fake-slurm";
import { startMetricsServer, type MetricsServer } from "@/lib/training/testing/metrics-server";
import { pythonWithTorch } from "@/lib/training/testing/python";
import { tinyConfig } from "@/lib/training/testing/tiny-config";

/** The Slurm backend against fake sbatch/squeue/sacct/scancel on PATH that behave like Slurm's. */
let t: TestDb;
let server: MetricsServer;
let root: string;
let slurm: FakeSlurm;
let python: string;
beforeAll(async () => {
  t = await createTestDb();
  vi.stubEnv("DATABASE_URL", t.url);
  resetEnvForTests();
  server = await startMetricsServer();
  root = mkdtempSync(path.join(os.tmpdir(), "xi-train-slurm-"));
  slurm = installFakeSlurm(root, process.env);
  python = await pythonWithTorch();
});
afterAll(async () => {
  await server.close();
  vi.unstubAllEnvs();
  resetEnvForTests();
  await t.cleanup();
  rmSync(root, { recursive: true, force: true });
});

const config = (o: Record<string, unknown> = {}) =>
  tinyConfig({ backend: "slurm", python, resources: { gpusPerNode: 1, nodes: 1, fsdp: false }, slurm: { partition: "debug", timeLimit: "00:30:00", workDir: path.join(root, "shared") }, ...o });
const run = (id: string) => runTrainingJob({ db: t.db, id, env: slurm.env, pollMs: 200, backendPollMs: 200 });

describe("slurm backend", () => {
  it("submits the rendered script, follows squeue, tails the log, reads COMPLETED from sacct; metrics arrive", async () => {
    const job = await createTrainingJob(t.db, config({ training: { maxSteps: 6, saveEvery: 3 } }), { workRoot: path.join(root, "local"), appUrl: server.url });
    const done = await run(job.id);
    expect(done.status, done.error ?? "").toBe("succeeded");
    const id = done.externalId!.replace(/^slurm:/, "");
    expect(done.externalId).toMatch(/^slurm:\d+$/);
    // exactly the script shown to the user was submitted
    expect(slurm.submittedScript(id)).toBe(done.command);
    expect(done.command).toContain("#SBATCH --partition=debug");
    expect(done.command).toContain(`#SBATCH --output=${path.join(root, "shared", job.id)}/slurm-%j.log`);
    expect(done.command).toContain(`srun --kill-on-bad-exit=1 ${python} -m trainer sft --config ${path.join(root, "shared", job.id, "job.json")}`);
    const log = readFileSync(path.join(root, "shared", job.id, `slurm-${id}.log`), "utf8");
    expect(log).toContain("step 6/6");
    expect(done.logTail).toContain(`[xinstruct] Slurm job ${id}: RUNNING`);
    expect(done.logTail).toContain("step 6/6");
    expect(await t.db.metricPoint.count({ where: { trainingJobId: job.id, name: "loss" } })).toBe(6);
    expect((await listCheckpoints(t.db, job.id)).map((c) => c.step)).toEqual([3, 6]);
    expect(server.statuses.length).toBeGreaterThan(0);
  }, 240_000);

  it("a failing job is FAILED with its exit code and the last lines of its log", async () => {
    const bad = path.join(root, "bad.jsonl");
    writeFileSync(bad, "not json\n");
    const job = await createTrainingJob(t.db, config({ dataset: bad }), { workRoot: path.join(root, "local"), appUrl: server.url });
    const done = await run(job.id);
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/^FAILED \(exit code 1\); last log lines:/);
    expect(done.error).toContain("bad.jsonl:1: not valid JSON");
  }, 120_000);

  it("cancel sends SIGTERM to the job step: the trainer checkpoints and the job ends cancelled", async () => {
    const job = await createTrainingJob(t.db, config({ evalFraction: 0, training: { maxSteps: 500, saveEvery: 1000, globalBatchSize: 2, microBatchSize: 2, maxLength: 128 } }), { workRoot: path.join(root, "local"), appUrl: server.url });
    const running = run(job.id);
    await waitFor(async () => (await t.db.metricPoint.count({ where: { trainingJobId: job.id, name: "loss" } })) >= 2, 120_000);
    await cancelTrainingJob(t.db, job.id);
    const done = await running;
    expect(done.status, done.error ?? "").toBe("cancelled");
    const id = done.externalId!.replace(/^slurm:/, "");
    expect(slurm.scancelCalls()).toContain(`--signal=TERM ${id}`);
    expect(done.logTail).toMatch(/\[trainer\] stopped at step \d+/);
    expect(await listCheckpoints(t.db, job.id)).toHaveLength(1);
  }, 240_000);

  it("the node dying marks the job failed (NODE_FAIL) with the last log lines", async () => {
    const job = await createTrainingJob(t.db, config({ evalFraction: 0, training: { maxSteps: 500, saveEvery: 1000, globalBatchSize: 2, microBatchSize: 2, maxLength: 128 } }), { workRoot: path.join(root, "local"), appUrl: server.url });
    const running = run(job.id);
    await waitFor(async () => (await t.db.metricPoint.count({ where: { trainingJobId: job.id, name: "loss" } })) >= 1, 120_000);
    const id = (await getTrainingJob(t.db, job.id)).externalId!.replace(/^slurm:/, "");
    slurm.failNode(id);
    const done = await running;
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/^NODE_FAIL \(exit code 0\); last log lines:\n/);
    expect(done.error).toMatch(/step 1\/500/);
  }, 240_000);

  it("sbatch refusing the job fails it with sbatch's message", async () => {
    const job = await createTrainingJob(t.db, config(), { workRoot: path.join(root, "local"), appUrl: server.url });
    const broken = { ...slurm.env, PATH: `${path.join(root, "nosbatch")}:${slurm.env.PATH}` };
    const dir = path.join(root, "nosbatch");
    const { mkdirSync, chmodSync } = await import("node:fs");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "sbatch"), "#!/bin/sh\necho 'sbatch: error: Batch job submission failed: Invalid partition name specified' >&2\nexit 1\n");
    chmodSync(path.join(dir, "sbatch"), 0o755);
    const done = await runTrainingJob({ db: t.db, id: job.id, env: broken, pollMs: 200, backendPollMs: 200 });
    expect(done.status).toBe("failed");
    expect(done.error).toContain("Invalid partition name specified");
    expect(existsSync(path.join(root, "shared", job.id, "train.sbatch"))).toBe(true);
  }, 60_000);
});
