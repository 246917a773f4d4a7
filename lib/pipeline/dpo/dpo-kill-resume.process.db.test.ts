import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDefaultPool } from "@/lib/sandbox";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { spawnCli, waitFor, waitForExit } from "@/lib/testing/spawn-cli";
import { PROBLEM_KEYS } from "@/lib/llm/scripted/templates";
import { enqueueDpo } from "@/lib/pipeline/verify/enqueue-stage";
import { runWithSamples } from "@/lib/pipeline/verify/test-support";
import { verifyRun } from "@/lib/pipeline/verify/verify-run";
import { dpoSettingsSchema } from "./dpo-options";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); await closeDefaultPool(); });

describe("a dpo job interrupted by kill -9", () => {
  it("continues on another worker: every query finished once, no pair stored twice", async () => {
    const specs = ["py", "js", "sh", "php"].flatMap((language) => PROBLEM_KEYS.map((key) => ({ language, key })));
    const { runId } = await runWithSamples(t.db, specs, { latencyMs: 40, faults: { wrongSolution: 0.5 } });
    await verifyRun(t.db, runId);
    await enqueueDpo(t.db, runId, dpoSettingsSchema.parse({ n: 8, model: "demo" }));
    const env = { DATABASE_URL: t.url, JOB_LEASE_MS: "1500" };
    const finished = () => t.db.runStep.count({ where: { runId, stage: "dpo" } });

    const first = spawnCli(["worker", "--concurrency", "1"], env);
    await waitFor(async () => (await finished()) >= 4, 90_000, 10);
    first.kill("SIGKILL");
    await waitForExit(first);
    expect(await finished()).toBeLessThan(16); // killed mid-stage

    const second = spawnCli(["worker", "--concurrency", "1"], env);
    try {
      await waitFor(async () => (await t.db.job.findFirstOrThrow({ where: { runId, type: "dpo.run" } })).status === "succeeded", 90_000);
    } finally {
      second.kill("SIGTERM");
      await waitForExit(second);
    }
    expect((await t.db.job.findFirstOrThrow({ where: { runId, type: "dpo.run" } })).attempts).toBe(2);
    const steps = await t.db.runStep.findMany({ where: { runId, stage: "dpo" } });
    expect(steps).toHaveLength(16);
    const pairs = await t.db.dpoPair.findMany({ where: { runId } });
    const perQuery = new Map<string, number>();
    for (const p of pairs) perQuery.set(p.sampleId!, (perQuery.get(p.sampleId!) ?? 0) + 1);
    for (const s of steps) expect(perQuery.get(s.key.slice("dpo:".length)) ?? 0).toBe((s.output as { pairs: number }).pairs);
    expect(pairs.length).toBeGreaterThan(8);
    expect(new Set(pairs.map((p) => `${p.sampleId}\n${p.chosen}\n${p.rejected}`)).size).toBe(pairs.length);
  }, 200_000);
});
