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
import { createTrainingJob } from "@/lib/training/jobs-service";
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

describe("training API", () => {
  const post = (url: string, body: unknown) => new NextRequest(`http://127.0.0.1${url}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });

  it("previews the exact command without creating anything, then launches a queued job with it stored", async () => {
    const before = await t.db.trainingJob.count();
    const pre = await preview.POST(post("/api/training/preview", { config: tinyConfig() }), undefined as never);
    expect(pre.status).toBe(200);
    const p = await pre.json();
    expect(p.command).toMatch(/python3 -m trainer sft --config '.*<job-id>\/job.json'$/);
    expect(p.llamaFactoryYaml).toContain("stage: sft");
    expect(await t.db.trainingJob.count()).toBe(before);

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
