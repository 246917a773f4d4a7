import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import type { TestDb } from "@/lib/testing/test-db";
import { createAppTestDb } from "@/lib/testing/app-test-db";
import * as metrics from "@/app/api/training/[id]/metrics/route";
import * as queue from "@/app/api/training/[id]/queue/route";
import { createTrainingJob, listJobNotes } from "@/lib/training/jobs-service";
import { ingestJsonl } from "@/lib/training/metrics-ingest";
import { phaseText } from "@/lib/training/job-notes";
import { queueText } from "@/lib/training/queue-text";
import { tinyConfig } from "@/lib/training/testing/tiny-config";

/**
 * Issue 17 item 8: a job that works without metrics yet, or waits in the queue, says what it is
 * doing — the trainer's phase (loading, tokenizing, DPO's reference pass, the first accumulation)
 * and the queue position with what the workers are busy with.
 */
let t: TestDb;
beforeAll(async () => { t = await createAppTestDb(); });
afterAll(async () => { await t.cleanup(); });

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const placement = { workRoot: "/tmp/xi-training-test", appUrl: "http://127.0.0.1:3999" };
const post = (id: string, token: string, records: unknown[]) =>
  metrics.POST(new NextRequest(`http://127.0.0.1/api/training/${id}/metrics`, {
    method: "POST", body: JSON.stringify({ records }), headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
  }), params(id));

describe("what a training job is doing before its first metrics", () => {
  it("the trainer's latest phase, with its progress, is what the job page shows; a re-read after the end replays none", async () => {
    const job = await createTrainingJob(t.db, tinyConfig(), placement);
    const res = await post(job.id, job.token, [
      { type: "phase", phase: "loading_model", message: "loading tiny" },
      { type: "phase", phase: "reference_logps", message: "reference log-probs of the 800 training pairs", done: 0, total: 800 },
      { type: "phase", phase: "reference_logps", message: "reference log-probs of the 800 training pairs", done: 120, total: 800 },
    ]);
    expect(res.status).toBe(200);
    const notes = await listJobNotes(t.db, job.id);
    expect(notes.phase).toEqual({ phase: "reference_logps", message: "reference log-probs of the 800 training pairs", done: 120, total: 800 });
    expect(phaseText(notes.phase!)).toBe("reference log-probs of the 800 training pairs (120/800)");
    // a phase name that is not one is refused like any malformed record
    expect((await post(job.id, job.token, [{ type: "phase", phase: "rm -rf /", message: "x" }])).status).toBe(400);

    const before = await t.db.event.count({ where: { topic: `training:${job.id}`, type: "phase" } });
    await ingestJsonl(t.db, job.id, `${JSON.stringify({ type: "phase", phase: "first_step", message: "step 1", done: 0, total: 4 })}\n`, { skipStatus: true });
    expect(await t.db.event.count({ where: { topic: `training:${job.id}`, type: "phase" } })).toBe(before);
  });
});

describe("a queued training job's place in the queue", () => {
  it("counts the queued jobs a worker takes first and names what is running", async () => {
    await t.db.job.deleteMany({});
    const mine = await createTrainingJob(t.db, tinyConfig(), placement);
    const other = await createTrainingJob(t.db, tinyConfig(), placement);
    const past = (s: number) => new Date(Date.now() - s * 1000);
    await t.db.job.createMany({
      data: [
        { type: "verify.run", payload: { runId: "r1" }, status: "running", runAt: past(60) },
        { type: "training.run", payload: { trainingJobId: other.id, resume: false }, status: "running", runAt: past(50) },
        { type: "dpo.run", payload: { runId: "r2" }, status: "queued", runAt: past(40) }, // older: ahead
        { type: "eval.run", payload: { evaluationId: "e" }, status: "queued", priority: 5, runAt: past(1) }, // higher priority: ahead
        { type: "training.run", payload: { trainingJobId: mine.id, resume: false }, status: "queued", runAt: past(30) },
        { type: "verify.run", payload: { runId: "r3" }, status: "queued", runAt: past(10) }, // newer: behind
        { type: "verify.run", payload: { runId: "r4" }, status: "succeeded", runAt: past(100) },
      ],
    });
    const res = await queue.GET(new NextRequest(`http://127.0.0.1/api/training/${mine.id}/queue`), params(mine.id));
    const body = (await res.json()) as { status: string; position: { ahead: number; running: { type: string; count: number }[]; notBefore: string | null } };
    expect(body.status).toBe("queued");
    expect(body.position).toEqual({ ahead: 2, running: [{ type: "training.run", count: 1 }, { type: "verify.run", count: 1 }], notBefore: null });
    expect(queueText(body.position)).toBe("2 jobs ahead in the queue · workers busy with 1 training.run, 1 verify.run: it starts when a slot frees up");

    // once a worker took it, it has no place in the queue
    await t.db.job.updateMany({ where: { type: "training.run", status: "queued" }, data: { status: "running" } });
    const gone = await (await queue.GET(new NextRequest(`http://127.0.0.1/api/training/${mine.id}/queue`), params(mine.id))).json();
    expect(gone.position).toBeNull();
  });

  it("says when nothing runs and nothing is ahead: no worker may be running", () => {
    expect(queueText({ ahead: 0, running: [], notBefore: null })).toMatch(/next in the queue · no job is running: is a worker running\?/);
    expect(queueText({ ahead: 1, running: [], notBefore: new Date(Date.now() + 9_500).toISOString() })).toMatch(/^a retry, due in 10 s · 1 job ahead/);
  });
});
