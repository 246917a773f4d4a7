import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});
