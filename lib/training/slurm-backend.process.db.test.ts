import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { useTrainingFixture } from "@/lib/training/testing/training-fixture";
import { waitFor } from "@/lib/testing/spawn-cli";
import { cancelTrainingJob, createTrainingJob, getTrainingJob, listCheckpoints } from "@/lib/training/jobs-service";
import { runTrainingJob } from "@/lib/training/run-training";
import { installFakeSlurm, type FakeSlurm } from "@/lib/training/testing/fake-slurm";
import { pythonWithTorch } from "@/lib/training/testing/python";
import { tinyConfig } from "@/lib/training/testing/tiny-config";

/** The Slurm backend against fake sbatch/squeue/sacct/scancel on PATH that behave like Slurm's. */
let slurm: FakeSlurm;
let python: string;
const f = useTrainingFixture("slurm", async (fx) => {
  slurm = installFakeSlurm(fx.root, process.env);
  python = await pythonWithTorch();
});

const config = (o: Record<string, unknown> = {}) =>
  tinyConfig({ backend: "slurm", python, resources: { gpusPerNode: 1, nodes: 1, fsdp: false }, slurm: { partition: "debug", timeLimit: "00:30:00", workDir: path.join(f.root, "shared") }, ...o });
const run = (id: string) => runTrainingJob({ db: f.t.db, id, env: slurm.env, pollMs: 200, backendPollMs: 200 });

describe("slurm backend", () => {
  it("submits the rendered script, follows squeue, tails the log, reads COMPLETED from sacct; metrics arrive", async () => {
    const job = await createTrainingJob(f.t.db, config({ training: { maxSteps: 6, saveEvery: 3 } }), { workRoot: path.join(f.root, "local"), appUrl: f.server.url });
    const done = await run(job.id);
    expect(done.status, done.error ?? "").toBe("succeeded");
    const id = done.externalId!.replace(/^slurm:/, "");
    expect(done.externalId).toMatch(/^slurm:\d+$/);
    // exactly the script shown to the user was submitted
    expect(slurm.submittedScript(id)).toBe(done.command);
    expect(done.command).toContain("#SBATCH --partition=debug");
    expect(done.command).toContain(`#SBATCH --output=${path.join(f.root, "shared", job.id)}/slurm-%j.log`);
    expect(done.command).toContain(`srun --kill-on-bad-exit=1 ${python} -m trainer sft --config ${path.join(f.root, "shared", job.id, "job.json")}`);
    const log = readFileSync(path.join(f.root, "shared", job.id, `slurm-${id}.log`), "utf8");
    expect(log).toContain("step 6/6");
    expect(done.logTail).toContain(`[xinstruct] Slurm job ${id}: RUNNING`);
    expect(done.logTail).toContain("step 6/6");
    expect(await f.t.db.metricPoint.count({ where: { trainingJobId: job.id, name: "loss" } })).toBe(6);
    expect((await listCheckpoints(f.t.db, job.id)).map((c) => c.step)).toEqual([3, 6]);
    expect(f.server.statuses.length).toBeGreaterThan(0);
  }, 240_000);

  it("a failing job is FAILED with its exit code and the last lines of its log", async () => {
    const bad = path.join(f.root, "bad.jsonl");
    writeFileSync(bad, "not json\n");
    const job = await createTrainingJob(f.t.db, config({ dataset: bad }), { workRoot: path.join(f.root, "local"), appUrl: f.server.url });
    const done = await run(job.id);
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/^FAILED \(exit code 1\); last log lines:/);
    expect(done.error).toContain("bad.jsonl:1: not valid JSON");
  }, 120_000);

  it("cancel sends SIGTERM to the job step: the trainer checkpoints and the job ends cancelled", async () => {
    const job = await createTrainingJob(f.t.db, config({ evalFraction: 0, training: { maxSteps: 500, saveEvery: 1000, globalBatchSize: 2, microBatchSize: 2, maxLength: 128 } }), { workRoot: path.join(f.root, "local"), appUrl: f.server.url });
    const running = run(job.id);
    await waitFor(async () => (await f.t.db.metricPoint.count({ where: { trainingJobId: job.id, name: "loss" } })) >= 2, 120_000);
    await cancelTrainingJob(f.t.db, job.id);
    const done = await running;
    expect(done.status, done.error ?? "").toBe("cancelled");
    const id = done.externalId!.replace(/^slurm:/, "");
    expect(slurm.scancelCalls()).toContain(`--signal=TERM ${id}`);
    expect(done.logTail).toMatch(/\[trainer\] stopped at step \d+/);
    expect(await listCheckpoints(f.t.db, job.id)).toHaveLength(1);
  }, 240_000);

  it("the node dying marks the job failed (NODE_FAIL) with the last log lines", async () => {
    const job = await createTrainingJob(f.t.db, config({ evalFraction: 0, training: { maxSteps: 500, saveEvery: 1000, globalBatchSize: 2, microBatchSize: 2, maxLength: 128 } }), { workRoot: path.join(f.root, "local"), appUrl: f.server.url });
    const running = run(job.id);
    await waitFor(async () => (await f.t.db.metricPoint.count({ where: { trainingJobId: job.id, name: "loss" } })) >= 1, 120_000);
    const id = (await getTrainingJob(f.t.db, job.id)).externalId!.replace(/^slurm:/, "");
    slurm.failNode(id);
    const done = await running;
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/^NODE_FAIL \(exit code 0\); last log lines:\n/);
    expect(done.error).toMatch(/step 1\/500/);
  }, 240_000);

  it("sbatch refusing the job fails it with sbatch's message", async () => {
    const job = await createTrainingJob(f.t.db, config(), { workRoot: path.join(f.root, "local"), appUrl: f.server.url });
    const broken = { ...slurm.env, PATH: `${path.join(f.root, "nosbatch")}:${slurm.env.PATH}` };
    const dir = path.join(f.root, "nosbatch");
    const { mkdirSync, chmodSync } = await import("node:fs");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "sbatch"), "#!/bin/sh\necho 'sbatch: error: Batch job submission failed: Invalid partition name specified' >&2\nexit 1\n");
    chmodSync(path.join(dir, "sbatch"), 0o755);
    const done = await runTrainingJob({ db: f.t.db, id: job.id, env: broken, pollMs: 200, backendPollMs: 200 });
    expect(done.status).toBe("failed");
    expect(done.error).toContain("Invalid partition name specified");
    expect(existsSync(path.join(f.root, "shared", job.id, "train.sbatch"))).toBe(true);
  }, 60_000);
});
