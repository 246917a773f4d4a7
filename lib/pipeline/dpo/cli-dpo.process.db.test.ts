import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { spawnCli, waitForExit } from "@/lib/testing/spawn-cli";
import { runWithSamples } from "@/lib/pipeline/verify/test-support";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); });

describe("xinstruct dpo", () => {
  it("verifies a run's samples, then stores DPO pairs from N sampled answers, and prints the counts", async () => {
    const { runId } = await runWithSamples(t.db, [
      { language: "py", key: "sum-evens" },
      { language: "js", key: "run-length" },
      { language: "py", key: "max-subarray", buggy: true },
    ], { faults: { wrongSolution: 0.5 } });
    const cli = spawnCli(["dpo", "--run", runId, "--model", "demo", "--n", "12", "--no-progress"], { DATABASE_URL: t.url });
    expect(await waitForExit(cli, 120_000), cli.output()).toBe(0);
    const out = JSON.parse(cli.output().slice(cli.output().indexOf("{")));
    expect(out.verify).toMatchObject({ verified: 3, passed: 2, failed: 1 });
    expect(out.dpo).toMatchObject({ queries: 2, answers: 24, pairs: 2, noPassing: 0, noFailing: 0 });
    expect(await t.db.dpoPair.count({ where: { runId } })).toBe(2);
  }, 150_000);

  it("--from-model samples the answers from the SFT model with the trainer, then executes them in the sandbox", async () => {
    const { runId } = await runWithSamples(t.db, [{ language: "py", key: "sum-evens" }]);
    const dir = mkdtempSync(path.join(os.tmpdir(), "xi-dpo-from-model-"));
    const cli = spawnCli(["dpo", "--run", runId, "--from-model", "tiny-test", "--n", "2", "--max-new-tokens", "8", "--no-progress"], { DATABASE_URL: t.url, DATA_DIR: dir });
    expect(await waitForExit(cli, 120_000), cli.output()).toBe(0);
    expect(cli.output()).toContain("vllm serve tiny-test --served-model-name sft");
    expect(cli.output()).toContain("engine native");
    const out = JSON.parse(cli.output().slice(cli.output().indexOf("{\n")));
    expect(out.dpo).toMatchObject({ queries: 1, answers: 2, samplingFailures: 0 });
    const bad = spawnCli(["dpo", "--run", runId, "--from-model", "tiny-test", "--max-new-tokens", "lots", "--no-progress"], { DATABASE_URL: t.url, DATA_DIR: dir });
    expect(await waitForExit(bad, 60_000)).not.toBe(0);
    expect(bad.output()).toContain("--max-new-tokens must be a positive whole number");
    const noJob = spawnCli(["dpo", "--run", runId, "--from-job", "nosuchjob", "--no-progress"], { DATABASE_URL: t.url, DATA_DIR: dir });
    expect(await waitForExit(noJob, 60_000)).not.toBe(0);
    expect(noJob.output()).toContain("No training job nosuchjob");
  }, 200_000);
});
