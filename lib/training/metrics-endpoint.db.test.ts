import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import type { TestDb } from "@/lib/testing/test-db";
import { createAppTestDb } from "@/lib/testing/app-test-db";
import * as metrics from "@/app/api/training/[id]/metrics/route";
import * as jobs from "@/app/api/training/route";
import * as one from "@/app/api/training/[id]/route";
import * as cancel from "@/app/api/training/[id]/cancel/route";
import * as resume from "@/app/api/training/[id]/resume/route";
import * as preview from "@/app/api/training/preview/route";
import { createTrainingJob, listCheckpoints, listJobNotes } from "@/lib/training/jobs-service";
import { ingestJsonl } from "@/lib/training/metrics-ingest";
import { tinyConfig } from "@/lib/training/testing/tiny-config";

let t: TestDb;
beforeAll(async () => { t = await createAppTestDb(); });
afterAll(async () => { await t.cleanup(); });

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const placement = { workRoot: "/tmp/xi-training-test", appUrl: "http://127.0.0.1:3999" };
const postMetrics = (id: string, token: string | null, body: unknown) =>
  metrics.POST(new NextRequest(`http://127.0.0.1/api/training/${id}/metrics`, {
    method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
  }), params(id));
const records = (step: number, loss: number) => ({ records: [{ type: "metrics", step, values: { loss, lr: 1e-5 } }] });

