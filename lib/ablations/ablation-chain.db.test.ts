import { readFileSync } from "node:fs";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScriptedOpenAIServer, type ScriptedServer } from "@/lib/evals/testing/scripted-openai-server";
import { startWorker } from "@/lib/jobs/worker";
import type { TestDb } from "@/lib/testing/test-db";
import { useTestDbWithDir } from "@/lib/testing/test-db-with-dir";
import { appendEvent } from "@/lib/events/store";
import { trainingTopic } from "@/lib/training/topic";
import { createAblation } from "./create-ablation";
import { localGpuCount } from "./gpu";
import { attachEvaluation, retryVariant } from "./manage-variant";
import { getAblationView, reconcileAblation } from "./queries";
import { createFixtureRun } from "./testing/fixture";
import { linkedTrainingData, runLanguageCounts } from "./training-data";
import { candidateSamples } from "./variant-dataset";
import { parseVariantKey, selectVariantSamples } from "./variants";

let t: TestDb;
let dir: string;
useTestDbWithDir("xi-ablation-", (f) => { t = f.t; dir = f.dir; });

const placement = () => ({ workRoot: path.join(dir, "training"), appUrl: "http://127.0.0.1:9", dataDir: dir });
const EVALUATION = () => ({ endpointUrl: evalServer.url, suites: [{ benchmark: "multipl-e", languages: ["py", "java"], source: "../shared/benchmarks" }] });
// the evaluation endpoint must answer when an ablation starts (its models come later)
let evalServer: ScriptedServer;
beforeAll(async () => { evalServer = await startScriptedOpenAIServer(() => ["    return None\n"]); });
afterAll(async () => { await evalServer.close(); });
const idsIn = (file: string) => readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l).id as string).sort();

async function drain(types = ["ablation.advance"]) {
  const worker = startWorker({ db: t.db, concurrency: 1, leaseMs: 10_000, exitWhenIdle: true, types });
  await worker.done;
}

/** A succeeded evaluation as another harness would have left it: py and java pass@1. */
async function storedEvaluation(name: string, py: number, java: number) {
  const row = (language: string, p: number) => ({ benchmark: "multipl-e", language, problems: 10, minSamples: 1, samples: 10, passedSamples: p * 10, passAtK: { 1: p } });
  return t.db.evaluation.create({ data: { name, model: name, config: {}, status: "succeeded", summary: [row("py", py), row("java", java)] } });
}

