import { afterAll, describe, expect, it, vi } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { resetEnvForTests } from "@/lib/env";
import { appendEvent } from "@/lib/events/store";
import { dpoFromModel } from "@/lib/pipeline/dpo/dpo-from-model";
import type { DpoQuery } from "@/lib/pipeline/dpo/select-queries";
import { runWithSamples } from "@/lib/pipeline/verify/test-support";
import { verifyRun } from "@/lib/pipeline/verify/verify-run";
import { closeDefaultPool } from "@/lib/sandbox";
import { parseTrainConfig } from "@/lib/training/config";
import { createTrainingJob } from "@/lib/training/jobs-service";
import { sampleFromModel } from "@/lib/training/model-sampler";
import type { SamplingHost } from "@/lib/training/sampling-plan";
import { installFakeSlurm, type FakeSlurm } from "@/lib/training/testing/fake-slurm";
import { sshdUnavailable, startLocalSshd, type LocalSshd } from "@/lib/training/testing/local-sshd";
import { pythonWithTorch } from "@/lib/training/testing/python";
import { tinyConfig } from "@/lib/training/testing/tiny-config";
import { useTrainingFixture } from "@/lib/training/testing/training-fixture";
import { trainingTopic } from "@/lib/training/topic";

/**
 * Ds4 sampled where the SFT model is: `python -m trainer sample` on the tiny CPU model through the
 * SSH backend (a real sshd on 127.0.0.1) and the Slurm backend (fake sbatch/squeue/sacct on PATH).
 */
const QUERIES: DpoQuery[] = [
  { id: "q1", language: "py", instruction: "Write a Python function add(a, b) that returns a + b.", tests: "" },
  { id: "q2", language: "js", instruction: "Write a JavaScript function isEven(n).", tests: "" },
];
const unavailable = sshdUnavailable();
let sshd: LocalSshd;
let slurm: FakeSlurm;
let python: string;

const f = useTrainingFixture("sample", async (fx) => {
  python = await pythonWithTorch();
  slurm = installFakeSlurm(fx.root, process.env);
  vi.stubEnv("DATA_DIR", path.join(fx.root, "data"));
  resetEnvForTests();
  if (!unavailable) sshd = await startLocalSshd(path.join(fx.root, "sshd"));
});
afterAll(async () => { await sshd?.stop(); await closeDefaultPool(); });

function hostOf(raw: Record<string, unknown>): SamplingHost {
  const c = parseTrainConfig(tinyConfig(raw));
  return { backend: c.backend, python: c.python, ssh: c.ssh, slurm: c.slurm, resources: c.resources };
}
const sshConfig = () => ({
  backend: "ssh", python,
  ssh: { host: "127.0.0.1", port: sshd.port, user: sshd.user, identityFile: sshd.identityFile, knownHostsFile: sshd.knownHostsFile, strictHostKeyChecking: "yes", remoteDir: path.join(f.root, "remote") },
});
const slurmConfig = () => ({ backend: "slurm", python, resources: { gpusPerNode: 1, nodes: 1, fsdp: false }, slurm: { partition: "debug", timeLimit: "00:30:00", workDir: path.join(f.root, "shared") } });
const failedMessage = (e: unknown) => (e as Error).message;