describe("metrics endpoint", () => {
  it("accepts the job's own token and stores the points, with a live event", async () => {
    const job = await createTrainingJob(t.db, tinyConfig(), placement);
    const res = await postMetrics(job.id, job.token, { records: [...records(1, 2.5).records, { type: "checkpoint", step: 1, path: "/x/step-1" }] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ points: 2, skipped: 0 });
    const stored = await t.db.metricPoint.findMany({ where: { trainingJobId: job.id }, orderBy: { name: "asc" } });
    expect(stored.map((p) => [p.name, p.step, p.value])).toEqual([["loss", 1, 2.5], ["lr", 1, 1e-5]]);
    const events = await t.db.event.findMany({ where: { topic: `training:${job.id}` }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["status", "metrics", "checkpoint"]);
  });

  it("rejects a missing token, another job's token and a near miss with 401, storing nothing", async () => {
    const a = await createTrainingJob(t.db, tinyConfig(), placement);
    const b = await createTrainingJob(t.db, tinyConfig(), placement);
    for (const token of [null, b.token, `${a.token.slice(0, -1)}x`, "", a.token + "a"]) {
      const res = await postMetrics(a.id, token, records(1, 1));
      expect(res.status, String(token)).toBe(401);
      expect((await res.json()).error.code).toBe("unauthorized:training_token");
    }
    expect((await postMetrics("no-such-job", a.token, records(1, 1))).status).toBe(401);
    expect(await t.db.metricPoint.count({ where: { trainingJobId: a.id } })).toBe(0);
  });

  it("answers a malformed report with 400", async () => {
    const job = await createTrainingJob(t.db, tinyConfig(), placement);
    const res = await postMetrics(job.id, job.token, { records: [{ type: "metrics", step: "one", values: {} }] });
    expect(res.status).toBe(400);
  });

  it("ingests metrics.jsonl idempotently (what HTTP already delivered is skipped)", async () => {
    const job = await createTrainingJob(t.db, tinyConfig(), placement);
    await postMetrics(job.id, job.token, records(1, 3));
    const lines: unknown[] = [...records(1, 3).records, ...records(2, 2).records, { type: "checkpoint", step: 2, path: "/c" }];
    const jsonl = lines.map((r) => JSON.stringify(r)).join("\n") + "\n{cut sho";
    expect(await ingestJsonl(t.db, job.id, jsonl)).toEqual({ points: 2, skipped: 2 });
    expect(await ingestJsonl(t.db, job.id, jsonl)).toEqual({ points: 0, skipped: 4 });
    expect(await t.db.metricPoint.count({ where: { trainingJobId: job.id } })).toBe(4);
    expect(await t.db.event.count({ where: { topic: `training:${job.id}`, type: "checkpoint" } })).toBe(1);
  });
});

describe("trainer decisions", () => {
  it("stores the attention path, the step plan, the best eval, the early stop and the exported step, once each", async () => {
    const job = await createTrainingJob(t.db, tinyConfig(), placement);
    const body = { records: [
      { type: "attention", implementation: "sdpa", packing: "block_mask", message: "sdpa: a 4-D block-diagonal causal mask keeps each packed sample to itself" },
      { type: "schedule", samples: 43, rows: 30, accumulation: 2, steps_per_epoch: 4, total_steps: 12, warmup_steps: 2, samples_per_step: 11.5, warnings: [] },
      { type: "best", step: 4, eval_loss: 2.5, path: "/o/best" },
      { type: "best", step: 6, eval_loss: 2.2, path: "/o/best" },
      { type: "early_stop", step: 10, best_step: 6, best_eval_loss: 2.2, message: "early stop at step 10" },
      { type: "final", step: 10, path: "/o/final", best_step: 6, best_eval_loss: 2.2 },
    ] };
    expect((await postMetrics(job.id, job.token, body)).status).toBe(200);
    expect((await postMetrics(job.id, job.token, body)).status).toBe(200); // a re-sent batch adds no second stop or final
    expect(await t.db.event.count({ where: { topic: `training:${job.id}`, type: { in: ["early_stop", "final"] } } })).toBe(2);
    const notes = await listJobNotes(t.db, job.id);
    expect(notes.attention).toMatchObject({ implementation: "sdpa", packing: "block_mask" });
    expect(notes.schedule).toMatchObject({ totalSteps: 12, accumulation: 2 });
    expect(notes.earlyStop).toMatchObject({ step: 10, bestStep: 6 });
    expect(notes.final).toEqual({ step: 10, bestStep: 6, bestEvalLoss: 2.2 });
    expect(await listCheckpoints(t.db, job.id)).toEqual([{ step: 10, path: "/o/final", final: true }]);
  });
});

describe("training API", () => {
  const post = (url: string, body: unknown) => new NextRequest(`http://127.0.0.1${url}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });

  it("previews the exact command without creating anything, then launches a queued job with it stored", async () => {
    const before = await t.db.trainingJob.count();
    const pre = await preview.POST(post("/api/training/preview", { config: tinyConfig() }), undefined as never);
    expect(pre.status).toBe(200);
    const p = await pre.json();
    expect(p.command).toMatch(/python3 -m trainer sft --config '.*<job-id>\/job.json'$/);
    expect(p.llamaFactoryYaml).toContain("stage: sft");
    // the step plan from the dataset file on this host: 48 records, 5 held out, batch 8 counted in samples
    expect(p.plan).toMatchObject({ samples: 43, source: "file", rowsEstimated: true, totalSteps: 10, warmupSteps: 2 });
    expect(p.plan.samplesPerStep).toBeGreaterThan(6);
    expect(p.plan.samplesPerStep).toBeLessThan(11);
    expect(await t.db.trainingJob.count()).toBe(before);
    const elsewhere = await (await preview.POST(post("/api/training/preview", { config: tinyConfig({ dataset: "/on/another/host.jsonl" }) }), undefined as never)).json();
    expect(elsewhere.plan).toBeNull();
    // the LLaMA-Factory export counts the batch in samples: packing kept with the plan's accumulation where the file was measured, off where it was not
    expect(p.llamaFactoryYaml).toContain("neat_packing: true");
    expect(p.llamaFactoryYaml).toContain(`gradient_accumulation_steps: ${p.plan.accumulation}\n`);
    expect(elsewhere.llamaFactoryYaml).toContain("packing: false");
    const given = await (await preview.POST(post("/api/training/preview", { config: tinyConfig({ dataset: "/on/another/host.jsonl", training: { maxSteps: undefined, epochs: 3, packing: false } }), datasetSamples: 1000 }), undefined as never)).json();
    expect(given.plan).toMatchObject({ samples: 900, rows: 900, accumulation: 2, stepsPerEpoch: 113, totalSteps: 339, source: "given" }); // 10% held out; trainer/schedule.py gives the same

    const res = await jobs.POST(post("/api/training", { config: tinyConfig() }), undefined as never);
    expect(res.status).toBe(201);
    const { job } = await res.json();
    expect(job.token).toBeUndefined();
    expect(job.command).toMatch(new RegExp(`python3 -m trainer sft --config .*${job.id}/job.json$`));
    const queued = await t.db.job.findFirstOrThrow({ where: { type: "training.run" }, orderBy: { createdAt: "desc" } });
    expect(queued.payload).toEqual({ trainingJobId: job.id, resume: false });

    const got = await (await one.GET(new NextRequest(`http://127.0.0.1/api/training/${job.id}`), params(job.id))).json();
    expect(got.job).toMatchObject({ id: job.id, status: "queued" });
    expect(JSON.stringify(got)).not.toContain((await t.db.trainingJob.findUniqueOrThrow({ where: { id: job.id } })).token);
  });

  it("refuses an invalid config with the field named", async () => {
    const res = await jobs.POST(post("/api/training", { config: { ...tinyConfig(), kind: "ppo" } }), undefined as never);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/kind/);
  });

  it("cancels a queued job at once and refuses to resume a running one", async () => {
    const job = await createTrainingJob(t.db, tinyConfig(), placement);
    const c = await (await cancel.POST(post(`/api/training/${job.id}/cancel`, {}), params(job.id))).json();
    expect(c.job.status).toBe("cancelled");
    const r = await resume.POST(post(`/api/training/${job.id}/resume`, {}), params(job.id));
    expect(r.status).toBe(200);
    expect((await r.json()).job.command).toMatch(/--resume$/);
    await t.db.trainingJob.update({ where: { id: job.id }, data: { status: "running" } });
    const again = await resume.POST(post(`/api/training/${job.id}/resume`, {}), params(job.id));
    expect(again.status).toBe(409);
  });
});
