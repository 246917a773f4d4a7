import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScriptedOpenAIServer, type ScriptedServer } from "@/lib/evals/testing/scripted-openai-server";
import { startWorker } from "@/lib/jobs/worker";
import { dpoSettingsSchema } from "@/lib/pipeline/dpo/dpo-options";
import { createRun } from "@/lib/pipeline/run/create-run";
import { executeRun } from "@/lib/pipeline/run/execute-run";
import { runJobHere } from "@/lib/pipeline/run/run-job-here";
import { demoRunConfig, demoSnippetInputs } from "@/lib/pipeline/run/test-support";
import { enqueueDpo, enqueueVerify } from "@/lib/pipeline/verify/enqueue-stage";
import { closeDefaultPool } from "@/lib/sandbox";
import type { TestDb } from "@/lib/testing/test-db";
import { useTestDbWithDir } from "@/lib/testing/test-db-with-dir";
import { failsOwnTests } from "@/lib/pipeline/verify/verdicts";
import { createAblation } from "./create-ablation";
import { localGpuCount } from "./gpu";
import { getAblationView } from "./queries";
import { recordedDpoSettings } from "./twin-stages";

/**
 * The other discussion mode's twin run is made like its source: verified as the source was before
 * the twin's dataset is exported, and, where the source has Ds4, its Ds4 sampled later from its own
 * SFT model with the source's DPO settings (as every variant keeping Ds4), so the variant differs
 * from "full" in its discussion mode only.
 */
let t: TestDb;
let dir: string;
useTestDbWithDir("xi-ablation-twin-", (f) => { t = f.t; dir = f.dir; });
afterAll(() => closeDefaultPool());
const placement = () => ({ workRoot: path.join(dir, "training"), appUrl: "http://127.0.0.1:9", dataDir: dir });

const TRAINING = { baseModel: "Qwen/Qwen2.5-Coder-1.5B", resources: { gpusPerNode: 1 } };
const EVALUATION = () => ({ endpointUrl: evalServer.url, suites: [{ benchmark: "multipl-e", languages: ["py"], source: "../shared/benchmarks" }] });
// the evaluation endpoint must answer when an ablation starts (its models come later)
let evalServer: ScriptedServer;
beforeAll(async () => { evalServer = await startScriptedOpenAIServer(() => ["    return None\n"]); });
afterAll(async () => { await evalServer.close(); });

async function sourceRun(name: string) {
  const { run } = await createRun(t.db, { name, snippets: demoSnippetInputs(1), config: demoRunConfig({ targets: { ds3Samples: 4 } }, { faults: { wrongSolution: 0.5 } }), enqueue: false });
  expect((await executeRun({ db: t.db, runId: run.id })).status).toBe("succeeded");
  return run.id;
}

/** Everything up to training, which stops as blocked on a host without a GPU. */
async function drain() {
  const worker = startWorker({ db: t.db, concurrency: 1, leaseMs: 30_000, exitWhenIdle: true, types: ["generation.run", "verify.run", "dpo.run", "ablation.advance"] });
  await worker.done;
}

describe("an ablation's discussion-mode twin", () => {
  it.skipIf(process.platform !== "linux")("is verified when its source has Ds4, and will sample its own SFT model for its pairs: the R-Generator is not asked for any", async () => {
    if ((await localGpuCount()) > 0) return; // the chain stops at training only without a GPU
    const source = await sourceRun("with ds4");
    const settings = dpoSettingsSchema.parse({ n: 6, temperature: 0.7, maxPairs: 2, limit: 4 });
    const job = await runJobHere(t.db, (await enqueueDpo(t.db, source, settings)).jobId, { leaseMs: 30_000 });
    expect(job.status).toBe("succeeded");
    expect(await t.db.dpoPair.count({ where: { runId: source } })).toBeGreaterThan(0);
    expect(await recordedDpoSettings(t.db, source)).toEqual(settings);

    const created = await createAblation(t.db, { runId: source, variants: ["parallel"], training: TRAINING, evaluation: EVALUATION() }, placement());
    const twin = created.variants[1].runId;
    await drain();

    const stageJobs = await t.db.job.findMany({ where: { runId: twin, type: { in: ["verify.run", "dpo.run"] } } });
    expect(stageJobs.map((j) => [j.type, j.status])).toEqual([["verify.run", "succeeded"]]);
    expect(await t.db.sample.count({ where: { runId: twin, verdict: null } })).toBe(0);
    expect(await t.db.dpoPair.count({ where: { runId: twin } })).toBe(0);

    const view = await getAblationView(t.db, created.id);
    const parallel = view.variants.find((v) => v.key === "parallel")!;
    expect([parallel.step, parallel.status]).toEqual(["train", "blocked"]);
    // its Ds4 will be sampled from its own SFT model (with the source's settings): none yet, and the run's pairs are not its
    expect([parallel.dpoPairs, parallel.sampling]).toEqual([null, null]);
    expect(parallel.steps).toEqual(["generate", "dataset", "train", "sample", "dpo", "evaluate", "done"]);
  }, 300_000);

  it.skipIf(process.platform !== "linux")("is verified when its source was verified but has no Ds4, and the failing samples stay out of both datasets", async () => {
    if ((await localGpuCount()) > 0) return;
    const source = await sourceRun("verified only");
    expect((await runJobHere(t.db, (await enqueueVerify(t.db, source)).jobId, { leaseMs: 30_000 })).status).toBe("succeeded");

    const created = await createAblation(t.db, { runId: source, variants: ["parallel"], training: TRAINING, evaluation: EVALUATION() }, placement());
    const twin = created.variants[1].runId;
    await drain();

    const stageJobs = await t.db.job.findMany({ where: { runId: twin, type: { in: ["verify.run", "dpo.run"] } } });
    expect(stageJobs.map((j) => [j.type, j.status])).toEqual([["verify.run", "succeeded"]]);
    expect(await t.db.sample.count({ where: { runId: twin, verdict: null } })).toBe(0);
    const view = await getAblationView(t.db, created.id);
    const parallel = view.variants.find((v) => v.key === "parallel")!;
    expect([parallel.step, parallel.status, parallel.dpoPairs]).toEqual(["train", "blocked", 0]);
    // samples whose own tests fail are not training data, in the twin as in the source
    const candidates = await t.db.sample.findMany({ where: { runId: twin, filtered: false, curation: { in: ["pending", "accepted", "edited"] } }, select: { verdict: true } });
    expect(candidates.some((c) => failsOwnTests(c.verdict))).toBe(true);
    expect(parallel.sftSamples).toBe(candidates.filter((c) => !failsOwnTests(c.verdict)).length);
  }, 300_000);
});