describe.skipIf(unavailable)(`sampling over ssh${unavailable ? ` (skipped: ${unavailable})` : ""}`, () => {
  it("copies queries, config and trainer to the host, samples there, fetches n answers per query back", async () => {
    const lines: string[] = [];
    const answers = await sampleFromModel(QUERIES, { model: "tiny-test", n: 3, temperature: 1, maxNewTokens: 8, host: hostOf(sshConfig()), id: "ssh-ok", workDir: path.join(f.root, "local", "ssh-ok"), onLine: (l) => lines.push(l) });
    expect([...answers.keys()].sort()).toEqual(["q1", "q2"]);
    for (const a of answers.values()) expect(a).toHaveLength(3);
    const remote = path.join(f.root, "remote", "sampling", "ssh-ok");
    expect(readFileSync(path.join(remote, "answers.jsonl"), "utf8").trim().split("\n")).toHaveLength(2);
    expect(existsSync(path.join(remote, "trainer", "sample.py"))).toBe(true);
    expect(lines.join("\n")).toContain("engine native");
    expect(lines.join("\n")).toContain(`copied job, trainer and data to ${sshd.user}@127.0.0.1:${remote}`);
  }, 240_000);

  it("a sampler that fails on the host fails the call with its last lines", async () => {
    const run = sampleFromModel(QUERIES, { model: path.join(f.root, "no-such-model", "final"), n: 2, temperature: 1, maxNewTokens: 8, host: hostOf(sshConfig()), id: "ssh-bad", workDir: path.join(f.root, "local", "ssh-bad") });
    const message = failedMessage(await run.catch((e) => e));
    expect(message).toMatch(/^Sampling from .*no-such-model\/final on the ssh backend failed \(exit 1\): /);
    expect(message).toContain("[trainer] failed:");
  }, 240_000);

  it("dpo from a training job samples its final model on the job's ssh host, then executes and pairs the answers", async () => {
    const { runId } = await runWithSamples(f.t.db, [{ language: "py", key: "sum-evens" }]);
    await verifyRun(f.t.db, runId);
    const job = await createTrainingJob(f.t.db, tinyConfig(sshConfig()), { workRoot: path.join(f.root, "jobs"), appUrl: f.server.url });
    // what the trainer reports at the end of a run: its final folder (a model id here, the CPU test model)
    await appendEvent(f.t.db, trainingTopic(job.id), "final", { step: 10, path: "tiny-test" });
    const lines: string[] = [];
    const counts = await dpoFromModel(f.t.db, runId, { n: 2, temperature: 1, maxPairs: 4, preferShortest: true, fromJob: job.id }, { maxNewTokens: 8, onLine: (l) => lines.push(l) });
    expect(counts).toMatchObject({ queries: 1, done: 1, answers: 2, samplingFailures: 0 });
    expect(lines.join("\n")).toContain("sampling on the ssh backend");
    expect(existsSync(path.join(f.root, "remote", "sampling"))).toBe(true);
  }, 300_000);
});

describe("sampling on slurm", () => {
  it("submits a one-task batch job that samples on the shared file system: n answers per query", async () => {
    const lines: string[] = [];
    const answers = await sampleFromModel(QUERIES, { model: "tiny-test", n: 2, temperature: 1, maxNewTokens: 8, host: hostOf(slurmConfig()), id: "slurm-ok", workDir: path.join(f.root, "local", "slurm-ok"), env: slurm.env, pollMs: 200, onLine: (l) => lines.push(l) });
    expect([...answers.keys()].sort()).toEqual(["q1", "q2"]);
    for (const a of answers.values()) expect(a).toHaveLength(2);
    const dir = path.join(f.root, "shared", "sampling", "slurm-ok");
    const id = /submitted Slurm job (\d+)/.exec(lines.join("\n"))?.[1];
    expect(id).toBeDefined();
    const script = slurm.submittedScript(id!);
    expect(script).toContain("#SBATCH --partition=debug");
    expect(script).toContain("#SBATCH --gpus-per-node=1");
    expect(script).toContain(`srun --kill-on-bad-exit=1 ${python} -m trainer sample --config ${dir}/sample.json`);
    expect(readFileSync(path.join(dir, `slurm-${id}.log`), "utf8")).toContain("engine native");
  }, 240_000);

  it("a failing sampling job fails the call with its Slurm state and the last lines of its log", async () => {
    const run = sampleFromModel(QUERIES, { model: path.join(f.root, "no-such-model", "final"), n: 2, temperature: 1, maxNewTokens: 8, host: hostOf(slurmConfig()), id: "slurm-bad", workDir: path.join(f.root, "local", "slurm-bad"), env: slurm.env, pollMs: 200 });
    const message = failedMessage(await run.catch((e) => e));
    expect(message).toMatch(/^Sampling from .*no-such-model\/final on the slurm backend failed \(FAILED, exit 1\): /);
    expect(message).toContain("[trainer] failed:");
  }, 240_000);
});
