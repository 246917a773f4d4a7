import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { TestDb } from "@/lib/testing/test-db";
import { useTestDbWithDir } from "@/lib/testing/test-db-with-dir";
import { spawnCli, waitForExit } from "@/lib/testing/spawn-cli";
import { EXAMPLES } from "@/lib/training/testing/tiny-config";

/** `xinstruct train` as a user runs it: a real process, a YAML file, the same database as the dashboard. */
let t: TestDb;
let dir: string;
useTestDbWithDir("xi-train-cli-", (f) => { t = f.t; dir = f.dir; });

const yaml = (extra = "") => {
  const file = path.join(dir, `train-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, `kind: sft
baseModel: tiny-test
dataset: ${path.join(EXAMPLES, "tiny-sft.jsonl")}
evalFraction: 0.1
resources: { gpusPerNode: 0 }
training: { learningRate: 0.003, warmupSteps: 2, globalBatchSize: 8, microBatchSize: 4, maxLength: 256, maxSteps: 6, evalEvery: 3, bf16: false }
${extra}`);
  return file;
};
const run = async (args: string[]) => {
  const child = spawnCli(args, { DATABASE_URL: t.url, DATA_DIR: dir, PORT: "9" });
  const code = await waitForExit(child, 180_000);
  return { code, out: child.output() };
};

describe("xinstruct train", () => {
  it("--dry-run prints the exact command; --backend slurm prints the sbatch script; --export prints other tools' configs", async () => {
    const file = yaml();
    const local = await run(["train", "--config", file, "--dry-run"]);
    expect(local.code).toBe(0);
    expect(local.out.trim().split("\n")[0]).toBe(`cd ${path.join(dir, "training", "<job-id>")} && python3 -m trainer sft --config ${path.join(dir, "training", "<job-id>", "job.json")}`.replace(/(\S*<job-id>\S*)/g, "'$1'"));
    // the step plan: 48 records, 5 held out (10%), packed rows holding several samples; batch 8 counts samples
    expect(local.out).toMatch(/# plan: 43 training samples in ≈\d+ packed rows/);
    expect(local.out).toMatch(/# plan: 6 optimizer steps \(\d+ an epoch\), gradient accumulation \d+, ≈\d+ samples a step/);
    expect(local.out).toContain("# plan: warm-up 2 steps = 33% of the run");
    expect(local.out).toContain("# plan: warning: warm-up (2 steps) is 33% of the run's 6 optimizer steps (more than 20%)");
    const slurm = await run(["train", "--config", file, "--backend", "slurm", "--dry-run"]);
    expect(slurm.out).toContain("#SBATCH --nodes=1");
    expect(slurm.out).toContain("srun --kill-on-bad-exit=1 python3 -m trainer sft");
    const lf = await run(["train", "--config", file, "--export", "llamafactory"]);
    expect(lf.out).toContain("stage: sft");
    // packed rows hold ≈2 samples: a global batch of 8 samples is 4 rows × accumulation 1, and packed samples stay apart
    expect(lf.out).toContain("gradient_accumulation_steps: 1");
    expect(lf.out).toContain("neat_packing: true");
    expect(await t.db.trainingJob.count()).toBe(0);
  }, 120_000);

  it("trains in the foreground: the job, its curves and the result are in the dashboard's database", async () => {
    const { code, out } = await run(["train", "--config", yaml()]);
    expect(code, out).toBe(0);
    const result = JSON.parse(out.trim().split("\n").filter((l) => l.startsWith("{")).pop()!);
    expect(result).toMatchObject({ status: "succeeded", lastStep: 6 });
    const job = await t.db.trainingJob.findUniqueOrThrow({ where: { id: result.id } });
    expect(job.status).toBe("succeeded");
    // the app was not running (PORT 9): the curves come from metrics.jsonl, read back at the end
    const losses = await t.db.metricPoint.findMany({ where: { trainingJobId: job.id, name: "loss" }, orderBy: { step: "asc" } });
    expect(losses.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(losses[5].value).toBeLessThan(losses[0].value);
  }, 180_000);

  it("rejects a bad config with the line of the field", async () => {
    const { code, out } = await run(["train", "--config", yaml("method: qlora\n")]);
    expect(code).toBe(1);
    expect(out).toMatch(/line 7: method/);
  }, 60_000);
});
