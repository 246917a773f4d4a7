import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { createTrainingJob } from "@/lib/training/jobs-service";
import { summarizeTrainingJobs, trainingJobLinks } from "@/lib/training/job-context";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); });

const placement = { workRoot: "/srv/xinstruct/training", appUrl: "http://127.0.0.1:3000" };
const config = (name: string, maxSteps?: number) => ({ name, baseModel: "Qwen/Qwen2.5-Coder-0.5B", dataset: "/data/sft.jsonl", method: "lora", training: maxSteps ? { maxSteps } : {} });

describe("training job context", () => {
  it("summarizes each job with its model, data, last reported step and loss", async () => {
    const a = await createTrainingJob(t.db, config("a", 16), placement);
    const b = await createTrainingJob(t.db, config("b"), placement);
    await t.db.metricPoint.createMany({
      data: [
        { trainingJobId: a.id, step: 1, name: "loss", value: 5.5 },
        { trainingJobId: a.id, step: 2, name: "loss", value: 4.25 },
        { trainingJobId: a.id, step: 3, name: "lr", value: 0.001 },
      ],
    });
    const s = await summarizeTrainingJobs(t.db, [a, b]);
    expect(s.get(a.id)).toEqual({ baseModel: "Qwen/Qwen2.5-Coder-0.5B", dataset: "/data/sft.jsonl", method: "lora", maxSteps: 16, lastStep: 2, lastLoss: 4.25 });
    expect(s.get(b.id)).toMatchObject({ maxSteps: null, lastStep: null, lastLoss: null });
  });

  it("links a job to the ablation variants that trained it and the evaluations of its outputs, and nothing else", async () => {
    const job = await createTrainingJob(t.db, config("linked", 4), placement);
    const other = await createTrainingJob(t.db, config("other", 4), placement);
    const ablation = await t.db.ablation.create({ data: { name: "table 2", runId: "run-1", config: {} } });
    const byVariant = await t.db.evaluation.create({ data: { name: "variant eval", model: "served-name", config: {} } });
    await t.db.ablationVariant.create({ data: { ablationId: ablation.id, key: "no-ds3", position: 0, runId: "run-1", trainingJobId: job.id, evaluationId: byVariant.id } });
    const byPath = await t.db.evaluation.create({ data: { name: "final eval", model: `/srv/xinstruct/training/${job.id}/out/final`, config: {} } });
    await t.db.evaluation.create({ data: { name: "someone else", model: `/srv/xinstruct/training/${other.id}/out/final`, config: {} } });

    const links = await trainingJobLinks(t.db, job);
    expect(links.ablations).toEqual([{ ablationId: ablation.id, ablationName: "table 2", variantKey: "no-ds3", runId: "run-1" }]);
    expect(links.evaluations.map((e) => e.id).sort()).toEqual([byVariant.id, byPath.id].sort());
    expect((await trainingJobLinks(t.db, other)).ablations).toEqual([]);
  });
});