describe("an ablation through the real queue", () => {
  it.skipIf(process.platform !== "linux")("exports each variant's exact samples, stops at training without a GPU with the reason, and fills Table 2 from attached evaluations", async () => {
    if ((await localGpuCount()) > 0) return; // the blocked path needs a host without a GPU
    const { runId, id } = await createFixtureRun(t.db);
    const created = await createAblation(t.db, {
      runId, variants: "no-ds1,size:0.5", seed: 9,
      training: { baseModel: "Qwen/Qwen2.5-Coder-1.5B", resources: { gpusPerNode: 1 } },
      evaluation: EVALUATION(),
    }, placement());
    expect(created.variants.map((v) => [v.key, v.step])).toEqual([["full", "dataset"], ["no-ds1", "dataset"], ["size:0.5", "dataset"]]);
    const queued = await t.db.job.findMany({ where: { type: "ablation.advance", status: "queued" } });
    expect(queued.map((j) => (j.payload as { variantId: string }).variantId).sort()).toEqual(created.variants.map((v) => v.id).sort());

    await drain();
    const view = await getAblationView(t.db, created.id);
    // the scorer-filtered sample (4) and the rejected one (7) are never training data
    const full = [0, 1, 2, 3, 5, 6, 8, 9, 10, 11].map(id).sort();
    const files = await t.db.ablationVariant.findMany({ where: { ablationId: created.id }, orderBy: { position: "asc" } });
    const sftFile = (i: number) => (files[i].dataset as { sftFile: string }).sftFile;
    expect(idsIn(sftFile(0))).toEqual(full);
    expect(idsIn(sftFile(1))).toEqual([1, 2, 5, 6, 8, 9, 10].map(id).sort());
    const half = idsIn(sftFile(2));
    expect(half).toHaveLength(5);
    expect(half).toEqual(selectVariantSamples(await candidateSamples(t.db, runId), parseVariantKey("size:0.5"), 9));
    expect(half.every((x) => full.includes(x))).toBe(true);
    expect(view.variants.map((v) => v.sftSamples)).toEqual([10, 7, 5]);
    expect(view.variants[0].perLanguage).toEqual({ py: 4, java: 3, cpp: 1, js: 1, cs: 1 });

    // no GPU here: every chain stopped at its training step, saying why, with nothing launched
    for (const v of view.variants) {
      expect([v.key, v.step, v.status]).toEqual([v.key, "train", "blocked"]);
      expect(v.message).toMatch(/Training needs a GPU: the config asks for 1 GPU\(s\) on the local backend and this host has 0/);
      expect(v.trainingJobId).toBeNull();
    }
    expect(await t.db.trainingJob.count()).toBe(0);
    expect(view.table.rows.every((r) => r.cells.avg === null)).toBe(true);
    // a retry checks again (still no GPU) through a queued job
    await retryVariant(t.db, created.id, "no-ds1");
    expect((await t.db.ablationVariant.findFirstOrThrow({ where: { id: files[1].id } })).status).toBe("queued");
    await drain();
    expect((await getAblationView(t.db, created.id)).variants[1].status).toBe("blocked");

    // models evaluated elsewhere: attach their evaluations and the comparison fills in
    const a = await storedEvaluation("full model", 0.6, 0.5);
    const b = await storedEvaluation("no-ds1 model", 0.55, 0.3);
    await attachEvaluation(t.db, created.id, "full", a.id);
    await attachEvaluation(t.db, created.id, "no-ds1", b.id);
    const after = await getAblationView(t.db, created.id);
    expect(after.variants.map((v) => [v.key, v.status, v.evaluation?.id ?? null])).toEqual([["full", "succeeded", a.id], ["no-ds1", "succeeded", b.id], ["size:0.5", "blocked", null]]);
    expect(after.table.columns).toEqual(["py", "java"]);
    expect(after.table.rows.map((r) => [r.key, r.cells.py, r.cells.java, r.cells.avg])).toEqual([["full", 60, 50, 55], ["no-ds1", 55, 30, 42.5], ["size:0.5", null, null, null]]);
    expect(after.table.rows[1].deltas).toEqual({ py: -5, java: -20, avg: -12.5 });
    expect(await reconcileAblation(t.db, created.id)).toBe(0); // nothing is waiting on a job
    // the bias view knows what each attached model was trained on; a run's own counts for the rest
    const linked = await linkedTrainingData(t.db, [a.id, b.id]);
    expect(linked.get(a.id)!.counts).toEqual({ py: 4, java: 3, cpp: 1, js: 1, cs: 1 });
    expect(linked.get(b.id)!.counts).toEqual({ py: 3, java: 2, js: 1, cs: 1 });
    expect((await runLanguageCounts(t.db, runId))!.counts).toEqual({ py: 4, java: 3, cpp: 1, js: 1, cs: 1 });
  }, 120_000);

  it("attaching an evaluation still running: the variant follows it and completes when its job ends", async () => {
    const { runId } = await createFixtureRun(t.db);
    const created = await createAblation(t.db, { runId, variants: [], training: { baseModel: "tiny-test", resources: { gpusPerNode: 0 } }, evaluation: EVALUATION() }, placement());
    const evaluation = await t.db.evaluation.create({ data: { name: "pending", model: "m", config: {}, status: "running" } });
    const { enqueueJob } = await import("@/lib/jobs/enqueue");
    const job = await enqueueJob(t.db, "noop", {});
    await t.db.evaluation.update({ where: { id: evaluation.id }, data: { jobId: job.id } });
    await t.db.job.update({ where: { id: created.variants[0].jobId! }, data: { status: "cancelled" } }); // keep the chain itself out of this
    const v = await attachEvaluation(t.db, created.id, "full", evaluation.id);
    expect([v.status, v.jobId]).toEqual(["running", job.id]);
    await t.db.evaluation.update({ where: { id: evaluation.id }, data: { status: "succeeded", summary: [] } });
    await drain(["noop", "ablation.advance"]); // the noop job ends → the hook queues an advance → done
    const done = await t.db.ablationVariant.findUniqueOrThrow({ where: { id: v.id } });
    expect([done.step, done.status]).toEqual(["done", "succeeded"]);
  });

  it("a variant keeping Ds4 samples its own SFT model after SFT: no final model fails the step saying so, Retry samples, and no pair skips DPO", async () => {
    const { runId } = await createFixtureRun(t.db, { pairs: true });
    const created = await createAblation(t.db, { runId, variants: "no-ds4", training: { baseModel: "tiny-test", resources: { gpusPerNode: 0 } }, evaluation: EVALUATION() }, placement());
    const [full] = created.variants;
    // each chain exported its data and launched its SFT job (CPU config), which no worker here runs
    await drain();
    const rows = await t.db.ablationVariant.findMany({ where: { ablationId: created.id }, orderBy: { position: "asc" } });
    expect(rows.map((r) => [r.step, r.status, r.trainingJobId !== null])).toEqual([["train", "running", true], ["train", "running", true]]);
    // the export has the SFT data only: the run's R-Generator pairs are nobody's DPO data
    expect(rows.map((r) => [(r.dataset as { ds4: boolean }).ds4, (r.dataset as { dpoFile: string | null }).dpoFile, r.dpoPairs])).toEqual([[true, null, null], [false, null, 0]]);
    const view = await getAblationView(t.db, created.id);
    expect(view.variants.map((v) => v.steps)).toEqual([["dataset", "train", "sample", "dpo", "evaluate", "done"], ["dataset", "train", "evaluate", "done"]]);

    // full's SFT job succeeded but reported no final model: the sample step fails, saying what is missing
    const sftId = rows[0].trainingJobId!;
    await t.db.trainingJob.update({ where: { id: sftId }, data: { status: "succeeded" } });
    await t.db.job.update({ where: { id: rows[0].jobId! }, data: { status: "succeeded" } });
    expect(await reconcileAblation(t.db, created.id)).toBe(1); // its job ended: the next advance is queued
    await drain();
    let v = await t.db.ablationVariant.findUniqueOrThrow({ where: { id: full.id } });
    expect([v.step, v.status, v.message]).toEqual(["sample", "failed", "Sampling Ds4 needs the SFT model's final folder, and the trainer reported none."]);

    // with the final model known, Retry samples: the fixture's samples were never verified, so no
    // query, no pair, no DPO step; the SFT model goes to evaluation and the page shows the counts
    await appendEvent(t.db, trainingTopic(sftId), "final", { step: 2, path: path.join(dir, "sft-out", "final") });
    await retryVariant(t.db, created.id, "full");
    await drain();
    v = await t.db.ablationVariant.findUniqueOrThrow({ where: { id: full.id } });
    expect([v.step, v.dpoPairs, v.dpoTrainingJobId]).toEqual(["evaluate", 0, null]);
    expect(v.evaluationId).not.toBeNull();
    const shown = (await getAblationView(t.db, created.id)).variants[0];
    expect(shown.steps).toEqual(["dataset", "train", "sample", "evaluate", "done"]);
    expect(shown.sampling).toMatchObject({ model: path.join(dir, "sft-out", "final"), queries: 0, answers: 0, pairs: 0 });
    expect(readFileSync((v.dataset as { dpoFile: string }).dpoFile, "utf8")).toBe("");
    expect(await t.db.dpoPair.count({ where: { runId } })).toBe(2);
  });
});
